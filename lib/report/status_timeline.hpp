// Where each recommendation stood on any day: the status changes that hold
// as recorded, read once for a whole report.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/model.hpp"
#include "model/status_scale.hpp"
#include "report/rec_index.hpp"
#include "store/store.hpp"

namespace rectrack {

// Parts roll up into their parent from the day each part was added (a
// split): before it, the parent's own history holds.
//
// A report of a million changes reads every one of them, so they are kept
// flat and small: one array of changes grouped by recommendation, each
// group by date, with statuses and cited sources in arrays of their own.
class StatusTimeline {
  public:
    // Nothing is asked about a day after `through`: the changes dated later
    // are not kept (a report of a quarter two years back needs a third less).
    // `recs` are the recommendations asked about; the index must outlive it.
    StatusTimeline(const Store& store, AsRecorded as_recorded, const RecIndex& recs,
                   const StatusScale& scale, Date through);

    // R's status at the close of `day`, its parts rolled up.
    std::string at(const std::string& key, Date day) const;
    // The same for each of `days`, R and its parts looked up once (a trend
    // asks this of every recommendation for eight quarter ends).
    std::vector<std::string> at(const std::string& key, const std::vector<Date>& days) const;
    // R's own status just before the change recorded by `event` on `day`; a
    // part's first change starts from where its parent stood.
    std::string before(const std::string& key, Date day, EventId event) const;
    // The sources cited by R's status changes (and its parts') up to `day`.
    void cited_until(const std::string& key, Date day, std::set<EvidenceId>& into) const;

  private:
    // 24 bytes: a million of them are a report's largest single holding.
    struct Change {
        EventId event = 0;
        std::uint32_t day = 0;                        // day_number() of its date
        std::uint32_t status = 0;                     // into statuses_
        std::uint32_t first_source = 0, sources = 0;  // into sources_
    };
    StatusScale scale_;
    std::vector<std::string> statuses_;
    std::vector<EvidenceId> sources_;
    std::vector<Change> changes_;  // grouped by recommendation, then by date and event
    // Each recommendation's changes, [first, end) in changes_, by its
    // position in index_ (a table keyed by string was 7 MB at 100,000).
    const RecIndex& index_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> span_;
    std::map<std::string, std::vector<std::pair<std::string, Date>>> parts_;  // key, added
    std::map<std::string, std::string> parent_of_;

    std::uint32_t status_number(std::string_view status);
    void read_sources(const Store& store, const std::vector<std::uint32_t>& change_of_event);
    using Span = std::pair<const Change*, const Change*>;
    Span changes_of(const std::string& key) const;
    std::string status_on(Span changes, Date day) const;
};

}  // namespace rectrack
