#include <unistd.h>

#include <iostream>
#include <set>

#include "audit/audit.hpp"
#include "commands.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "report/escape.hpp"

namespace rectrack::cli {

namespace {

void print_text(const std::vector<Finding>& findings, const std::vector<CheckResult>& results,
                bool online) {
    std::cout << "Offline findings: " << findings.size() << "\n";
    for (const auto& f : findings)
        std::cout << "  " << column(f.kind, 27) << column(f.subject, 14) << f.detail << "\n";
    if (!online) return;
    std::cout << "\nOnline results: " << results.size() << " URLs\n";
    for (const auto& r : results) {
        std::cout << "  " << column(evidence_ref(r.evidence), 5)
                  << column(std::string(name(r.result)), 21)
                  << column(r.http_status ? std::to_string(r.http_status) : "-", 4) << r.url;
        if (!r.detail.empty()) std::cout << "  (" << r.detail << ")";
        std::cout << "\n";
    }
}

void print_markdown(const std::vector<Finding>& findings, const std::vector<CheckResult>& results,
                    bool online) {
    std::cout << "# Evidence audit\n\n## Offline findings (" << findings.size() << ")\n\n";
    if (!findings.empty()) std::cout << "| Kind | Subject | Detail |\n|---|---|---|\n";
    for (const auto& f : findings)
        std::cout << "| " << f.kind << " | " << markdown_escape(f.subject) << " | "
                  << markdown_escape(f.detail) << " |\n";
    if (!online) return;
    std::cout << "\n## Online results (" << results.size() << " URLs)\n\n"
              << "| Evidence | Result | HTTP | URL | Detail |\n|---|---|---:|---|---|\n";
    for (const auto& r : results)
        std::cout << "| " << evidence_ref(r.evidence) << " | " << name(r.result) << " | "
                  << r.http_status << " | <" << markdown_url(r.url) << "> | "
                  << markdown_escape(r.detail) << " |\n";
}

nlohmann::json audit_json(const std::vector<Finding>& findings,
                          const std::vector<CheckResult>& results) {
    nlohmann::json f = nlohmann::json::array(), r = nlohmann::json::array();
    for (const auto& x : findings)
        f.push_back({{"kind", x.kind}, {"subject", x.subject}, {"detail", x.detail}});
    for (const auto& x : results)
        r.push_back({{"evidence", evidence_ref(x.evidence)},
                     {"url", x.url},
                     {"result", name(x.result)},
                     {"http_status", x.http_status},
                     {"final_url", x.final_url},
                     {"attempts", x.attempts},
                     {"detail", x.detail}});
    return {{"findings", f}, {"results", r}};
}

// --fail-on takes finding kinds and result classes, nothing else.
void require_known_kinds(const std::vector<std::string>& fail_on) {
    const auto& kinds = finding_kinds();
    for (const auto& k : fail_on) {
        if (std::find(kinds.begin(), kinds.end(), k) != kinds.end() || parse_check_outcome(k))
            continue;
        std::vector<std::string> classes;
        for (const auto& c : check_outcomes()) classes.emplace_back(c.name);
        throw InputError("unknown kind '" + k + "' in --fail-on (finding kinds: " +
                         join(kinds, ", ") + "; result classes: " + join(classes, ", ") + ")");
    }
}

// The link checks, with a progress line for a person watching; never into
// a pipe or a file.
std::vector<CheckResult> check_with_progress(const std::vector<CheckTarget>& targets,
                                             const CheckPolicy& policy) {
    const bool tty = isatty(STDERR_FILENO);
    auto results = check_links(targets, policy, [&](size_t done, size_t total) {
        if (tty) std::cerr << "\rchecked " << done << " of " << total << " URLs" << std::flush;
    });
    if (tty && !targets.empty()) std::cerr << "\n";
    return results;
}

}  // namespace

void add_audit(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "audit", "Check the evidence: offline governance checks, and links with --online");
    struct Options {
        bool online = false;
        int stale_after = 180;
        std::string format;
        std::vector<std::string> fail_on, recs;
        CheckFlags check;
    };
    auto o = std::make_shared<Options>();
    cmd->add_flag("--online", o->online, "Also check every evidence URL over the network");
    cmd->add_option("--stale-after", o->stale_after, "Days after which a check is stale")
        ->capture_default_str();
    add_format(cmd, o->format, {"text", "json", "md"});
    cmd->add_option("--fail-on", o->fail_on, "Only these finding kinds or result classes count")
        ->delimiter(',');
    cmd->add_option("--recs", o->recs, "Only these recommendations, e.g. R1,R4")
        ->delimiter(',')
        ->type_name("REC");
    add_check_options(cmd, o->check);
    cmd->callback([&ctx, o] {
        const Settings s = ctx.settings();
        require_known_kinds(o->fail_on);
        if (o->stale_after < 0) throw InputError("--stale-after must not be negative");
        const CheckPolicy policy = check_policy(o->check, s);
        auto store = ctx.open();
        const auto findings = offline_findings(*store, {s.now.date(), o->stale_after, o->recs});

        std::vector<CheckResult> results;
        bool outage = false;
        if (o->online) {
            const auto targets = check_targets(*store, evidence_of_recs(*store, o->recs));
            note_missing_contact(s);
            results = check_with_progress(targets, policy);
            if (looks_like_outage(results)) {
                outage = true;
                std::cerr << "rectrack: the network seems to be down: "
                          << set_aside_network_failures(results) << " of " << results.size()
                          << " sources could not be reached (DNS or connection); nothing was "
                             "recorded for them. Check the connection and audit again.\n";
            }
            const auto recorded = results_to_record(results);
            if (!recorded.empty())
                ctx.write([&](Tracker& t) {
                    return t.record_audit(recorded, static_cast<int>(findings.size()));
                });
        }

        if (o->format == "json") {
            print_json(audit_json(findings, results));
        } else if (o->format == "md") {
            print_markdown(findings, results, o->online);
        } else {
            print_text(findings, results, o->online);
        }

        const std::set<std::string> counted(o->fail_on.begin(), o->fail_on.end());
        bool problem = false;
        for (const auto& f : findings) problem |= counted.empty() || counted.contains(f.kind);
        for (const auto& r : results)
            problem |= counted.empty() ? info(r.result).problem
                                       : counted.contains(std::string(name(r.result)));
        if (problem || outage) ctx.exit_code = 1;
    });
}

}  // namespace rectrack::cli
