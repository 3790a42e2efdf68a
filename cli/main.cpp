// rectrack: track how far the EU has acted on a report's recommendations.
// Exit codes: 0 success, 1 a check found problems, 2 bad usage or input,
// 3 storage trouble.
#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"
#include "store/store.hpp"

using namespace rectrack;

int main(int argc, char** argv) {
    cli::Context ctx;
    CLI::App app{"rectrack: track the EU's progress on a report's recommendations", "rectrack"};
    app.set_version_flag("--version", std::string("rectrack ") + RECTRACK_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--db", ctx.overrides.db,
                   "Database file (else RECTRACK_DB, rectrack.toml, ./rectrack.db)");
    app.add_option("--author", ctx.overrides.author,
                   "Who records (else RECTRACK_AUTHOR, rectrack.toml, login)");

    cli::add_init(app, ctx);
    cli::add_rec(app, ctx);
    cli::add_recs(app, ctx);
    cli::add_show(app, ctx);
    cli::add_measure(app, ctx);
    cli::add_link(app, ctx);
    cli::add_status(app, ctx);
    cli::add_evidence(app, ctx);
    cli::add_note(app, ctx);
    cli::add_correct(app, ctx);
    cli::add_log(app, ctx);
    cli::add_report(app, ctx);
    cli::add_verify(app, ctx);
    cli::add_audit(app, ctx);
    cli::add_export(app, ctx);
    cli::add_import(app, ctx);

    try {
        app.parse(argc, argv);
        return ctx.exit_code;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        std::cerr << "rectrack: error: " << e.what() << "\n";
        return 2;
    } catch (const InputError& e) {
        std::cerr << "rectrack: error: " << e.what() << "\n";
        return 2;
    } catch (const StorageError& e) {
        std::cerr << "rectrack: error: " << e.what() << "\n";
        return 3;
    } catch (const std::exception&) {
        try {
            rethrow_as_storage_error(ctx.settings().db_path);
        } catch (const StorageError& e) {
            std::cerr << "rectrack: error: " << e.what() << "\n";
        } catch (const std::exception& e) {
            std::cerr << "rectrack: internal error: " << e.what() << "\n";
        }
        return 3;
    }
}
