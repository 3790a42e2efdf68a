// rectrack(1), generated from the CLI11 tree the binary parses with, so the
// page lists exactly the commands and options there are.
#pragma once
#include <CLI/CLI.hpp>
#include <string>

namespace rectrack::cli {

// The whole page in roff (man(7) macros).
std::string man_page(const CLI::App& root);

}  // namespace rectrack::cli
