// The whole command line: every command and its options, as one CLI11
// tree. main() runs it; tests walk it, so that no command can be missed.
#pragma once
#include <memory>

#include "commands.hpp"

namespace rectrack::cli {

std::unique_ptr<CLI::App> make_app(Context& ctx);

}  // namespace rectrack::cli
