// The domain's plain value types. They carry no behaviour beyond formatting
// helpers; the tracker validates them and the store persists them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "time/date.hpp"

namespace rectrack {

using EventId = std::int64_t;
using EvidenceId = std::int64_t;

struct Report {
    std::string key;
    std::string title;
    std::string author;
    std::string publisher;
    Date issued;  // the first day of the year when only the year is known
    std::string url;
    bool issued_year_only = false;
};
// "2020-03-01", or "2020; only the year is known".
std::string issued_text(const Report& r);

struct Recommendation {
    std::string key;     // R1, R4.a
    std::string report;  // the report's key
    int number = 0;
    std::string parent;  // R4 for the part R4.a; empty for a whole recommendation
    std::string title;
    std::string text;  // verbatim from the report
    std::vector<std::string> addressees;
    std::vector<std::string> themes;
    // The effective date it was added on. For a part of a recommendation
    // that had a status of its own, the day of the split: from then on the
    // parent stands where its parts do, before it where its own history says.
    Date added;
};

struct Measure {
    std::string key;  // ai-act
    std::string title;
    std::string type;
    std::vector<std::string> institutions;
    std::string celex;  // each identifier is normalised, or empty
    std::string eli;
    std::string com_ref;
    std::string procedure;
    std::string url;
    std::vector<std::string> themes = {};  // given when added; `rectrack tag` changes them
};

struct MeasureStage {
    EventId event = 0;
    std::string measure;
    std::string stage;
    Date date;
    std::string label;  // which step, when a stage comes in several: "Art. 14 applies"
};

struct Evidence {
    EvidenceId id = 0;
    std::string url;
    std::string title;
    std::string publisher;
    std::optional<Date> published;
    std::optional<Date> accessed;
    std::string archive_url;
    std::string sha256;
    std::string kind;     // official, legislation, news, ngo, academic
    std::string bearing;  // supports, contradicts, context
};

// What fetching a source found: the basis on which later checks tell a
// changed source from an unchanged one.
struct EvidenceCapture {
    std::string sha256;
    std::string text_sha256;
    std::string etag;
    std::string last_modified;
    std::string final_url;
    int http_status = 0;
    std::string recorded_at;
};

// A copy of a source kept in the database (`rectrack evidence archive`): the
// bytes live in the object store under `sha256`; this is what the journal
// says about them.
struct EvidenceArchive {
    EventId event = 0;  // the evidence_archived event
    EvidenceId evidence = 0;
    std::string sha256;  // of the content as served
    std::int64_t size = 0;
    std::string content_type;
    std::string final_url;
    int http_status = 0;
    std::string fetched_at;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string recorded_at;
};

// Evidence is shown to users as E12; they may type E12 or 12.
std::string evidence_ref(EvidenceId id);
// "E1-E3, E7": evidence ids as compact ranges, in order.
std::string evidence_ranges(std::vector<EvidenceId> ids);
std::optional<EvidenceId> parse_evidence_ref(const std::string& text);

struct Link {
    EventId event = 0;  // the measure_linked event
    std::string rec;
    std::string measure;
    std::string relation;
    std::string note;
    Date date;
};

struct StatusChange {
    EventId event = 0;
    std::string rec;
    std::string status;
    Date date;
    std::string note;
    std::string author;
    std::string recorded_at;
    std::vector<EvidenceId> evidence;
};

struct Note {
    EventId event = 0;
    std::string subject;
    std::string text;
    Date date;
    std::string author;
};

// A recommendation's follow-up: who follows it internally, when it is
// expected, and how its addressee responded. Each entry replaces the one
// before it of the same kind, and all are kept, so a report shows the
// target of its period and when it moved.
struct FollowUp {
    enum class Field { owner, target, response };
    EventId event = 0;
    std::string rec;
    Field field = Field::owner;
    std::string value;  // a name, a date (YYYY-MM-DD) or a response; empty when cleared
    std::string note;   // why a target moved; what a response said
    Date date;          // effective
    std::vector<EvidenceId> evidence = {};  // the sources of a response
    std::string author = {};
    std::string recorded_at = {};
};

// Where a recommendation's follow-up stands at the close of a day.
struct FollowUpState {
    std::string owner;
    std::optional<Date> target;
    std::optional<FollowUp> response;
};

// Whether a target date holds anyone to account on `today`.
enum class Deadline { none, on_track, due_soon, overdue };

// One row of `rectrack recs`: a recommendation and where it stands now.
struct RecommendationSummary {
    Recommendation rec;
    std::string status;
    std::optional<Date> status_since;
    int measures = 0;
    int evidence = 0;
    FollowUpState follow_up = {};  // as it stands today
    Deadline deadline = Deadline::none;
};

}  // namespace rectrack
