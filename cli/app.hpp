// The whole command line: every command and its options, as one CLI11
// tree. main() runs it; tests walk it, so that no command can be missed.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"

namespace rectrack::cli {

std::unique_ptr<CLI::App> make_app(Context& ctx);

// "unknown command 'staus' (did you mean 'status'?)" when the words of a
// command line name no command; CLI11 alone would only say that a
// subcommand is required.
std::optional<std::string> unknown_command(const CLI::App& app,
                                           const std::vector<std::string>& args);

}  // namespace rectrack::cli
