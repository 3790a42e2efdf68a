#include "audit/audit.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ids/celex.hpp"
#include "ids/com_ref.hpp"
#include "ids/consistency.hpp"
#include "ids/eli.hpp"
#include "ids/url.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "tracker/lookup.hpp"
#include "tracker/tracker.hpp"

namespace rectrack {

namespace {

int days_between(const std::string& instant, Date today) {
    const auto i = parse_instant(instant);
    return i ? static_cast<int>(today.days() - i->date().days()) : 0;
}

// CELEX, COM reference, ELI and adoption date of one measure, checked
// against one another.
// `explained`: a note on the measure says why it has no identifier, as the
// finding's fix asks, so a measure without one is not reported again.
void check_identifiers(const Measure& m, const std::vector<MeasureStage>& stages, bool explained,
                       std::vector<Finding>& out) {
    auto mismatch = [&](const std::string& detail) {
        out.push_back({FindingKind::identifier_mismatch, m.key, detail,
                       "check the identifiers against EUR-Lex and correct the wrong one: "
                       "`rectrack amend measure " +
                           m.key + " --celex ... --com ... --eli ...`",
                       ""});
    };
    if (m.celex.empty() && m.eli.empty() && m.com_ref.empty() && m.procedure.empty()) {
        if (explained) return;
        out.push_back({FindingKind::measure_without_identifier, m.key,
                       "no CELEX, ELI, COM reference or procedure is recorded",
                       "if it has an official identifier, record it: `rectrack amend measure " +
                           m.key +
                           " --celex ...` (or --com, --eli, --procedure); if not, say why: "
                           "`rectrack note " +
                           m.key + " \"...\"`",
                       ""});
        return;
    }
    for (const auto& detail : identifier_mismatches(m, stages)) mismatch(detail);
}

// What the checks share: the scope and the evidence, read once.
struct Scope {
    std::vector<Recommendation> recs;
    std::set<std::string> included;  // the recommendations in scope and their parts
    std::set<std::string> measures;  // measures linked to them
    std::map<EvidenceId, Evidence> evidence;
    std::map<EvidenceId, EvidenceHealth> health;
    std::set<EvidenceId> archived;  // a local copy is kept
    std::set<EvidenceId> relevant;  // evidence cited or attached within the scope
    std::map<std::string, std::vector<MeasureStage>> stages;
    std::map<std::string, std::vector<std::string>> measures_of;  // rec -> linked measures
    std::map<std::string, Measure> measure;
    std::set<std::string> explained;  // measures with a note (see check_identifiers)
};

const std::vector<MeasureStage>& stages_of(const Scope& scope, const std::string& measure) {
    static const std::vector<MeasureStage> none;
    const auto found = scope.stages.find(measure);
    return found == scope.stages.end() ? none : found->second;
}

Scope read_scope(const Store& store, const AuditOptions& o) {
    Scope s;
    s.recs = store.recommendations();
    const auto named = recommendation_keys(store, o.recs, "--recs");
    for (const auto& r : s.recs) {
        const bool wanted = named.empty() ||
                            std::find(named.begin(), named.end(), r.key) != named.end() ||
                            std::find(named.begin(), named.end(), r.parent) != named.end();
        if (wanted) s.included.insert(r.key);
    }
    for (const auto& l : store.links_on(o.today, {})) {
        s.measures_of[l.rec].push_back(l.measure);
        if (s.included.contains(l.rec)) s.measures.insert(l.measure);
    }
    for (auto& v : store.evidence_list()) s.evidence.emplace(v.id, v);
    s.health = store.evidence_health();
    for (const auto& [id, copies] : store.archives()) s.archived.insert(id);
    for (auto& st : store.all_stages({})) s.stages[st.measure].push_back(st);
    for (auto& m : store.measures()) {
        if (!store.notes(measure_subject(m.key)).empty()) s.explained.insert(m.key);
        s.measure.emplace(m.key, m);
    }
    return s;
}

std::string status_fix(const StatusChange& c, const std::string& what) {
    return what + ": retract the change (`rectrack correct " + std::to_string(c.event) +
           " --reason \"...\"`) and record it again: `rectrack status " + c.rec + " " + c.status +
           " --date " + c.date.str() + " --evidence E...`";
}

// The failed sources of a claim with their last result: "E2 (gone, HTTP 410)".
std::string failed_sources(const StatusChange& c, const Scope& scope) {
    std::vector<std::string> parts;
    for (auto id : c.evidence) {
        const auto& h = scope.health.at(id);
        parts.push_back(evidence_ref(id) + " (" + std::string(name(*h.last_result)) + ", " +
                        h.last_checked.substr(0, 10) + ")");
    }
    return join(parts, ", ");
}

// An earlier document to cite instead of `v`, published after the claim:
// the proposal of a measure linked to the recommendation, preferring the
// measure `v` documents (its act), when recorded.
std::string earlier_document(const StatusChange& c, const Evidence& v, const Scope& scope) {
    const auto linked = scope.measures_of.find(c.rec);
    if (linked == scope.measures_of.end()) return "";
    std::vector<std::string> keys = linked->second;
    std::stable_partition(keys.begin(), keys.end(), [&](const std::string& key) {
        const auto m = scope.measure.find(key);
        return m != scope.measure.end() && m->second.url == v.url;
    });
    for (const auto& key : keys) {
        const auto m = scope.measure.find(key);
        if (m != scope.measure.end() && !m->second.com_ref.empty())
            for (const auto& st : stages_of(scope, key))
                if (st.stage == "proposed" && st.date <= c.date)
                    return " (for example the proposal " + m->second.com_ref + " of " + key +
                           ", tabled " + st.date.str() + ")";
    }
    return "";
}

// A legal act older than the report may still show progress when the claim
// is dated at a later stage of that act recorded on a measure it documents
// (a regulation of 2019 that applies from 2020, say).
bool dated_at_a_later_stage(const Store& store, const StatusChange& c, const Evidence& v,
                            const Scope& scope, Date issued) {
    for (const auto& [key, m] : scope.measure) {
        const auto held = store.evidence_of(measure_subject(key));
        if (m.url != v.url && std::find(held.begin(), held.end(), v.id) == held.end()) continue;
        for (const auto& st : stages_of(scope, key))
            if (st.date == c.date && st.date >= issued) return true;
    }
    return false;
}

// One status change and what it cites.
void check_status_change(const Store& store, const StatusChange& c, Scope& scope,
                         std::optional<Date> issued, bool progress, std::vector<Finding>& out) {
    const std::string subject = c.rec + " #" + std::to_string(c.event);
    const std::string claim = c.rec + " -> " + c.status + " on " + c.date.str();
    if (c.evidence.empty()) {
        out.push_back({FindingKind::unsupported_status, subject, claim + " cites no evidence",
                       status_fix(c, "cite a source"), c.rec});
        return;
    }
    scope.relevant.insert(c.evidence.begin(), c.evidence.end());
    bool all_failed = true;
    for (auto id : c.evidence) {
        const auto h = scope.health.find(id);
        if (h == scope.health.end() || !h->second.last_result || !failed(*h->second.last_result))
            all_failed = false;
        const auto found = scope.evidence.find(id);
        if (found == scope.evidence.end()) continue;
        const Evidence& v = found->second;
        if (v.bearing == "contradicts")
            out.push_back({FindingKind::contradicting_evidence, subject,
                           evidence_ref(id) + " contradicts the claim " + claim,
                           "decide: retract the claim (`rectrack correct " +
                               std::to_string(c.event) +
                               "`) or note why the source does not refute it (`rectrack note " +
                               c.rec + " \"...\"`)",
                           c.rec});
        if (v.published && *v.published > c.date)
            out.push_back({FindingKind::evidence_after_claim, subject,
                           claim + " cites " + evidence_ref(id) + ", published " +
                               v.published->str() + ", after the change",
                           status_fix(c, "cite what was public by " + c.date.str() +
                                             earlier_document(c, v, scope)),
                           c.rec});
        if (progress && issued && v.published && *v.published < *issued &&
            !dated_at_a_later_stage(store, c, v, scope, *issued))
            out.push_back({FindingKind::evidence_before_report, subject,
                           evidence_ref(id) + " was published " + v.published->str() +
                               ", before the report (" + issued->str() +
                               "), so it cannot show progress on it",
                           status_fix(c,
                                      "cite a source from after the report, or date the "
                                      "change at the stage that came after it"),
                           c.rec});
    }
    if (all_failed)
        out.push_back({FindingKind::broken_evidence, subject,
                       claim + " rests only on sources that failed their last check: " +
                           failed_sources(c, scope),
                       "check them again (`rectrack audit --online --recs " + c.rec +
                           "`); if they are gone, cite an archived copy or another source",
                       c.rec});
}

// Status changes and what they cite: unsupported, contradicted, resting
// only on failed sources, citing later evidence or evidence older than the
// report.
void check_status_changes(const Store& store, Scope& scope, std::vector<Finding>& out) {
    std::map<std::string, Date> issued;  // report key -> date issued
    for (const auto& r : store.reports()) issued.emplace(r.key, r.issued);
    std::map<std::string, std::string> report_of;
    for (const auto& r : scope.recs) report_of.emplace(r.key, r.report);
    const StatusScale scale = store.scale();
    for (const auto& c : store.all_status_changes({})) {
        if (!scope.included.contains(c.rec)) continue;
        const auto report = issued.find(report_of[c.rec]);
        check_status_change(store, c, scope,
                            report == issued.end() ? std::nullopt : std::optional(report->second),
                            scale.progress(c.status) > 0, out);
    }
    for (const auto& [subject, id] : store.all_attachments({})) {
        const bool rec = subject.starts_with("rec:") && scope.included.contains(subject.substr(4));
        const bool measure =
            subject.starts_with("measure:") && scope.measures.contains(subject.substr(8));
        if (rec || measure) scope.relevant.insert(id);
    }
}

// The evidence itself: unchecked, stale, unarchived, or recorded twice
// under different forms of one URL.
void check_evidence(const Scope& scope, const AuditOptions& o, std::vector<Finding>& out) {
    std::map<std::string, std::vector<EvidenceId>> by_form;
    const std::string recs = o.recs.empty() ? "" : " --recs " + join(o.recs, ",");
    for (const auto& [id, v] : scope.evidence) {
        if (!o.recs.empty() && !scope.relevant.contains(id)) continue;
        const std::string ref = evidence_ref(id);
        const auto h = scope.health.find(id);
        if (h == scope.health.end())
            out.push_back({FindingKind::evidence_unchecked, ref, v.url + " has never been checked",
                           "`rectrack audit --online" + recs + "`", ""});
        else if (int age = days_between(h->second.last_checked, o.today); age > o.stale_after_days)
            out.push_back({FindingKind::evidence_stale, ref,
                           "last checked " + std::to_string(age) + " days ago (" +
                               h->second.last_checked + ")",
                           "`rectrack audit --online" + recs + "`", ""});
        if (v.archive_url.empty() && !scope.archived.contains(id))
            out.push_back({FindingKind::no_archive, ref, v.url + " has no archived copy",
                           "`rectrack evidence archive " + ref + "`", ""});
        by_form[comparable_url(v.url)].push_back(id);
    }
    for (const auto& [form, ids] : by_form) {
        if (ids.size() < 2) continue;
        std::vector<std::string> refs;
        for (auto id : ids) refs.push_back(evidence_ref(id));
        out.push_back({FindingKind::duplicate_source, evidence_ref(ids.front()),
                       join(refs, ", ") + " are one source under different URLs: " +
                           scope.evidence.at(ids.front()).url,
                       "cite one of them from now on", ""});
    }
}

// Measures and their links: links to measures without evidence, and
// identifiers missing or disagreeing.
void check_measures(const Store& store, const Scope& scope, const AuditOptions& o,
                    std::vector<Finding>& out) {
    for (const auto& l : store.links_on(o.today, {}))
        if (scope.included.contains(l.rec) && store.evidence_of(measure_subject(l.measure)).empty())
            out.push_back({FindingKind::link_without_evidence, l.rec + "/" + l.measure,
                           "the measure " + l.measure + " has no evidence attached",
                           "`rectrack evidence attach E... --to " + l.measure + "`", l.rec});
    for (const auto& [key, m] : scope.measure)
        if (o.recs.empty() || scope.measures.contains(key))
            check_identifiers(m, stages_of(scope, key), scope.explained.contains(key), out);
}

// Recommendations nobody has touched for a year; a part's activity counts
// for its parent, which is tracked through it.
void check_dormancy(const Store& store, const Scope& scope, Date today, std::vector<Finding>& out) {
    auto activity = store.last_activity();
    for (const auto& r : scope.recs)
        if (auto part = activity.find(r.key); !r.parent.empty() && part != activity.end()) {
            auto [parent, fresh] = activity.emplace(r.parent, part->second);
            if (!fresh) parent->second = std::max(parent->second, part->second);
        }
    for (const auto& key : scope.included) {
        const auto last = activity.find(key);
        const std::string fix = "review it and record what happened: `rectrack note " + key +
                                " \"...\"` or `rectrack status " + key + " ...`";
        if (last == activity.end())
            out.push_back({FindingKind::dormant_recommendation, key,
                           "no event has ever been recorded", fix, key});
        else if (today.days() - last->second.days() > 365)
            out.push_back({FindingKind::dormant_recommendation, key,
                           "no event since " + last->second.str(), fix, key});
    }
}

// Targets passed on recommendations not yet implemented or closed.
void check_targets(const Store& store, const Scope& scope, Date today, std::vector<Finding>& out) {
    for (const auto& s : recommendation_summaries(store, {today, 0}))
        if (s.deadline == Deadline::overdue && scope.included.contains(s.rec.key))
            out.push_back({FindingKind::overdue_recommendation, s.rec.key,
                           "its target date " + s.follow_up.target->str() +
                               " has passed and it is " + s.status,
                           "record what happened (`rectrack status " + s.rec.key +
                               " ...`) or move the target with its reason (`rectrack target " +
                               s.rec.key + " DATE --reason \"...\"`)",
                           s.rec.key});
}

}  // namespace

std::vector<Finding> offline_findings(const Store& store, const AuditOptions& o) {
    std::vector<Finding> out;
    Scope scope = read_scope(store, o);
    check_status_changes(store, scope, out);  // first: it finds the evidence in scope
    check_evidence(scope, o, out);
    check_measures(store, scope, o, out);
    check_dormancy(store, scope, o.today, out);
    check_targets(store, scope, o.today, out);
    const VerifyResult v = store.verify();
    if (!v.ok)
        out.push_back({FindingKind::journal_integrity,
                       v.first_bad_event ? "#" + std::to_string(*v.first_bad_event) : "journal",
                       v.problem,
                       "restore the database from a trusted export (`rectrack import`) and check "
                       "it against the anchors you kept (`rectrack verify --expect`)",
                       ""});
    sort_findings(out);
    return out;
}

CheckPlan plan_checks(const Store& store, std::vector<CheckTarget> targets, Instant now,
                      int recheck_after_hours) {
    CheckPlan plan;
    const auto health =
        recheck_after_hours > 0 ? store.evidence_health() : std::map<EvidenceId, EvidenceHealth>{};
    const std::int64_t window = std::int64_t{recheck_after_hours} * 3600;
    for (auto& t : targets) {
        const auto h = health.find(t.evidence);
        std::optional<Instant> at;
        if (h != health.end() && h->second.last_result && h->second.last_url == t.url)
            at = parse_instant(h->second.last_checked);
        // A check recorded "in the future" (a clock set back) is not fresh.
        if (!at || at->seconds > now.seconds || now.seconds - at->seconds >= window) {
            plan.fetch.push_back(std::move(t));
            continue;
        }
        CheckResult r;
        r.evidence = t.evidence;
        r.url = t.url;
        r.result = *h->second.last_result;
        r.http_status = h->second.last_http_status;
        r.detail = h->second.last_detail;
        r.checked_at = h->second.last_checked;
        plan.recent.push_back(std::move(r));
    }
    return plan;
}

}  // namespace rectrack
