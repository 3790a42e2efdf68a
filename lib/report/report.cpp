#include "report/report.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "ids/official_links.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "report/rec_index.hpp"
#include "report/report_render.hpp"
#include "report/status_timeline.hpp"
#include "tracker/lookup.hpp"

namespace rectrack {

namespace {

bool within(Date d, const Period& p) {
    return p.start <= d && d <= p.end;
}

// A source recorded in the period counts as added in it only if it is new:
// published in the period, or of unknown date. A dataset loaded this quarter
// records 2021 sources this quarter; they are not this quarter's evidence.
bool new_in_period(const Event& added, const Period& p) {
    const auto published = parse_date(added.payload.value("published", ""));
    return !published || within(*published, p);
}

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

// Everything the report reads from the store, once, as recorded at the
// report's instant.
struct Sources {
    std::vector<Recommendation> all_recs;
    RecIndex rec_by_key;  // into all_recs
    std::map<EvidenceId, std::shared_ptr<const Evidence>> evidence;
    std::map<EvidenceId, EvidenceHealth> health;
    std::map<EvidenceId, std::string> copy_taken;             // latest local copy's fetch time
    std::map<std::string, std::vector<EvidenceId>> attached;  // by subject
    std::map<std::string, Measure> measures;
    std::map<std::string, std::vector<MeasureStage>> stages;  // by measure
    std::map<std::string, std::vector<Link>> links;           // by recommendation, at the end
    std::map<std::string, std::vector<FollowUp>> follow_ups;  // by recommendation
};

Sources read_sources(const Store& store, const ReportOptions& o) {
    const AsRecorded& t = o.as_recorded;
    Sources in;
    in.all_recs = store.recommendations(t);
    in.rec_by_key = RecIndex(in.all_recs);
    // As recorded then: a title amended since shows as it was.
    for (auto& v : store.evidence_list(t))
        in.evidence.emplace(v.id, std::make_shared<const Evidence>(std::move(v)));
    in.health = store.evidence_health({}, t);
    for (const auto& [id, copies] : store.archives({}, t))
        in.copy_taken[id] = copies.back().fetched_at;
    for (const auto& [subject, id] : store.all_attachments(t)) in.attached[subject].push_back(id);
    for (auto& m : store.measures(t)) in.measures.emplace(m.key, m);
    for (auto& s : store.all_stages(t)) in.stages[s.measure].push_back(s);
    for (auto& l : store.links_on(o.period.end, t)) in.links[l.rec].push_back(l);
    for (auto& f : store.follow_ups({}, t)) in.follow_ups[f.rec].push_back(std::move(f));
    return in;
}

// A filtered report says so, or a reader would take it for the whole.
std::string scope_words(const ReportOptions& o) {
    std::vector<std::string> parts;
    if (!o.recs.empty()) parts.push_back(join(o.recs, ", ") + " and their parts");
    if (!o.themes.empty()) parts.push_back("theme " + join(o.themes, " or "));
    if (!o.addressees.empty()) parts.push_back("addressed to " + join(o.addressees, " or "));
    return parts.empty() ? "all recommendations" : join(parts, "; ");
}

// All recommendations, or those named and their parts, that existed by the
// period's end: a part split off later was not there, and a report of an
// earlier period reads as it did before the split.
// Pointers into `all`, not copies: a report of 100,000 recommendations
// would hold each twice.
std::vector<const Recommendation*> select_recommendations(const std::vector<Recommendation>& all,
                                                          const std::vector<std::string>& named,
                                                          Date end) {
    std::vector<const Recommendation*> recs;
    recs.reserve(all.size());
    for (const auto& r : all)
        if (r.added <= end) recs.push_back(&r);
    if (named.empty()) return recs;
    std::set<std::string> wanted(named.begin(), named.end());
    for (const auto& key : wanted)
        if (std::none_of(all.begin(), all.end(), [&](const auto& r) { return r.key == key; }))
            throw InputError("unknown recommendation '" + key + "' in --recs");
    std::erase_if(recs, [&](const Recommendation* r) {
        return !wanted.contains(r->key) && !wanted.contains(r->parent);
    });
    return recs;
}

Direction direction(const StatusScale& scale, const std::string& from, const std::string& to) {
    const int a = scale.progress(from), b = scale.progress(to);
    return b > a ? Direction::advanced : b < a ? Direction::regressed : Direction::unchanged;
}

// Every cited source failed its last check: nothing cited still works.
bool all_failed(const std::vector<EvidenceId>& cited, const Sources& in) {
    if (cited.empty()) return false;  // unsupported, said separately
    return std::all_of(cited.begin(), cited.end(), [&](EvidenceId id) {
        const auto h = in.health.find(id);
        return h != in.health.end() && h->second.last_result && failed(*h->second.last_result);
    });
}

// The period's journal: events effective in it go to the recommendations
// they concern and to the summary's counts; status changes, stages of linked
// measures and notes also go to "Changes in the period"; corrections
// recorded in it and late entries get their own lists. Returns the events by
// recommendation.
class PeriodReader {
  public:
    PeriodReader(const Store& store, const ReportOptions& o, const RecIndex& included,
                 const Sources& in, const StatusTimeline& timeline, StatusReport& out)
        : store_(store),
          o_(o),
          included_(included),
          in_(in),
          timeline_(timeline),
          out_(out),
          events_of_(included.size()) {
        for (const auto& [rec, links] : in.links)
            if (included.contains(rec))
                for (const auto& link : links) linked_measures_.insert(link.measure);
    }

