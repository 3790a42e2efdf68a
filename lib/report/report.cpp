#include "report/report.hpp"

#include <algorithm>
#include <set>

#include "ids/official_links.hpp"
#include "model/error.hpp"

namespace rectrack {

std::string direction_name(Direction d) {
    switch (d) {
        case Direction::advanced:
            return "advanced";
        case Direction::regressed:
            return "regressed";
        case Direction::unchanged:
            return "unchanged";
    }
    return "unchanged";
}

namespace {

std::string count(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string summary_sentence(const ReportSummary& s) {
    return "In the period " + count(s.advanced, "recommendation", "recommendations") +
           " advanced, " + std::to_string(s.regressed) + " regressed and " +
           std::to_string(s.unchanged) + " stayed where " +
           (s.unchanged == 1 ? "it was" : "they were") + "; " +
           count(s.measures_linked, "measure was", "measures were") + " linked, " +
           count(s.stages_reached, "measure stage was", "measure stages were") + " reached and " +
           count(s.evidence_added, "evidence item was", "evidence items were") + " added.";
}

namespace {

bool in(Date d, const Period& p) {
    return p.start <= d && d <= p.end;
}

// Answers "what was the status of R on day D" from the status changes that
// hold as recorded, rolling parts up into their parent.
class StatusTimeline {
  public:
    StatusTimeline(std::vector<StatusChange> changes, const std::vector<Recommendation>& recs,
                   const StatusScale& scale)
        : scale_(scale) {
        for (auto& c : changes) by_rec_[c.rec].push_back(std::move(c));
        for (const auto& r : recs)
            if (!r.parent.empty()) parts_[r.parent].push_back(r.key);
    }

    std::string at(const std::string& key, Date day) const {
        if (auto p = parts_.find(key); p != parts_.end()) {
            std::vector<std::string> statuses;
            for (const auto& part : p->second) statuses.push_back(own(part, day));
            return scale_.rollup(statuses);
        }
        return own(key, day);
    }

    // Every status change of R (and of its parts) up to `day`.
    std::vector<const StatusChange*> until(const std::string& key, Date day) const {
        std::vector<const StatusChange*> out;
        std::vector<std::string> keys = {key};
        if (auto p = parts_.find(key); p != parts_.end())
            keys.insert(keys.end(), p->second.begin(), p->second.end());
        for (const auto& k : keys)
            if (auto it = by_rec_.find(k); it != by_rec_.end())
                for (const auto& c : it->second)
                    if (c.date <= day) out.push_back(&c);
        return out;
    }

  private:
    const StatusScale& scale_;
    std::map<std::string, std::vector<StatusChange>> by_rec_;  // by effective date, then event
    std::map<std::string, std::vector<std::string>> parts_;

    std::string own(const std::string& key, Date day) const {
        auto it = by_rec_.find(key);
        if (it == by_rec_.end()) return scale_.lowest();
        std::string status = scale_.lowest();
        for (const auto& c : it->second) {
            if (day < c.date) break;
            status = c.status;
        }
        return status;
    }
};

std::optional<std::string> rec_of(const std::string& subject) {
    if (subject.starts_with("rec:")) return subject.substr(4);
    return std::nullopt;
}

ReportEvent report_event(const Event& e, const std::string& period_end) {
    ReportEvent r;
    r.id = e.id;
    r.kind = e.kind;
    r.date = e.effective;
    r.recorded_at = e.recorded_at;
    r.author = e.author;
    r.text = describe(e);
    r.late = e.recorded_at > period_end;
    if (e.kind == EventKind::status_changed) {
        r.status = e.payload.value("status", "");
        for (const auto& id : e.payload.value("evidence", nlohmann::json::array()))
            r.evidence.push_back(id.get<EvidenceId>());
        r.unsupported = r.evidence.empty();
    }
    return r;
}

}  // namespace

StatusReport build_report(const Store& store, const ReportOptions& o) {
    StatusReport out;
    const AsRecorded& t = o.as_recorded;
    const auto reports = store.reports();
    if (reports.empty())
        throw InputError("the database tracks no report yet; load one with `rectrack import`");
    out.report = reports.front();
    out.period = o.period;
    out.as_recorded = t.everything() ? "" : t.by()->str();
    out.generated = t.by().value_or(o.generated).str();
    out.scale = store.scale();

    // Which recommendations: all, or those named and their parts.
    const auto all_recs = store.recommendations(t);
    auto recs = all_recs;
    if (!o.recs.empty()) {
        std::set<std::string> wanted(o.recs.begin(), o.recs.end());
        for (const auto& key : wanted)
            if (std::none_of(recs.begin(), recs.end(), [&](const auto& r) { return r.key == key; }))
                throw InputError("unknown recommendation '" + key + "' in --recs");
        std::erase_if(recs, [&](const Recommendation& r) {
            return !wanted.contains(r.key) && !wanted.contains(r.parent);
        });
    }
    std::set<std::string> included;
    for (const auto& r : recs) included.insert(r.key);

    const StatusTimeline timeline(store.all_status_changes(t), all_recs, out.scale);
    const Date day_before = Date::from_days(o.period.start.days() - 1);
    const std::string period_end = Instant::end_of(o.period.end).str();

    std::map<std::string, Evidence> evidence;
    for (auto& v : store.evidence_list()) evidence.emplace(evidence_ref(v.id), v);
    const auto health = store.evidence_health({}, t);
    std::map<std::string, std::vector<EvidenceId>> attached;
    for (const auto& [subject, id] : store.all_attachments(t)) attached[subject].push_back(id);
    std::map<std::string, Measure> measures;
    for (auto& m : store.measures(t)) measures.emplace(m.key, m);
    std::map<std::string, std::vector<MeasureStage>> stages;
    for (auto& s : store.all_stages(t)) stages[s.measure].push_back(s);
    std::map<std::string, std::vector<Link>> links;
    for (auto& l : store.links_on(o.period.end, t)) links[l.rec].push_back(l);

    // The period's journal: events effective in it, and corrections recorded in it.
    std::map<std::string, std::vector<ReportEvent>> events_of;
    std::set<std::string> linked_measures;
    for (const auto& l : links)
        if (included.contains(l.first))
            for (const auto& link : l.second) linked_measures.insert(link.measure);
    for (const auto& [e, retracted_at] : store.events_between(o.period.start, o.period.end, t)) {
        if (e.kind == EventKind::correction) {
            if (e.recorded_at >= Instant::start_of(o.period.start).str() &&
                e.recorded_at <= period_end)
                out.corrections.push_back({e.id, e.payload.value("retracts", EventId{0}),
                                           e.payload.value("reason", ""), e.recorded_at, e.author});
            continue;
        }
        if (retracted_at || !in(e.effective, o.period)) continue;  // retracted events never count
        const ReportEvent re = report_event(e, period_end);
        bool concerns_included = false;
        for (const auto& s : e.subjects)
            if (auto key = rec_of(s); key && included.contains(*key)) {
                events_of[*key].push_back(re);
                concerns_included = true;
            }
        if (e.kind == EventKind::measure_linked && concerns_included) ++out.summary.measures_linked;
        if (e.kind == EventKind::stage_reached &&
            linked_measures.contains(e.payload.value("measure", "")))
            ++out.summary.stages_reached;
        if (e.kind == EventKind::evidence_added) ++out.summary.evidence_added;
        if (re.late && (concerns_included || e.kind == EventKind::stage_reached ||
                        e.kind == EventKind::evidence_added || e.kind == EventKind::measure_added))
            out.late_entries.push_back(re);
    }

    std::map<std::string, std::vector<std::string>> parts_of;
    for (const auto& r : recs)
        if (!r.parent.empty()) parts_of[r.parent].push_back(r.key);
    for (const auto& r : recs) {
        ReportRecommendation row;
        row.key = r.key;
        row.title = r.title;
        row.parent = r.parent;
        row.status_start = timeline.at(r.key, day_before);
        row.status_end = timeline.at(r.key, o.period.end);
        const int a = out.scale.progress(row.status_start), b = out.scale.progress(row.status_end);
        row.direction = b > a   ? Direction::advanced
                        : b < a ? Direction::regressed
                                : Direction::unchanged;
        row.events = events_of[r.key];
        for (const auto& e : row.events) row.unsupported += e.unsupported;
        // A recommendation's measures include its parts', each listed once.
        std::vector<Link> family = links[r.key];
        for (const auto& part : parts_of[r.key])
            for (const auto& l : links[part])
                if (std::none_of(family.begin(), family.end(),
                                 [&](const Link& x) { return x.measure == l.measure; }))
                    family.push_back(l);
        for (const auto& l : family) {
            ReportMeasure m{l.measure, "", l.relation, "", "", {}, {}};
            if (auto it = measures.find(l.measure); it != measures.end()) {
                m.title = it->second.title;
                m.celex = it->second.celex;
                m.eur_lex = official_links(it->second).eur_lex;
            }
            for (const auto& s : stages[l.measure]) {
                if (s.date <= o.period.end) m.stages.push_back(s);
                if (in(s.date, o.period)) m.in_period.push_back(s);
            }
            row.measures.push_back(std::move(m));
        }
        std::set<EvidenceId> backing(attached[rec_subject(r.key)].begin(),
                                     attached[rec_subject(r.key)].end());
        for (const auto* c : timeline.until(r.key, o.period.end))
            backing.insert(c->evidence.begin(), c->evidence.end());
        for (auto id : backing) {
            if (auto it = evidence.find(evidence_ref(id)); it != evidence.end())
                row.evidence.push_back(it->second);
            if (auto h = health.find(id); h != health.end() && !h->second.last_success.empty())
                row.last_seen_working[id] = h->second.last_success;
        }
        if (r.parent.empty()) {
            ++out.summary.start[row.status_start];
            ++out.summary.end[row.status_end];
            if (row.direction == Direction::advanced) ++out.summary.advanced;
            if (row.direction == Direction::regressed) ++out.summary.regressed;
            if (row.direction == Direction::unchanged) ++out.summary.unchanged;
        }
        out.recommendations.push_back(std::move(row));
    }

    Quarter q = quarter_of(o.period.end);
    for (int i = 0; i < 7; ++i) q = q.previous();
    for (int i = 0; i < 8; ++i, q = q.next()) {
        QuarterCount c{q, {}};
        for (const auto& r : recs)
            if (r.parent.empty()) ++c.counts[timeline.at(r.key, q.last_day())];
        out.trend.push_back(std::move(c));
    }
    return out;
}

}  // namespace rectrack
