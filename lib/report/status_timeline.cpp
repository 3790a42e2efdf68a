#include "report/status_timeline.hpp"

#include <algorithm>
#include <tuple>

namespace rectrack {

namespace {

// A date in four bytes that sort as the date does.
std::uint32_t day_number(Date d) {
    return static_cast<std::uint32_t>(d.year) << 9 | static_cast<std::uint32_t>(d.month) << 5 |
           static_cast<std::uint32_t>(d.day);
}

}  // namespace

StatusTimeline::StatusTimeline(const Store& store, AsRecorded as_recorded, const RecIndex& recs,
                               const StatusScale& scale, Date through)
    : scale_(scale), index_(recs), span_(index_.size()) {
    // The changes come grouped by recommendation, each group by date: kept
    // as they come, a key compared only with the one before it. (Looking
    // each change's key up in a table of 100,000 was a third of a report.)
    std::vector<std::uint32_t> change_of_event;  // an event's change, plus 1; 0: none
    change_of_event.resize(static_cast<std::size_t>(store.last_event_id(as_recorded)) + 1);
    std::string rec;
    std::size_t first = 0;
    auto close_span = [&] {
        if (const auto at = index_.position(rec))
            span_[*at] = {static_cast<std::uint32_t>(first),
                          static_cast<std::uint32_t>(changes_.size())};
    };
    store.for_each_status_point(
        [&](const Store::StatusPoint& c) {
            // Later changes come last in their group: skipping them leaves
            // each group whole.
            if (c.date > through) return;
            if (c.rec != rec || changes_.empty()) {
                if (!changes_.empty()) close_span();
                rec = c.rec;
                first = changes_.size();
            }
            const auto event = static_cast<std::size_t>(c.event);
            if (event < change_of_event.size())
                change_of_event[event] = static_cast<std::uint32_t>(changes_.size() + 1);
            changes_.push_back({c.event, day_number(c.date), status_number(c.status), 0, 0});
        },
        as_recorded);
    if (!changes_.empty()) close_span();
    changes_.shrink_to_fit();  // held for the whole report: 25 MB of room for 17 at 1M
    read_sources(store, change_of_event);
    for (const Recommendation* r : recs)
        if (!r->parent.empty()) {
            parts_[r->parent].push_back({r->key, r->added});
            parent_of_[r->key] = r->parent;
        }
}

// Each change's cited sources, next to each other in sources_: counted,
// then placed (a counting sort), in the order read, by source.
void StatusTimeline::read_sources(const Store& store,
                                  const std::vector<std::uint32_t>& change_of_event) {
    std::vector<std::pair<std::uint32_t, EvidenceId>> cited;  // change, source
    store.for_each_citation([&](EventId event, EvidenceId source) {
        const auto e = static_cast<std::size_t>(event);
        if (e < change_of_event.size() && change_of_event[e] != 0)
            cited.push_back({change_of_event[e] - 1, source});
    });
    for (const auto& [change, source] : cited) ++changes_[change].sources;
    std::uint32_t next = 0;
    for (auto& c : changes_) {
        c.first_source = next;
        next += c.sources;
    }
    sources_.resize(cited.size());
    std::vector<std::uint32_t> placed(changes_.size(), 0);
    for (const auto& [change, source] : cited)
        sources_[changes_[change].first_source + placed[change]++] = source;
}

// A scale has a handful of statuses: a look along them beats hashing.
std::uint32_t StatusTimeline::status_number(std::string_view status) {
    const auto it = std::find(statuses_.begin(), statuses_.end(), status);
    if (it != statuses_.end()) return static_cast<std::uint32_t>(it - statuses_.begin());
    statuses_.emplace_back(status);
    return static_cast<std::uint32_t>(statuses_.size() - 1);
}

StatusTimeline::Span StatusTimeline::changes_of(const std::string& key) const {
    const auto at = index_.position(key);
    if (!at) return {nullptr, nullptr};
    return {changes_.data() + span_[*at].first, changes_.data() + span_[*at].second};
}

std::string StatusTimeline::at(const std::string& key, Date day) const {
    return at(key, std::vector<Date>{day}).front();
}

std::vector<std::string> StatusTimeline::at(const std::string& key,
                                            const std::vector<Date>& days) const {
    std::vector<std::pair<Span, Date>> parts;  // changes, added
    if (auto p = parts_.find(key); p != parts_.end())
        for (const auto& [part, added] : p->second) parts.push_back({changes_of(part), added});
    const Span own = changes_of(key);
    std::vector<std::string> out, statuses;
    out.reserve(days.size());
    for (const Date day : days) {
        statuses.clear();
        for (const auto& [changes, added] : parts)
            if (added <= day) statuses.push_back(status_on(changes, day));
        out.push_back(statuses.empty() ? status_on(own, day) : scale_.rollup(statuses));
    }
    return out;
}

// The last change dated on or before `day`, found by halving.
std::string StatusTimeline::status_on(Span changes, Date day) const {
    const auto [first, end] = changes;
    const Change* after = std::upper_bound(
        first, end, day_number(day), [](std::uint32_t d, const Change& c) { return d < c.day; });
    return after == first ? scale_.lowest() : statuses_[(after - 1)->status];
}

std::string StatusTimeline::before(const std::string& key, Date day, EventId event) const {
    const auto [first, end] = changes_of(key);
    const Change* next =
        std::lower_bound(first, end, std::pair{day_number(day), event},
                         [](const Change& c, const std::pair<std::uint32_t, EventId>& at) {
                             return std::tie(c.day, c.event) < std::tie(at.first, at.second);
                         });
    if (next != first) return statuses_[(next - 1)->status];
    if (auto p = parent_of_.find(key); p != parent_of_.end())
        return status_on(changes_of(p->second), day);
    return scale_.lowest();
}

void StatusTimeline::cited_until(const std::string& key, Date day,
                                 std::set<EvidenceId>& into) const {
    std::vector<std::string> keys = {key};
    if (auto p = parts_.find(key); p != parts_.end())
        for (const auto& part : p->second) keys.push_back(part.first);
    const std::uint32_t last = day_number(day);
    for (const auto& k : keys) {
        const auto [first, end] = changes_of(k);
        for (const Change* c = first; c != end && c->day <= last; ++c)
            into.insert(sources_.begin() + c->first_source,
                        sources_.begin() + c->first_source + c->sources);
    }
}

}  // namespace rectrack
