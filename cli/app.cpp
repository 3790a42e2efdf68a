#include "app.hpp"

#include <string>

#include "store/store.hpp"

namespace rectrack::cli {

std::unique_ptr<CLI::App> make_app(Context& ctx) {
    auto app = std::make_unique<CLI::App>(
        "rectrack: track the EU's progress on a report's recommendations", "rectrack");
    // The schema version says which databases this binary reads and writes.
    app->set_version_flag("--version", std::string("rectrack ") + RECTRACK_VERSION +
                                           " (database schema " +
                                           std::to_string(Store::latest_schema_version()) + ")");
    app->require_subcommand(1);
    app->fallthrough();
    app->add_option("--db", ctx.overrides.db,
                    "Database file (else RECTRACK_DB, rectrack.toml, ./rectrack.db)");
    app->add_option("--author", ctx.overrides.author,
                    "Who records (else RECTRACK_AUTHOR, rectrack.toml, login)");

    add_init(*app, ctx);
    add_rec(*app, ctx);
    add_recs(*app, ctx);
    add_show(*app, ctx);
    add_measure(*app, ctx);
    add_link(*app, ctx);
    add_status(*app, ctx);
    add_evidence(*app, ctx);
    add_note(*app, ctx);
    add_correct(*app, ctx);
    add_amend(*app, ctx);
    add_log(*app, ctx);
    add_report(*app, ctx);
    add_verify(*app, ctx);
    add_audit(*app, ctx);
    add_export(*app, ctx);
    add_import(*app, ctx);
    add_man(*app, ctx);
    return app;
}

}  // namespace rectrack::cli
