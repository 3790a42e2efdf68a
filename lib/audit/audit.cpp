#include "audit/audit.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ids/celex.hpp"
#include "ids/com_ref.hpp"
#include "ids/eli.hpp"
#include "ids/url.hpp"
#include "model/error.hpp"

namespace rectrack {

const std::vector<std::string>& finding_kinds() {
    static const std::vector<std::string> kinds = {
        "unsupported_status",      // a status change citing no evidence
        "broken_evidence",         // ...citing only evidence whose last check failed
        "contradicting_evidence",  // ...citing evidence that contradicts it
        "evidence_before_report",  // evidence older than the report, cited as progress
        "evidence_unchecked",      // never checked online
        "evidence_stale",          // not checked for more than --stale-after days
        "no_archive",              // no archived copy recorded
        "duplicate_source",        // two records of one URL in different forms
        "measure_without_identifier",
        "identifier_mismatch",     // CELEX, COM reference, ELI or adoption date disagree
        "link_without_evidence",   // a measure linked to a recommendation has no evidence
        "dormant_recommendation",  // no event for more than a year
        "journal_integrity",       // verify failed
    };
    return kinds;
}

namespace {

int days_between(const std::string& instant, Date today) {
    const auto i = parse_instant(instant);
    return i ? static_cast<int>(today.days() - i->date().days()) : 0;
}

// CELEX, COM reference, ELI and adoption date of one measure, checked
// against one another.
void check_identifiers(const Measure& m, const std::vector<MeasureStage>& stages,
                       std::vector<Finding>& out) {
    auto mismatch = [&](const std::string& detail) {
        out.push_back({"identifier_mismatch", m.key, detail});
    };
    if (m.celex.empty() && m.eli.empty() && m.com_ref.empty() && m.procedure.empty()) {
        out.push_back({"measure_without_identifier", m.key,
                       "no CELEX, ELI, COM reference or procedure is recorded"});
        return;
    }
    const auto celex = parse_celex(m.celex);
    if (const auto eli = parse_eli(m.eli); eli && celex) {
        if (auto expected = eli->celex(); expected && celex->sector == '3' &&
                                          *expected != celex->str().substr(0, expected->size()))
            mismatch("the ELI " + eli->str() + " names " + *expected + ", not CELEX " +
                     celex->str());
    }
    if (const auto com = parse_com_ref(m.com_ref); com && celex && celex->sector == '5') {
        const auto candidates = com->celex_candidates();
        if (!candidates.empty() && std::find(candidates.begin(), candidates.end(),
                                             celex->str().substr(0, 11)) == candidates.end())
            mismatch("the COM reference " + com->str() + " does not match CELEX " + celex->str() +
                     " (year or number differ)");
    }
    if (celex && celex->sector == '3') {
        for (const auto& s : stages)
            if (s.stage == "adopted" && s.date.year != celex->year)
                mismatch("adopted on " + s.date.str() + " but CELEX " + celex->str() +
                         " gives the year " + std::to_string(celex->year));
    }
}

// What the checks share: the scope and the evidence, read once.
struct Scope {
    std::vector<Recommendation> recs;
    std::set<std::string> included;  // the recommendations in scope and their parts
    std::map<EvidenceId, Evidence> evidence;
    std::map<EvidenceId, EvidenceHealth> health;
    std::set<EvidenceId> relevant;  // evidence cited or attached within the scope
};

Scope read_scope(const Store& store, const AuditOptions& o) {
    Scope s;
    s.recs = store.recommendations();
    for (const auto& r : s.recs) {
        const bool wanted = o.recs.empty() ||
                            std::find(o.recs.begin(), o.recs.end(), r.key) != o.recs.end() ||
                            std::find(o.recs.begin(), o.recs.end(), r.parent) != o.recs.end();
        if (wanted) s.included.insert(r.key);
    }
    for (const auto& key : o.recs)
        if (!s.included.contains(key))
            throw InputError("unknown recommendation '" + key + "' in --recs");
    for (auto& v : store.evidence_list()) s.evidence.emplace(v.id, v);
    s.health = store.evidence_health();
    return s;
}

// Status changes and what they cite: unsupported, contradicted, resting
// only on failed sources, or citing evidence older than the report.
void check_status_changes(const Store& store, Scope& scope, std::vector<Finding>& out) {
    std::map<std::string, Date> issued;  // report key -> date issued
    for (const auto& r : store.reports()) issued.emplace(r.key, r.issued);
    std::map<std::string, std::string> report_of;
    for (const auto& r : scope.recs) report_of.emplace(r.key, r.report);
    const StatusScale scale = store.scale();
    for (const auto& c : store.all_status_changes({})) {
        if (!scope.included.contains(c.rec)) continue;
        const std::string subject = c.rec + " #" + std::to_string(c.event);
        if (c.evidence.empty()) {
            out.push_back(
                {"unsupported_status", subject,
                 c.rec + " -> " + c.status + " on " + c.date.str() + " cites no evidence"});
            continue;
        }
        scope.relevant.insert(c.evidence.begin(), c.evidence.end());
        bool all_broken = true;
        for (auto id : c.evidence) {
            const auto h = scope.health.find(id);
            if (h == scope.health.end() || !h->second.last_result ||
                !failed(*h->second.last_result))
                all_broken = false;
            const auto v = scope.evidence.find(id);
            if (v == scope.evidence.end()) continue;
            if (v->second.bearing == "contradicts")
                out.push_back(
                    {"contradicting_evidence", subject,
                     evidence_ref(id) + " contradicts the claim " + c.rec + " -> " + c.status});
            const auto report_issued = issued.find(report_of[c.rec]);
            const bool progress = scale.progress(c.status) > 0;
            if (progress && report_issued != issued.end() && v->second.published &&
                *v->second.published < report_issued->second)
                out.push_back({"evidence_before_report", subject,
                               evidence_ref(id) + " was published " + v->second.published->str() +
                                   ", before the report (" + report_issued->second.str() +
                                   "), so it cannot show progress on it"});
        }
        if (all_broken)
            out.push_back(
                {"broken_evidence", subject, "every source it cites failed its last check"});
    }
    for (const auto& [subject, id] : store.all_attachments({}))
        if (!subject.starts_with("rec:") || scope.included.contains(subject.substr(4)))
            scope.relevant.insert(id);
}

// The evidence itself: unchecked, stale, unarchived, or recorded twice
// under different forms of one URL.
void check_evidence(const Scope& scope, const AuditOptions& o, std::vector<Finding>& out) {
    std::map<std::string, std::vector<EvidenceId>> by_form;
    for (const auto& [id, v] : scope.evidence) {
        if (!o.recs.empty() && !scope.relevant.contains(id)) continue;
        const std::string ref = evidence_ref(id);
        const auto h = scope.health.find(id);
        if (h == scope.health.end())
            out.push_back({"evidence_unchecked", ref, v.url + " has never been checked"});
        else if (int age = days_between(h->second.last_checked, o.today); age > o.stale_after_days)
            out.push_back({"evidence_stale", ref,
                           "last checked " + std::to_string(age) + " days ago (" +
                               h->second.last_checked + ")"});
        if (v.archive_url.empty())
            out.push_back({"no_archive", ref, v.url + " has no archived copy"});
        by_form[comparable_url(v.url)].push_back(id);
    }
    for (const auto& [form, ids] : by_form)
        if (ids.size() > 1) {
            std::string refs;
            for (auto id : ids) refs += (refs.empty() ? "" : ", ") + evidence_ref(id);
            out.push_back({"duplicate_source", evidence_ref(ids.front()),
                           refs + " are one source under different URLs: " +
                               scope.evidence.at(ids.front()).url});
        }
}

// Measures and their links: links to measures without evidence, and
// identifiers missing or disagreeing.
void check_measures(const Store& store, const Scope& scope, const AuditOptions& o,
                    std::vector<Finding>& out) {
    std::set<std::string> linked;
    for (const auto& l : store.links_on(o.today, {}))
        if (scope.included.contains(l.rec)) {
            linked.insert(l.measure);
            if (store.evidence_of(measure_subject(l.measure)).empty())
                out.push_back({"link_without_evidence", l.rec + "/" + l.measure,
                               "the measure " + l.measure + " has no evidence attached"});
        }
    std::map<std::string, std::vector<MeasureStage>> stages;
    for (auto& s : store.all_stages({})) stages[s.measure].push_back(s);
    for (const auto& m : store.measures())
        if (o.recs.empty() || linked.contains(m.key)) check_identifiers(m, stages[m.key], out);
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
        if (last == activity.end())
            out.push_back({"dormant_recommendation", key, "no event has ever been recorded"});
        else if (today.days() - last->second.days() > 365)
            out.push_back({"dormant_recommendation", key, "no event since " + last->second.str()});
    }
}

}  // namespace

std::vector<Finding> offline_findings(const Store& store, const AuditOptions& o) {
    std::vector<Finding> out;
    Scope scope = read_scope(store, o);
    check_status_changes(store, scope, out);  // first: it finds the evidence in scope
    check_evidence(scope, o, out);
    check_measures(store, scope, o, out);
    check_dormancy(store, scope, o.today, out);
    const VerifyResult v = store.verify();
    if (!v.ok)
        out.push_back({"journal_integrity",
                       v.first_bad_event ? "#" + std::to_string(*v.first_bad_event) : "journal",
                       v.problem});
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.kind, a.subject) < std::tie(b.kind, b.subject);
    });
    return out;
}

}  // namespace rectrack
