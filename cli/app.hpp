// The whole command line: every command and its options, as one CLI11
// tree. main() runs it; tests walk it, so that no command can be missed.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"

namespace rectrack::cli {

// With `args` (the words after the program's name) naming a command, only
// that command's family is built: building every command's options was 8%
// of a `status` call. Otherwise, and for the man page, the whole tree.
std::unique_ptr<CLI::App> make_app(Context& ctx, const std::vector<std::string>& args = {});

// Each function that adds commands, with the top-level commands it adds, in
// the order help lists them (tests check the names against the tree).
struct CommandFamily {
    void (*add)(CLI::App&, Context&);
    std::vector<std::string> names;
};
const std::vector<CommandFamily>& command_families();

// "unknown command 'staus' (did you mean 'status'?)" when the words of a
// command line name no command; CLI11 alone would only say that a
// subcommand is required.
std::optional<std::string> unknown_command(const CLI::App& app,
                                           const std::vector<std::string>& args);

}  // namespace rectrack::cli
