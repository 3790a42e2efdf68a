#include <iostream>

#include "commands.hpp"
#include "dataset/journal_file.hpp"

namespace rectrack::cli {

void add_export(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("export", "Write the whole journal, with its hashes");
    auto format = std::make_shared<std::string>();
    add_format(cmd, *format, {"toml", "json"});
    cmd->callback([&ctx, format] {
        auto store = ctx.open();
        if (*format == "json")
            write_journal_json(*store, std::cout);
        else
            std::cout << export_journal_toml(*store);
    });
}

}  // namespace rectrack::cli
