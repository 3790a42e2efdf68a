#include <iostream>

#include "commands.hpp"
#include "ids/url.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

namespace {

// A source that could not be fetched: not bad input, but a check that
// found a problem (exit 1).
struct CaptureFailed : std::runtime_error {
    explicit CaptureFailed(const CheckResult& r)
        : std::runtime_error("could not capture " + r.url + ": " + std::string(name(r.result)) +
                             (r.detail.empty() ? "" : " (" + r.detail + ")")) {}
};

void add_evidence_capture(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand(
        "capture", "Fetch a source and record its SHA-256, ETag, Last-Modified and final URL");
    struct Options {
        std::string ref;
        CheckFlags check;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("id", o->ref, "E<n>, <n> or the recorded URL")
        ->required()
        ->type_name("EVIDENCE");
    add_check_options(cmd, o->check);
    cmd->callback([&ctx, o] {
        const Network& network = ctx.online();
        const auto store = ctx.open();
        const std::optional<Evidence> v = find_evidence(*store, o->ref);
        if (!v)
            throw InputError("unknown evidence '" + o->ref + "' (see `rectrack evidence list`)");
        const CheckPolicy policy = check_policy(o->check, ctx.settings());
        note_missing_contact(ctx.settings());
        const CheckResult fetched =
            network.capture_source(check_targets(*store, {v->id}).at(0), policy);
        if (!info(fetched.result).seen_working) {
            std::cerr << "rectrack: " << CaptureFailed(fetched).what() << "\n";
            ctx.exit_code = 1;
            return;
        }
        print_recorded(ctx.write([&](Tracker& t) { return t.record_capture(v->id, fetched); }));
    });
}

nlohmann::json local_copies_json(const std::vector<EvidenceArchive>& copies) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : copies)
        out.push_back({{"event", c.event},
                       {"fetched_at", c.fetched_at},
                       {"sha256", c.sha256},
                       {"size", c.size},
                       {"content_type", c.content_type},
                       {"final_url", c.final_url},
                       {"http_status", c.http_status}});
    return out;
}

// "Copy:      2026-11-28T09:00:00Z, 5120 bytes of text/html, sha256 0123abcd4567 (#57)"
void print_local_copy(const Evidence& v, const EvidenceArchive& c) {
    std::cout << "Copy:      " << c.fetched_at << ", " << c.size << " bytes"
              << (c.content_type.empty() ? "" : " of " + c.content_type) << ", sha256 "
              << c.sha256.substr(0, 12) << " (#" << c.event << ")\n";
    if (!c.final_url.empty() && c.final_url != v.url)
        std::cout << "           from " << c.final_url << "\n";
}

