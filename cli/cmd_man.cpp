#include <iostream>

#include "commands.hpp"
#include "man_page.hpp"

namespace rectrack::cli {

void add_man(CLI::App& app, Context&) {
    // Hidden: the build writes rectrack.1 with it (see cli/CMakeLists.txt).
    auto* cmd = app.add_subcommand("_man", "Print the rectrack(1) man page")->group("");
    cmd->callback([&app] { std::cout << man_page(app); });
}

}  // namespace rectrack::cli
