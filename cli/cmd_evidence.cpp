#include <iostream>

#include "commands.hpp"
#include "error.hpp"

namespace rectrack::cli {

namespace {

void add_evidence_add(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("add", "Record a source; prints its id (E<n>)");
    struct Options {
        Evidence v;
        std::string published, accessed;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("url", o->v.url, "The source's http(s) URL")->required();
    cmd->add_option("--title", o->v.title, "Title of the source")->required();
    cmd->add_option("--publisher", o->v.publisher, "Who published it");
    cmd->add_option("--published", o->published, "Publication date");
    cmd->add_option("--accessed", o->accessed, "When it was read (default: today)");
    cmd->add_option("--archive", o->v.archive_url, "URL of an archived copy");
    cmd->add_option("--sha256", o->v.sha256, "SHA-256 of the content as read");
    cmd->add_option("--kind", o->v.kind, "official, legislation, news, ngo or academic");
    cmd->add_option("--bearing", o->v.bearing, "supports (default), contradicts or context");
    cmd->callback([&ctx, o] {
        EvidenceInput in{o->v, std::nullopt};
        if (!o->published.empty()) in.evidence.published = require_date(o->published, "--published");
        // Whoever records a source by hand has just read it.
        in.evidence.accessed = o->accessed.empty() ? ctx.settings().now.date()
                                                   : require_date(o->accessed, "--accessed");
        ctx.write([&](Tracker& t, Store&) {
            const EvidenceAdded added = t.add_evidence(in);
            std::cout << evidence_ref(added.id) << (added.created ? "" : " (already recorded)") << "\n";
        });
    });
}

void add_evidence_list(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("list", "List evidence");
    auto format = std::make_shared<std::string>();
    add_format(cmd, *format, {"text", "json"});
    cmd->callback([&ctx, format] {
        auto store = ctx.open();
        const auto all = store->evidence_list();
        if (*format == "json") {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& v : all)
                out.push_back({{"id", evidence_ref(v.id)}, {"url", v.url}, {"title", v.title},
                               {"kind", v.kind}, {"bearing", v.bearing},
                               {"published", v.published ? v.published->str() : ""}});
            print_json(out);
            return;
        }
        for (const auto& v : all)
            std::cout << column(evidence_ref(v.id), 6) << column(optional_date(v.published), 12)
                      << v.title << "\n      " << v.url << "\n";
    });
}

void add_evidence_show(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("show", "Show one evidence item");
    struct Options {
        std::string ref, format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("id", o->ref, "E<n>, <n> or the URL")->required();
    add_format(cmd, o->format, {"text", "json"});
    cmd->callback([&ctx, o] {
        auto store = ctx.open();
        std::optional<Evidence> v;
        if (auto id = parse_evidence_ref(o->ref)) v = store->evidence(*id);
        else v = store->evidence_by_url(o->ref);
        if (!v) throw InputError("unknown evidence '" + o->ref + "' (see `rectrack evidence list`)");
        if (o->format == "json") {
            print_json({{"id", evidence_ref(v->id)}, {"url", v->url}, {"title", v->title},
                        {"publisher", v->publisher}, {"published", v->published ? v->published->str() : ""},
                        {"accessed", v->accessed ? v->accessed->str() : ""},
                        {"archive_url", v->archive_url}, {"sha256", v->sha256},
                        {"kind", v->kind}, {"bearing", v->bearing}});
            return;
        }
        std::cout << evidence_ref(v->id) << "  " << v->title << "\n";
        std::cout << "URL:       " << v->url << "\n";
        if (!v->publisher.empty()) std::cout << "Publisher: " << v->publisher << "\n";
        std::cout << "Published: " << optional_date(v->published) << "\n";
        std::cout << "Accessed:  " << optional_date(v->accessed) << "\n";
        std::cout << "Kind:      " << (v->kind.empty() ? "-" : v->kind) << "\n";
        std::cout << "Bearing:   " << v->bearing << "\n";
        std::cout << "Archive:   " << (v->archive_url.empty() ? "-" : v->archive_url) << "\n";
        std::cout << "SHA-256:   " << (v->sha256.empty() ? "-" : v->sha256) << "\n";
    });
}

void add_evidence_attach(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("attach", "Attach evidence to a recommendation or measure");
    struct Options {
        std::string ref, to, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("id", o->ref, "E<n> or a recorded URL")->required();
    cmd->add_option("--to", o->to, "Recommendation or measure key")->required();
    cmd->add_option("--date", o->date, "Date (default: today)");
    cmd->callback([&ctx, o] {
        std::optional<Date> d;
        if (!o->date.empty()) d = require_date(o->date, "--date");
        ctx.write([&](Tracker& t, Store&) {
            auto e = t.attach_evidence(o->ref, o->to, d);
            std::cout << "recorded #" << e.id << ": " << describe(e) << "\n";
        });
    });
}

}  // namespace

void add_evidence(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("evidence", "Record and list the sources behind claims");
    cmd->require_subcommand(1);
    add_evidence_add(cmd, ctx);
    add_evidence_list(cmd, ctx);
    add_evidence_show(cmd, ctx);
    add_evidence_attach(cmd, ctx);
}

}  // namespace rectrack::cli