void add_evidence_add(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("add", "Record a source; prints its id (E<n>)");
    struct Options {
        Evidence v;
        std::string published, accessed;
        bool capture = false;
        CheckFlags check;
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
    cmd->add_flag("--capture", o->capture, "Fetch it now and record its hash and validators");
    add_check_options(cmd, o->check);
    cmd->callback([&ctx, o] {
        const Network* network = o->capture ? &ctx.online() : nullptr;
        EvidenceInput in{o->v, std::nullopt};
        if (!o->published.empty())
            in.evidence.published = require_date(o->published, "--published");
        // Whoever records a source by hand has just read it.
        in.evidence.accessed = o->accessed.empty() ? ctx.settings().now.date()
                                                   : require_date(o->accessed, "--accessed");
        // Fetch before writing, so that no lock is held while the network answers.
        std::optional<CheckResult> fetched;
        if (network) {
            note_missing_contact(ctx.settings());
            fetched = network->capture_source(
                {0, require_web_url(o->v.url, "evidence URL"), "", "", "", ""},
                check_policy(o->check, ctx.settings()));
            // Nothing is recorded: the command asked for both.
            if (!info(fetched->result).seen_working) {
                std::cerr << "rectrack: " << CaptureFailed(*fetched).what() << "\n";
                ctx.exit_code = 1;
                return;
            }
        }
        const EvidenceAdded added = ctx.write([&](Tracker& t) {
            const EvidenceAdded added = t.add_evidence(in);
            if (fetched) t.record_capture(added.id, *fetched);
            return added;
        });
        std::cout << evidence_ref(added.id) << (added.created ? "" : " (already recorded)") << "\n";
        if (!added.not_applied.empty())
            std::cerr << "rectrack: " << evidence_ref(added.id) << " is already recorded; "
                      << join(added.not_applied, ", ")
                      << " differ from the record and were not applied (to apply them: "
                      << "`rectrack amend evidence " << evidence_ref(added.id) << " "
                      << join(added.not_applied, " ... ") << " ...`)\n";
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
                out.push_back({{"id", evidence_ref(v.id)},
                               {"url", v.url},
                               {"title", v.title},
                               {"kind", v.kind},
                               {"bearing", v.bearing},
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
    cmd->add_option("id", o->ref, "E<n>, <n> or the URL")->required()->type_name("EVIDENCE");
    add_format(cmd, o->format, {"text", "json"});
    cmd->callback([&ctx, o] {
        auto store = ctx.open();
        const std::optional<Evidence> v = find_evidence(*store, o->ref);
        if (!v)
            throw InputError("unknown evidence '" + o->ref + "' (see `rectrack evidence list`)");
        const auto capture = store->latest_capture(v->id);
        const auto archived = store->archives(v->id);
        const std::vector<EvidenceArchive> copies =
            archived.empty() ? std::vector<EvidenceArchive>{} : archived.begin()->second;
        const auto all_health = store->evidence_health(v->id);
        const EvidenceHealth health =
            all_health.empty() ? EvidenceHealth{} : all_health.begin()->second;
        if (o->format == "json") {
            print_json(
                {{"id", evidence_ref(v->id)},
                 {"url", v->url},
                 {"title", v->title},
                 {"publisher", v->publisher},
                 {"published", v->published ? v->published->str() : ""},
                 {"accessed", v->accessed ? v->accessed->str() : ""},
                 {"archive_url", v->archive_url},
                 {"sha256", v->sha256},
                 {"kind", v->kind},
                 {"bearing", v->bearing},
                 {"captured", capture ? nlohmann::json{{"recorded_at", capture->recorded_at},
                                                       {"sha256", capture->sha256},
                                                       {"etag", capture->etag},
                                                       {"last_modified", capture->last_modified},
                                                       {"final_url", capture->final_url},
                                                       {"http_status", capture->http_status}}
                                      : nlohmann::json()},
                 {"local_copies", local_copies_json(copies)},
                 {"last_checked", health.last_checked.empty()
                                      ? nlohmann::json()
                                      : nlohmann::json(health.last_checked)},
                 {"last_result", health.last_result ? nlohmann::json(name(*health.last_result))
                                                    : nlohmann::json()},
                 {"last_success", health.last_success.empty()
                                      ? nlohmann::json()
                                      : nlohmann::json(health.last_success)},
                 {"consecutive_failures", health.consecutive_failures}});
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
        if (capture) {
            std::cout << "Captured:  " << capture->recorded_at << " (HTTP " << capture->http_status
                      << ", sha256 " << capture->sha256 << ")\n";
            if (!capture->etag.empty()) std::cout << "ETag:      " << capture->etag << "\n";
            if (!capture->last_modified.empty())
                std::cout << "Modified:  " << capture->last_modified << "\n";
            if (!capture->final_url.empty() && capture->final_url != v->url)
                std::cout << "Final URL: " << capture->final_url << "\n";
        }
        for (const auto& c : copies) print_local_copy(*v, c);
        if (health.last_checked.empty()) {
            std::cout << "Checked:   never\n";
        } else {
            std::cout << "Checked:   " << health.last_checked << " ("
                      << (health.last_result ? name(*health.last_result) : "") << ")\n";
            std::cout << "Worked:    "
                      << (health.last_success.empty() ? "never" : health.last_success) << "\n";
            std::cout << "Failures:  " << health.consecutive_failures << " in a row\n";
        }
    });
}

void add_evidence_attach(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("attach", "Attach evidence to a recommendation or measure");
    struct Options {
        std::string ref, to, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("id", o->ref, "E<n> or a recorded URL")->required()->type_name("EVIDENCE");
    cmd->add_option("--to", o->to, "Recommendation or measure key")
        ->required()
        ->type_name("SUBJECT");
    cmd->add_option("--date", o->date, "Date (default: today)");
    cmd->callback([&ctx, o] {
        std::optional<Date> d;
        if (!o->date.empty()) d = require_date(o->date, "--date");
        print_recorded(ctx.write([&](Tracker& t) { return t.attach_evidence(o->ref, o->to, d); }));
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
    add_evidence_capture(cmd, ctx);
    add_evidence_archive(cmd, ctx);
}

}  // namespace rectrack::cli
