// A period's status report as plain data: where each recommendation stood at
// the start and the end of the period, what happened in it, what backs it,
// and what was recorded late. Renderers (report_*.cpp) turn it into
// Markdown, HTML, CSV and JSON; none of them computes anything.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/check.hpp"
#include "model/follow_up.hpp"
#include "model/model.hpp"
#include "model/status_scale.hpp"
#include "store/anchor.hpp"
#include "store/store.hpp"
#include "time/period.hpp"

namespace rectrack {

struct ReportOptions {
    Period period;
    AsRecorded as_recorded;                       // replay only what was recorded by then
    Instant generated;                            // the clock; the as-recorded instant when given
    std::vector<std::string> recs;                // only these (and their parts); all when empty
    std::vector<std::string> themes, addressees;  // only those tagged so; all when empty
    int due_soon_days = 30;     // a target this near the period's end is "due soon"
    bool by_addressee = false;  // also group the recommendations by addressee
};

// One journal entry as a report shows it.
struct ReportEvent {
    EventId id = 0;
    EventKind kind = EventKind::note_added;
    Date date;
    std::string recorded_at;
    std::string author;
    std::string text;                  // describe() of the event
    std::string status;                // for status changes
    std::vector<EvidenceId> evidence;  // cited, for status changes
    bool unsupported = false;          // a status change citing no evidence
    // A status change whose cited sources all failed their last check (as
    // recorded by the report's instant): it rests on nothing that works.
    bool sources_failed = false;
    bool late = false;    // recorded after the period ended
    std::string subject;  // the recommendation (or measure) it is listed under
};

struct ReportMeasure {
    std::string key;
    std::string title;
    std::string relation;
    std::string celex;
    std::string eur_lex;                  // link to the act, when its identifiers give one
    std::vector<MeasureStage> stages;     // every stage up to the end of the period
    std::vector<MeasureStage> in_period;  // the stages reached within the period
};

// A source as the journal knows it at the report's instant: its last check
// as recorded, and its latest local copy.
struct SourceState {
    std::optional<CheckOutcome> last_result;  // none: never checked
    int http_status = 0;                      // of the last check; 0 if no answer
    std::string last_checked;                 // instant of the last check
    std::string last_seen_working;            // instant; empty if never
    std::string copy_taken;                   // fetch time of the latest local copy; empty if none
};
// "gone (HTTP 410), checked 2026-10-02; last seen working 2026-07-01; local
// copy of 2026-06-30", or "never checked".
std::string describe_source(const SourceState& s);

enum class Direction { advanced, regressed, unchanged };
std::string direction_name(Direction d);

struct ReportRecommendation {
    std::string key;
    std::string title;
    std::string parent;        // for parts
    std::string status_start;  // at the close of the day before the period
    std::string status_end;    // at the close of the period's last day
    Direction direction = Direction::unchanged;
    std::vector<ReportEvent> events;  // effective within the period
    std::vector<ReportMeasure> measures;
    // Cited or attached up to the end of the period; shared with every other
    // recommendation that cites the same source rather than copied for each.
    // Their states are the report's (StatusReport::sources).
    std::vector<std::shared_ptr<const Evidence>> evidence;
    int unsupported = 0;     // status changes in the period citing no evidence
    int sources_failed = 0;  // status changes in the period whose sources all failed
    // Who and by when, at the end of the period. A part without addressees
    // of its own has its parent's.
    std::vector<std::string> addressees = {};
    std::string owner = {};
    std::optional<Date> target = {};
    Deadline deadline = Deadline::none;  // judged on the period's last day
    // Held apart: most rows have none, and an empty std::optional<FollowUp>
    // is 224 bytes, 22 MB over 100,000 recommendations.
    std::shared_ptr<const FollowUp> response = {};
};

// The recommendations addressed to one addressee (`report --by addressee`);
// those addressed to no one come last, as "(no addressee)".
struct AddresseeGroup {
    std::string addressee;
    std::vector<std::string> keys;  // in report order; a recommendation may be in several groups
};

// One thing that changed in the period, for "Changes in the period": a
// status change, a stage a linked measure reached, or a note.
struct ReportChange {
    // follow_up: an owner named, a target set, moved or cleared, a response.
    enum class Kind { status, stage, note, follow_up };
    Kind kind = Kind::status;
    EventId event = 0;
    Date date;
    std::string subject;                         // R4, or a measure's key
    std::string title;                           // the recommendation's or the measure's title
    std::string from, to;                        // statuses, for a status change
    Direction direction = Direction::unchanged;  // for a status change
    std::vector<std::string> evidence;           // titles of the sources a status change cites
    bool unsupported = false;                    // a status change citing nothing
    bool sources_failed = false;                 // ... or only sources that failed
    std::string stage;                           // for a stage
    std::string label;                           // the stage's step, if labelled
    std::string text;                            // for a note, or a follow-up in words
    bool late = false;                           // recorded after the period ended
};
std::string change_kind_name(ReportChange::Kind k);

struct ReportSummary {
    std::map<std::string, int> start;  // status -> recommendations, whole ones only
    std::map<std::string, int> end;
    int advanced = 0, regressed = 0, unchanged = 0;
    std::vector<std::string> advanced_keys, regressed_keys;  // whole recommendations
    int measures_linked = 0;                                 // links effective in the period
    int stages_reached = 0;                                  // measure stages dated in the period
    int evidence_added = 0;  // evidence recorded with a date in the period
};

struct QuarterCount {
    Quarter quarter;
    std::map<std::string, int> counts;  // status -> recommendations at its end
};

struct Correction {
    EventId id = 0;
    EventId retracts = 0;
    std::string retracted;  // what the retracted event said, as `log` says it
    Date retracted_date;    // its effective date
    std::string reason;
    std::string recorded_at;
    std::string author;
};

struct StatusReport {
    StatusReport() = default;
    StatusReport(StatusReport&&) = default;
    StatusReport& operator=(StatusReport&&) = default;
    // late_entries point into the report's own rows: a copy's would point
    // into the original.
    StatusReport(const StatusReport&) = delete;
    StatusReport& operator=(const StatusReport&) = delete;

