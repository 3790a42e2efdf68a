#include <algorithm>
#include <iostream>
#include <set>

#include "audit/audit.hpp"
#include "audit_output.hpp"
#include "commands.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace rectrack::cli {

namespace {

// --fail-on takes severities, finding kinds and result classes.
void require_known_kinds(const std::vector<std::string>& fail_on) {
    for (const auto& k : fail_on) {
        if (parse_severity(k) || parse_finding_kind(k) || parse_check_outcome(k)) continue;
        std::vector<std::string> kinds, classes;
        for (const auto& f : finding_kinds()) kinds.emplace_back(f.name);
        for (const auto& c : check_outcomes()) classes.emplace_back(c.name);
        throw InputError("unknown kind '" + k +
                         "' in --fail-on (severities: error, warning, info; finding kinds: " +
                         join(kinds, ", ") + "; result classes: " + join(classes, ", ") + ")");
    }
}

// Whether what was found fails the run: by default errors and link results
// that are problems; with --fail-on, what it names (severities count their
// own level and above).
bool fails(const std::vector<std::string>& fail_on, const std::vector<Finding>& findings,
           const std::vector<CheckResult>& results) {
    const std::set<std::string> named(fail_on.begin(), fail_on.end());
    std::optional<Severity> level;
    for (const auto& k : fail_on)
        if (auto s = parse_severity(k); s && (!level || *s > *level)) level = s;
    if (named.empty()) level = Severity::error;
    for (const auto& f : findings)
        if ((level && f.severity() <= *level) || named.contains(std::string(name(f.kind))))
            return true;
    for (const auto& r : results)
        if (named.empty() ? info(r.result).problem : named.contains(std::string(name(r.result))))
            return true;
    return false;
}

}  // namespace

void add_audit(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "audit", "Check the evidence: offline governance checks, and links with --online");
    struct Options {
        bool online = false;
        int stale_after = 180;
        int recheck_after = 24;
        std::string format;
        std::vector<std::string> fail_on, recs;
        CheckFlags check;
    };
    auto o = std::make_shared<Options>();
    cmd->add_flag("--online", o->online, "Also check every evidence URL over the network");
    cmd->add_option("--stale-after", o->stale_after, "Days after which a check is stale")
        ->capture_default_str();
    cmd->add_option("--recheck-after", o->recheck_after,
                    "With --online: hours within which a source checked at its URL is not "
                    "fetched again (its last check is reported); 0 fetches every source")
        ->capture_default_str();
    add_format(cmd, o->format, {"text", "json", "md"});
    cmd->add_option("--fail-on", o->fail_on,
                    "What fails the run (exit 1): a severity (error, the default; warning; "
                    "info), finding kinds or result classes")
        ->delimiter(',');
    cmd->add_option("--recs", o->recs, "Only these recommendations, e.g. R1,R4")
        ->delimiter(',')
        ->type_name("REC");
    add_check_options(cmd, o->check);
    cmd->callback([&ctx, o] {
        const Network* network = o->online ? &ctx.online() : nullptr;
        const Settings s = ctx.settings();
        require_known_kinds(o->fail_on);
        if (o->stale_after < 0) throw InputError("--stale-after must not be negative");
        if (o->recheck_after < 0) throw InputError("--recheck-after must not be negative");
        const CheckPolicy policy = check_policy(o->check, s);
        auto store = ctx.open();
        const auto findings = offline_findings(*store, {s.now.date(), o->stale_after, o->recs});

        std::vector<CheckResult> results;
        bool outage = false;
        if (network) {
            const CheckPlan plan =
                plan_checks(*store, check_targets(*store, evidence_of_recs(*store, o->recs)), s.now,
                            o->recheck_after);
            if (!plan.fetch.empty()) note_missing_contact(s);
            results = with_progress(network->check_links, plan.fetch, policy, "checked", "URLs");
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
            // Reported beside this run's checks, in evidence order; never recorded again.
            results.insert(results.end(), plan.recent.begin(), plan.recent.end());
            std::stable_sort(results.begin(), results.end(),
                             [](const auto& a, const auto& b) { return a.evidence < b.evidence; });
        }

        if (o->format == "json")
            print_json(audit_json(findings, results));
        else
            std::cout << (o->format == "md" ? audit_markdown(findings, results, o->online)
                                            : audit_text(findings, results, o->online));
        if (fails(o->fail_on, findings, results) || outage) ctx.exit_code = 1;
    });
}

}  // namespace rectrack::cli
