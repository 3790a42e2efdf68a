#include <iostream>

#include "commands.hpp"

namespace rectrack::cli {

void add_import(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "import", "Load a journal export into a new database, or add a dataset's records");
    auto file = std::make_shared<std::string>();
    cmd->add_option("file", *file, "A file from `rectrack export`, or a dataset (TOML)")
        ->required();
    cmd->callback([&ctx, file] {
        // A journal export is meant for a fresh database, so one is created
        // when missing, and removed again if the import fails.
        ctx.prefer_huge_pages(*file);
        const ImportResult r = ctx.import_file(*file);
        std::cout << "imported " << r.events << " events from "
                  << (r.journal ? "journal " : "dataset ") << *file << "\n";
    });
}

}  // namespace rectrack::cli
