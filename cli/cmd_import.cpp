#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "journal_file.hpp"

namespace rectrack::cli {

void add_import(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "import", "Load a journal export into a new database, or add a dataset's records");
    auto file = std::make_shared<std::string>();
    cmd->add_option("file", *file, "A file from `rectrack export`, or a dataset (TOML)")
        ->required();
    cmd->callback([&ctx, file] {
        const Settings s = ctx.settings();
        // A journal export is meant for a fresh database, so one is created
        // when missing, and removed again if the import fails.
        const bool created = !std::filesystem::exists(s.db_path);
        ImportResult r;
        try {
            Store store(s.db_path, OpenOptions{true, s.busy_timeout_ms});
            Store::Transaction tx(store);
            r = import_file(store, tx, Actor{s.author, s.now}, *file);
            tx.commit();
        } catch (...) {
            if (created)
                for (const char* suffix : {"", "-wal", "-shm"})
                    std::filesystem::remove(s.db_path + suffix);
            throw;
        }
        std::cout << "imported " << r.events << " events from "
                  << (r.journal ? "journal " : "dataset ") << *file << "\n";
    });
}

}  // namespace rectrack::cli
