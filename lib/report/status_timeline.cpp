#include "report/status_timeline.hpp"

#include <algorithm>
#include <tuple>

namespace rectrack {

StatusTimeline::StatusTimeline(const Store& store, AsRecorded as_recorded,
                               const std::vector<Recommendation>& recs, const StatusScale& scale)
    : scale_(scale) {
    // Read in the order recorded, each change tagged with its recommendation's
    // number; then grouped by that number in two passes (a counting sort),
    // which keeps each group's changes next to each other in memory.
    std::unordered_map<std::string, std::uint32_t> rec_number, status_number;
    std::vector<std::string> rec_keys;
    std::vector<std::uint32_t> rec_of;
    std::vector<Change> read;
    store.for_each_status_change(
        [&](StatusChange&& c) {
            const auto rec = rec_number.try_emplace(c.rec, rec_keys.size());
            if (rec.second) rec_keys.push_back(c.rec);
            const auto status = status_number.try_emplace(c.status, statuses_.size());
            if (status.second) statuses_.push_back(c.status);
            read.push_back({c.event, c.date, status.first->second,
                            static_cast<std::uint32_t>(sources_.size()),
                            static_cast<std::uint32_t>(c.evidence.size())});
            sources_.insert(sources_.end(), c.evidence.begin(), c.evidence.end());
            rec_of.push_back(rec.first->second);
        },
        as_recorded);
    std::vector<std::size_t> start(rec_keys.size() + 1, 0);
    for (auto r : rec_of) ++start[r + 1];
    for (std::size_t r = 0; r < rec_keys.size(); ++r) start[r + 1] += start[r];
    changes_.resize(read.size());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < read.size(); ++i) changes_[next[rec_of[i]]++] = read[i];
    for (std::size_t r = 0; r < rec_keys.size(); ++r) {
        std::sort(changes_.begin() + static_cast<std::ptrdiff_t>(start[r]),
                  changes_.begin() + static_cast<std::ptrdiff_t>(start[r + 1]),
                  [](const Change& a, const Change& b) {
                      return std::tie(a.date, a.event) < std::tie(b.date, b.event);
                  });
        span_.emplace(rec_keys[r], std::pair{start[r], start[r + 1]});
    }
    for (const auto& r : recs)
        if (!r.parent.empty()) {
            parts_[r.parent].push_back({r.key, r.added});
            parent_of_[r.key] = r.parent;
        }
}

std::pair<const StatusTimeline::Change*, const StatusTimeline::Change*> StatusTimeline::changes_of(
    const std::string& key) const {
    const auto it = span_.find(key);
    if (it == span_.end()) return {nullptr, nullptr};
    return {changes_.data() + it->second.first, changes_.data() + it->second.second};
}

std::string StatusTimeline::at(const std::string& key, Date day) const {
    if (auto p = parts_.find(key); p != parts_.end()) {
        std::vector<std::string> statuses;
        for (const auto& [part, added] : p->second)
            if (added <= day) statuses.push_back(own(part, day));
        if (!statuses.empty()) return scale_.rollup(statuses);
    }
    return own(key, day);
}

// The last change dated on or before `day`, found by halving.
std::string StatusTimeline::own(const std::string& key, Date day) const {
    const auto [first, end] = changes_of(key);
    const Change* after =
        std::upper_bound(first, end, day, [](Date d, const Change& c) { return d < c.date; });
    return after == first ? scale_.lowest() : statuses_[(after - 1)->status];
}

std::string StatusTimeline::before(const std::string& key, Date day, EventId event) const {
    const auto [first, end] = changes_of(key);
    const Change* next = std::lower_bound(
        first, end, std::pair{day, event}, [](const Change& c, const std::pair<Date, EventId>& at) {
            return std::tie(c.date, c.event) < std::tie(at.first, at.second);
        });
    if (next != first) return statuses_[(next - 1)->status];
    if (auto p = parent_of_.find(key); p != parent_of_.end()) return own(p->second, day);
    return scale_.lowest();
}

void StatusTimeline::cited_until(const std::string& key, Date day,
                                 std::set<EvidenceId>& into) const {
    std::vector<std::string> keys = {key};
    if (auto p = parts_.find(key); p != parts_.end())
        for (const auto& part : p->second) keys.push_back(part.first);
    for (const auto& k : keys) {
        const auto [first, end] = changes_of(k);
        for (const Change* c = first; c != end && c->date <= day; ++c)
            into.insert(sources_.begin() + c->first_source,
                        sources_.begin() + c->first_source + c->sources);
    }
}

}  // namespace rectrack