    // Where a late entry is: the index of its event among those of the
    // recommendation at `at` (a position in included_), or in
    // late_unlisted when `at` is kUnlisted.
    struct LateEntry {
        static constexpr std::size_t kUnlisted = static_cast<std::size_t>(-1);
        std::size_t at;
        std::size_t index;
    };
    struct Events {
        std::vector<std::vector<ReportEvent>> of;  // by position in included_
        std::vector<LateEntry> late;
    };
    Events read();

  private:
    void read_event(const Event& e, const std::string& period_end);
    void add_change(const Event& e, const ReportEvent& re, bool concerns_included, bool linked);
    Correction correction(const Event& e) const;
    const Store& store_;
    const ReportOptions& o_;
    const RecIndex& included_;
    const Sources& in_;
    const StatusTimeline& timeline_;
    StatusReport& out_;
    std::set<std::string> linked_measures_;
    // By the recommendation's position in included_: most have none.
    std::vector<std::vector<ReportEvent>> events_of_;
    std::vector<LateEntry> late_;

    // A note on an included recommendation, or on a measure linked to one.
    bool note_in_scope(const Event& e) const {
        const std::string subject = e.payload.value("subject", "");
        if (auto key = rec_of(subject)) return included_.contains(*key);
        return subject.starts_with("measure:") && linked_measures_.contains(subject.substr(8));
    }