    Report report;
    Period period;
    std::string as_recorded;  // empty when everything recorded is included
    std::string generated;
    // Which recommendations it covers, in words: "all recommendations", or
    // the filters given ("R1, R4 and their parts; theme cybersecurity").
    std::string scope;
    Anchor journal;  // the journal as the report read it: reproducible and checkable
    StatusScale scale;
    ReportSummary summary;
    std::vector<ReportRecommendation> recommendations;  // parts follow their parent
    std::vector<ReportChange> changes;                  // in date order; what a reader wants first
    // Events recorded after the period ended, in journal order: those listed
    // under a recommendation are its row's own (a backfilled journal makes
    // every event of the period late: a copy of each was 17 MB at a million
    // events), the others are held in late_unlisted.
    std::vector<const ReportEvent*> late_entries;
    std::vector<ReportEvent> late_unlisted;    // late stages, sources and measures
    std::vector<Correction> corrections;       // recorded within the period
    std::vector<QuarterCount> trend;           // the eight quarters ending with the period's
    std::vector<AddresseeGroup> by_addressee;  // only when asked for, by addressee name
    // The state of every source some recommendation's `evidence` holds. A
    // source's state is the journal's at the report's instant, the same
    // whoever cites it: kept once, not once per recommendation.
    std::map<EvidenceId, SourceState> sources;
};

// The state of a source the report lists; "never checked" for one it does not.
const SourceState& source_state(const StatusReport& r, EvidenceId id);

// "In the period 1 recommendation advanced, ..." as plain text.
std::string summary_sentence(const ReportSummary& s);

// Builds the report from the store. Throws InputError for unknown
// recommendations in `recs`, an empty database, or an as-recorded instant
// before anything was recorded.
StatusReport build_report(const Store& store, const ReportOptions& options);

}  // namespace rectrack
