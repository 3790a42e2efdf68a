#include "app.hpp"

#include <string>

#include "model/suggest.hpp"
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
    app->add_flag("--strict", ctx.strict,
                  "Refuse (exit 2) what would otherwise be recorded with a warning");

    add_init(*app, ctx);
    add_rec(*app, ctx);
    add_recs(*app, ctx);
    add_show(*app, ctx);
    add_measure(*app, ctx);
    add_link(*app, ctx);
    add_status(*app, ctx);
    add_evidence(*app, ctx);
    add_note(*app, ctx);
    add_tag(*app, ctx);
    add_follow_up(*app, ctx);
    add_search(*app, ctx);
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

std::optional<std::string> unknown_command(const CLI::App& app,
                                           const std::vector<std::string>& args) {
    const CLI::App* at = &app;
    std::string path;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        if (word.starts_with("-")) {
            // The global options take a value; others are flags or belong
            // to the command reached.
            if (at == &app && (word == "--db" || word == "--author")) ++i;
            continue;
        }
        const auto subs = at->get_subcommands([](const CLI::App*) { return true; });
        if (subs.empty()) return std::nullopt;  // a command's own arguments
        std::vector<std::string> names;
        const CLI::App* next = nullptr;
        for (const auto* sub : subs) {
            if (sub->get_name() == word) next = sub;
            if (!sub->get_name().starts_with("_")) names.push_back(sub->get_name());  // not _man
        }
        if (!next)
            return "unknown command '" + path + word + "'" + did_you_mean(word, names) +
                   " (see `rectrack " + path + "--help`)";
        at = next;
        path += word + " ";
    }
    return std::nullopt;
}

}  // namespace rectrack::cli