    std::string title_of_rec(const std::string& key) const {
        const Recommendation* r = in_.rec_by_key.find(key);
        return r ? r->title : "";
    }
    std::string title_of_measure(const std::string& key) const {
        auto it = in_.measures.find(key);
        return it == in_.measures.end() ? "" : it->second.title;
    }
};

PeriodReader::Events PeriodReader::read() {
    const std::string period_start = Instant::start_of(o_.period.start).str();
    const std::string period_end = Instant::end_of(o_.period.end).str();
    store_.for_each_event_between(
        o_.period.start, o_.period.end, o_.as_recorded, [&](const Store::DatedEvent& d) {
            const Event& e = d.event;
            if (e.kind == EventKind::correction) {
                if (e.recorded_at >= period_start && e.recorded_at <= period_end)
                    out_.corrections.push_back(correction(e));
                return;
            }
            if (d.retracted_at || !within(e.effective, o_.period))
                return;  // retracted events never count
            read_event(e, period_end);
        });
    std::stable_sort(out_.changes.begin(), out_.changes.end(),
                     [](const ReportChange& a, const ReportChange& b) {
                         return a.date != b.date ? a.date < b.date : a.event < b.event;
                     });
    // Held through the whole report: without the room doubling left over.
    out_.changes.shrink_to_fit();
    return {std::move(events_of_), std::move(late_)};
}

void PeriodReader::read_event(const Event& e, const std::string& period_end) {
    ReportEvent re = report_event(e, period_end);
    re.sources_failed = all_failed(re.evidence, in_);
    bool concerns_included = false;
    LateEntry late{LateEntry::kUnlisted, out_.late_unlisted.size()};
    for (const auto& s : e.subjects)
        if (auto key = rec_of(s); const auto at = key ? included_.position(*key) : std::nullopt) {
            if (re.subject.empty()) {
                re.subject = *key;
                late = {*at, events_of_[*at].size()};  // listed under the first
            }
            events_of_[*at].push_back(re);
            concerns_included = true;
        }
    const std::string measure = e.payload.value("measure", "");
    const bool linked = linked_measures_.contains(measure);
    if (e.kind == EventKind::measure_linked && concerns_included) ++out_.summary.measures_linked;
    if (e.kind == EventKind::stage_reached && linked) ++out_.summary.stages_reached;
    if (e.kind == EventKind::evidence_added && new_in_period(e, o_.period))
        ++out_.summary.evidence_added;
    if (re.subject.empty() && !measure.empty()) re.subject = measure;
    add_change(e, re, concerns_included, linked);
    if (re.late && (concerns_included || e.kind == EventKind::stage_reached ||
                    e.kind == EventKind::evidence_added || e.kind == EventKind::measure_added)) {
        late_.push_back(late);
        if (!concerns_included) out_.late_unlisted.push_back(std::move(re));
    }
}

void PeriodReader::add_change(const Event& e, const ReportEvent& re, bool concerns_included,
                              bool linked) {
    ReportChange c;
    c.event = e.id;
    c.date = e.effective;
    c.late = re.late;
    if (e.kind == EventKind::status_changed && concerns_included) {
        c.kind = ReportChange::Kind::status;
        c.subject = e.payload.value("rec", "");
        c.title = title_of_rec(c.subject);
        c.from = timeline_.before(c.subject, e.effective, e.id);
        c.to = re.status;
        c.direction = direction(out_.scale, c.from, c.to);
        c.unsupported = re.unsupported;
        c.sources_failed = re.sources_failed;
        for (auto id : re.evidence)
            if (auto v = in_.evidence.find(id); v != in_.evidence.end())
                c.evidence.push_back(v->second->title);
    } else if (e.kind == EventKind::stage_reached && linked) {
        c.kind = ReportChange::Kind::stage;
        c.subject = e.payload.value("measure", "");
        c.title = title_of_measure(c.subject);
        c.stage = e.payload.value("stage", "");
        c.label = e.payload.value("label", "");
    } else if ((e.kind == EventKind::owner_set || e.kind == EventKind::target_set ||
                e.kind == EventKind::response_recorded) &&
               concerns_included) {
        c.kind = ReportChange::Kind::follow_up;
        c.subject = e.payload.value("rec", "");
        c.title = title_of_rec(c.subject);
        c.text = follow_up_words(e);
    } else if (e.kind == EventKind::note_added && note_in_scope(e)) {
        c.kind = ReportChange::Kind::note;
        const std::string subject = e.payload.value("subject", "");
        c.subject = subject.substr(subject.find(':') + 1);
        c.title =
            subject.starts_with("rec:") ? title_of_rec(c.subject) : title_of_measure(c.subject);
        c.text = e.payload.value("text", "");
    } else {
        return;
    }
    out_.changes.push_back(std::move(c));
}

Correction PeriodReader::correction(const Event& e) const {
    Correction c{e.id,    e.payload.value("retracts", EventId{0}), "",
                 Date{},  e.payload.value("reason", ""),           e.recorded_at,
                 e.author};
    if (auto target = store_.event(c.retracts)) {
        c.retracted = describe(*target);
        c.retracted_date = target->effective;
    }
    return c;
}

// A recommendation's measures include its parts', each listed once, with
// the stages they had reached by the end of the period and those within it.
std::vector<ReportMeasure> measure_rows(const std::string& key,
                                        const std::vector<std::string>& parts, const Sources& in,
                                        const Period& period) {
    auto links_of = [&](const std::string& k) {
        auto it = in.links.find(k);
        return it == in.links.end() ? std::vector<Link>{} : it->second;
    };
    std::vector<Link> family = links_of(key);
    for (const auto& part : parts)
        for (const auto& l : links_of(part))
            if (std::none_of(family.begin(), family.end(),
                             [&](const Link& x) { return x.measure == l.measure; }))
                family.push_back(l);
    std::vector<ReportMeasure> rows;
    for (const auto& l : family) {
        ReportMeasure m{l.measure, "", l.relation, "", "", {}, {}};
        if (auto it = in.measures.find(l.measure); it != in.measures.end()) {
            m.title = it->second.title;
            m.celex = it->second.celex;
            m.eur_lex = official_links(it->second).eur_lex;
        }
        if (auto it = in.stages.find(l.measure); it != in.stages.end())
            for (const auto& s : it->second) {
                if (s.date <= period.end) m.stages.push_back(s);
                if (within(s.date, period)) m.in_period.push_back(s);
            }
        rows.push_back(std::move(m));
    }
    return rows;
}

SourceState read_source_state(const Sources& in, EvidenceId id) {
    SourceState s;
    if (auto h = in.health.find(id); h != in.health.end()) {
        s.last_result = h->second.last_result;
        s.http_status = h->second.last_http_status;
        s.last_checked = h->second.last_checked;
        s.last_seen_working = h->second.last_success;
    }
    if (auto c = in.copy_taken.find(id); c != in.copy_taken.end()) s.copy_taken = c->second;
    return s;
}

// The evidence attached to a recommendation or cited by its status changes
// (and its parts') up to the end of the period, with when each was last
// seen working.
void add_backing_evidence(ReportRecommendation& row, const StatusTimeline& timeline,
                          const Sources& in, Date end, std::map<EvidenceId, SourceState>& states) {
    std::set<EvidenceId> backing;
    if (auto it = in.attached.find(rec_subject(row.key)); it != in.attached.end())
        backing.insert(it->second.begin(), it->second.end());
    timeline.cited_until(row.key, end, backing);
    for (auto id : backing) {
        if (auto it = in.evidence.find(id); it != in.evidence.end())
            row.evidence.push_back(it->second);
        if (!states.contains(id)) states.emplace(id, read_source_state(in, id));
    }
}

// Who and by when at the end of the period; a part addressed like its parent.
void add_follow_up(ReportRecommendation& row, const Recommendation& r, const Sources& in,
                   const StatusScale& scale, const ReportOptions& o) {
    row.addressees = r.addressees;
    // Looked up, not searched: a search per row made a report of 100,000
    // recommendations take minutes.
    if (const Recommendation* p = in.rec_by_key.find(r.parent);
        row.addressees.empty() && !r.parent.empty() && p)
        row.addressees = p->addressees;
    const auto it = in.follow_ups.find(r.key);
    if (it == in.follow_ups.end()) return;
    const FollowUpState s = follow_up_on(it->second, o.period.end);
    row.owner = s.owner;
    row.target = s.target;
    if (s.response) row.response = std::make_shared<const FollowUp>(*s.response);
    row.deadline = deadline(s.target, scale.settled(row.status_end), o.period.end, o.due_soon_days);
}

std::vector<AddresseeGroup> group_by_addressee(const std::vector<ReportRecommendation>& rows) {
    std::map<std::string, AddresseeGroup> groups;
    AddresseeGroup unaddressed{"(no addressee)", {}};
    for (const auto& row : rows) {
        if (row.addressees.empty()) unaddressed.keys.push_back(row.key);
        for (const auto& a : row.addressees) {
            auto& g = groups[a];
            g.addressee = a;
            g.keys.push_back(row.key);
        }
    }
    std::vector<AddresseeGroup> out;
    for (auto& [name, g] : groups) out.push_back(std::move(g));
    // Grouped, every recommendation is still somewhere: none is dropped
    // for lack of an addressee.
    if (!unaddressed.keys.empty()) out.push_back(std::move(unaddressed));
    return out;
}

// Whole recommendations only: parts are counted through their parent.
void count_in_summary(const ReportRecommendation& row, ReportSummary& summary) {
    if (!row.parent.empty()) return;
    ++summary.start[row.status_start];
    ++summary.end[row.status_end];
    switch (row.direction) {
        case Direction::advanced:
            ++summary.advanced;
            summary.advanced_keys.push_back(row.key);
            break;
        case Direction::regressed:
            ++summary.regressed;
            summary.regressed_keys.push_back(row.key);
            break;
        case Direction::unchanged:
            ++summary.unchanged;
            break;
    }
}

// Where the whole recommendations stood at the end of each of the eight
// quarters ending with the period's.
std::vector<QuarterCount> trend(const StatusTimeline& timeline,
                                const std::vector<const Recommendation*>& recs, Date end) {
    std::vector<QuarterCount> out;
    std::vector<Date> ends;
    Quarter q = quarter_of(end);
    for (int i = 0; i < 7; ++i) q = q.previous();
    for (int i = 0; i < 8; ++i, q = q.next()) {
        out.push_back({q, {}});
        ends.push_back(q.last_day());
    }
    for (const Recommendation* r : recs) {
        if (!r->parent.empty()) continue;
        const auto statuses = timeline.at(r->key, ends);
        for (std::size_t i = 0; i < ends.size(); ++i) ++out[i].counts[statuses[i]];
    }
    return out;
}

}  // namespace

const SourceState& source_state(const StatusReport& r, EvidenceId id) {
    static const SourceState never_checked;
    const auto it = r.sources.find(id);
    return it == r.sources.end() ? never_checked : it->second;
}

namespace {

// Points the report's late entries at the events they are, once the rows
// are in place: nothing moves their events after that. `row_at` is each
// recommendation's row, by its position in the report's index.
void list_late_entries(StatusReport& out, const std::vector<PeriodReader::LateEntry>& late,
                       const std::vector<std::size_t>& row_at) {
    out.late_entries.reserve(late.size());
    for (const auto& [at, index] : late)
        out.late_entries.push_back(at == PeriodReader::LateEntry::kUnlisted
                                       ? &out.late_unlisted[index]
                                       : &out.recommendations[row_at[at]].events[index]);
}

}  // namespace

StatusReport build_report(const Store& store, const ReportOptions& o) {
    static const std::vector<std::string> kNoParts;
    StatusReport out;
    const AsRecorded& t = o.as_recorded;
    const auto reports = store.reports();
    if (reports.empty())
        throw InputError("the database tracks no report yet; load one with `rectrack import`");
    out.report = reports.front();
    out.period = o.period;
    out.as_recorded = t.everything() ? "" : t.by()->str();
    out.generated = t.by().value_or(o.generated).str();
    out.scope = scope_words(o);
    out.journal = journal_anchor(store, t);
    // An empty report would say "nothing happened", which the journal does
    // not support: it says nothing at all about that time.
    if (out.journal.events == 0)
        throw InputError(t.everything() ? std::string("nothing has been recorded yet")
                                        : "nothing had been recorded by " + t.by()->str() +
                                              ": the journal starts later");
    // A period that has not ended would be reported as if it had: its end
    // statuses would be guesses about days to come.
    const Date today = t.by().value_or(o.generated).date();
    if (o.period.end > today)
        throw InputError(o.period.label() + " has not ended yet (it ends " + o.period.end.str() +
                         "); report it to date with --from " + o.period.start.str() + " --to " +
                         today.str());
    out.scale = store.scale();

    const Sources in = read_sources(store, o);
    auto recs = select_recommendations(
        in.all_recs, recommendation_keys(store, o.recs, "--recs", o.as_recorded), o.period.end);
    for (const auto& [wanted, tag] :
         {std::pair{&o.themes, Tag::theme}, std::pair{&o.addressees, Tag::addressee}}) {
        if (wanted->empty()) continue;
        const auto keep = tagged(in.all_recs, *wanted, tag);
        std::erase_if(recs, [&](const Recommendation* r) { return !keep.contains(r->key); });
    }
    const RecIndex included(recs);
    std::map<std::string, std::vector<std::string>> parts_of;
    for (const Recommendation* r : recs)
        if (!r->parent.empty()) parts_of[r->parent].push_back(r->key);
    // The last day asked about is the trend's: the end of the period's
    // quarter, later than the period's own end for a period to date.
    const StatusTimeline timeline(store, t, in.rec_by_key, out.scale,
                                  quarter_of(o.period.end).last_day());
    auto events = PeriodReader(store, o, included, in, timeline, out).read();

    const Date day_before = Date::from_days(o.period.start.days() - 1);
    out.recommendations.reserve(recs.size());
    std::vector<std::size_t> row_at(recs.size());  // by position in `included`
    for (const Recommendation* p : recs) {
        const Recommendation& r = *p;
        ReportRecommendation row;
        row.key = r.key;
        row.title = r.title;
        row.parent = r.parent;
        // A part split off in the period starts where its parent stood.
        row.status_start =
            timeline.at(!r.parent.empty() && r.added > day_before ? r.parent : r.key, day_before);
        row.status_end = timeline.at(r.key, o.period.end);
        row.direction = direction(out.scale, row.status_start, row.status_end);
        const std::size_t at = *included.position(r.key);
        row_at[at] = out.recommendations.size();
        row.events = std::move(events.of[at]);
        for (const auto& e : row.events) {
            row.unsupported += e.unsupported;
            row.sources_failed += e.sources_failed;
        }
        const auto parts = parts_of.find(r.key);
        row.measures =
            measure_rows(r.key, parts == parts_of.end() ? kNoParts : parts->second, in, o.period);
        add_backing_evidence(row, timeline, in, o.period.end, out.sources);
        add_follow_up(row, r, in, out.scale, o);
        count_in_summary(row, out.summary);
        out.recommendations.push_back(std::move(row));
    }
    list_late_entries(out, events.late, row_at);
    out.trend = trend(timeline, recs, o.period.end);
    if (o.by_addressee) out.by_addressee = group_by_addressee(out.recommendations);
    return out;
}

}  // namespace rectrack
