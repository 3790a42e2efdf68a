#include <filesystem>
#include <iostream>

#include "bundled_data.hpp"
#include "commands.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

void add_init(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("init", "Create the database and load the bundled dataset");
    struct Options {
        std::string data = bundled_dataset();
        bool exists_ok = false;
    };
    auto o = std::make_shared<Options>();
    // No default shown: it depends on where rectrack is installed.
    cmd->add_option(
        "--data", o->data,
        "Dataset to load (TOML; default: the bundled one, or the one in RECTRACK_DATA)");
    cmd->add_flag("--exists-ok", o->exists_ok, "Leave an existing database untouched and succeed");
    cmd->callback([&ctx, o] {
        const std::string& data = o->data;
        const Settings s = ctx.settings();
        if (std::filesystem::exists(s.db_path)) {
            if (o->exists_ok) {
                std::cout << s.db_path << " already exists; left unchanged\n";
                return;
            }
            throw InputError("a database already exists at '" + s.db_path +
                             "'; it is never overwritten (use --exists-ok to accept it, or --db)");
        }
        if (!std::filesystem::exists(data)) throw InputError("no dataset at '" + data + "'");
        // A failed init leaves no half-made database behind.
        const ImportResult loaded = ctx.import_file(data);
        std::cout << "created " << s.db_path << " with " << loaded.events << " events from " << data
                  << "\n";
    });
}

}  // namespace rectrack::cli
