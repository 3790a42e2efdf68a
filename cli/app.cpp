#include "app.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "model/suggest.hpp"
#include "store/store.hpp"

namespace rectrack::cli {

const std::vector<CommandFamily>& command_families() {
    static const std::vector<CommandFamily> families = {
        {add_init, {"init"}},
        {add_rec, {"rec"}},
        {add_recs, {"recs"}},
        {add_show, {"show"}},
        {add_measure, {"measure"}},
        {add_link, {"link", "unlink"}},
        {add_status, {"status"}},
        {add_evidence, {"evidence"}},
        {add_note, {"note"}},
        {add_tag, {"tag", "untag"}},
        {add_follow_up, {"owner", "target", "response"}},
        {add_search, {"search"}},
        {add_correct, {"correct"}},
        {add_amend, {"amend"}},
        {add_log, {"log"}},
        {add_report, {"report"}},
        {add_verify, {"verify"}},
        {add_audit, {"audit"}},
        {add_export, {"export"}},
        {add_import, {"import"}},
        {add_man, {"_man"}},
    };
    return families;
}

namespace {

// The command a command line names: its first word that is neither an
// option nor the value of a global one.
std::string_view named_command(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" || args[i] == "--author") {
            ++i;
            continue;
        }
        if (!args[i].starts_with("-")) return args[i];
    }
    return {};
}

// The family that adds `command`, unless it needs the whole tree (the man
// page documents every command).
const CommandFamily* family_of(std::string_view command) {
    if (command.empty() || command == "_man") return nullptr;
    for (const auto& f : command_families())
        if (std::find(f.names.begin(), f.names.end(), command) != f.names.end()) return &f;
    return nullptr;
}

}  // namespace

std::unique_ptr<CLI::App> make_app(Context& ctx, const std::vector<std::string>& args) {
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

    if (const CommandFamily* only = family_of(named_command(args))) {
        only->add(*app, ctx);
        return app;
    }
    for (const auto& f : command_families()) f.add(*app, ctx);
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
