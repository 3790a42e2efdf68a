// The operations staff perform: each validates its input against the store,
// builds the event, and appends it inside the caller's transaction. Nothing
// here prints; errors are InputError with a sentence a user can act on.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/check.hpp"
#include "model/follow_up.hpp"
#include "model/model.hpp"
#include "model/status_scale.hpp"
#include "store/store.hpp"

namespace rectrack {

// Who records, and the clock: taken as inputs so that output is reproducible.
struct Actor {
    std::string author;
    Instant now;
    Date today() const { return now.date(); }
};

struct MeasureInput {
    Measure measure;  // identifiers as typed; add_measure normalises them
    std::vector<std::pair<std::string, Date>> stages;
    std::vector<std::string> evidence;  // references (E3 or URL) to attach
    std::optional<Date> date;           // when it was added; today by default
};

struct EvidenceInput {
    Evidence evidence;  // id is assigned
    std::optional<Date> date;
};

struct EvidenceAdded {
    EvidenceId id;
    bool created;  // false when the URL was already recorded
    // When it was: the fields given that differ from the record and were not
    // applied (`amend evidence` applies them), by their option names.
    std::vector<std::string> not_applied;
};

class Tracker {
  public:
    Tracker(Store& store, Store::Transaction& tx, Actor actor)
        : store_(store), tx_(tx), actor_(std::move(actor)) {}

    // What looks wrong but may be meant (a status equal to the current one,
    // a source recorded under another URL, identifiers that disagree,
    // evidence published after the change it backs) is recorded with a
    // warning; strict, it is refused with InputError instead.
    void set_strict(bool strict) { strict_ = strict; }
    const std::vector<std::string>& warnings() const { return warnings_; }

    Event set_scale(const StatusScale& scale, Date date);
    StatusScale scale() const;
    std::optional<Report> report(const std::string& key) const;
    Event add_report(const Report& report);
    // A part takes its parent's report and number unless given; a
    // recommendation with no report belongs to the only report tracked.
    // A part of a recommendation that has a status splits it: the part
    // starts on `date` (default today) at the parent's status, or at
    // `part_status`; the returned events are the adding and that start.
    std::vector<Event> add_recommendation(Recommendation rec, std::optional<Date> date = {},
                                          const std::string& part_status = {});
    std::vector<Event> add_measure(MeasureInput input);
    // A stage reached or planned; `label` says which step, when a stage comes
    // in several ("Art. 14 reporting obligations apply").
    Event reach_stage(const std::string& measure, const std::string& stage, Date date,
                      const std::string& label = {});
    Event link(const std::string& rec, const std::string& measure, const std::string& relation,
               const std::string& note, std::optional<Date> date);
    Event unlink(const std::string& rec, const std::string& measure, const std::string& reason,
                 std::optional<Date> date);
    Event set_status(const std::string& rec, const std::string& status, Date date,
                     const std::vector<std::string>& evidence, const std::string& note);
    EvidenceAdded add_evidence(EvidenceInput input);
    Event attach_evidence(const std::string& ref, const std::string& to, std::optional<Date> date);
    Event add_note(const std::string& key, const std::string& text, std::optional<Date> date);
    // Retracts an event. One that others stand on (a measure's links,
    // stages and attachments; a source's citations and attachments) is
    // refused naming them, or, with `with_dependents`, retracted after
    // them; the last event returned retracts `id`.
    std::vector<Event> correct(EventId id, const std::string& reason, bool with_dependents = false);
    // What fetching a source found, for later checks to compare against.
    Event record_capture(EvidenceId id, const CheckResult& fetched);
    // Changes how something is recorded, as an `amended` event: each field
    // given (by its name in the adding event: title, celex, archive_url, ...)
    // that differs from the recorded value. An empty value clears an optional
    // field. Throws InputError if nothing would change (amend.cpp).
    using FieldChanges = std::map<std::string, std::string>;
    Event amend_recommendation(const std::string& key, FieldChanges fields,
                               const std::string& reason);
    Event amend_measure(const std::string& key, FieldChanges fields, const std::string& reason);
    Event amend_evidence(const std::string& ref, FieldChanges fields, const std::string& reason);
    // Themes and addressees given to or taken from a recommendation, or
    // themes of a measure, in any spelling of a carried tag (tags.cpp).
    struct TagEdit {
        std::vector<std::string> themes, addressees;
    };
    Event change_tags(const std::string& key, const TagEdit& add, const TagEdit& remove,
                      std::optional<Date> date);
    // A recommendation's follow-up (follow_up.cpp). Who follows it: an empty
    // name clears. Its target date: moving or clearing one needs a reason;
    // nullopt clears. How its addressee responded, with the sources that say
    // so. Each refuses what would change nothing.
    Event set_owner(const std::string& rec, const std::string& owner, std::optional<Date> date);
    Event set_target(const std::string& rec, std::optional<Date> target, const std::string& reason,
                     std::optional<Date> date);
    Event record_response(const std::string& rec, const std::string& response,
                          std::optional<Date> date, const std::vector<std::string>& evidence,
                          const std::string& note);
    // A copy of a source, kept in the database: its bytes as an object,
    // and an event saying what they are and when they were fetched.
    Event record_archive(EvidenceId id, const CheckResult& fetched, const std::string& fetched_at);
    // One online audit: every URL's result, and how many offline findings.
    Event record_audit(const std::vector<CheckResult>& results, int findings);

    // "E3", "3" or a recorded URL; throws InputError for anything else.
    EvidenceId resolve_evidence(const std::string& ref);

  private:
    Store& store_;
    Store::Transaction& tx_;
    Actor actor_;
    bool strict_ = false;
    std::vector<std::string> warnings_;

    void warn(const std::string& message);
    Event record_stage(const std::string& measure, const std::string& stage, Date date,
                       const std::string& label);
    void warn_of_mismatches(const std::string& key, const std::vector<std::string>& before);

    Event append(EventKind kind, std::vector<std::string> subjects, nlohmann::json payload,
                 Date effective);
    Recommendation require_rec(const std::string& key);
    Event retract(const Event& target, const std::string& reason);
    std::vector<Event> split(const Recommendation& part, const nlohmann::json& payload,
                             const std::vector<std::string>& subjects, const StatusChange& standing,
                             std::optional<Date> date, const std::string& part_status);
    Event amend(const std::string& subject, const FieldChanges& fields,
                const std::map<std::string, std::string>& current, const std::string& reason);
    Measure require_measure(const std::string& key);
    FollowUpState follow_up_of(const std::string& rec) const;
    Date past_or_today(std::optional<Date> date, std::string_view what);
};

// "R4" -> "rec:R4", "ai-act" -> "measure:ai-act"; throws InputError when
// the key is neither.
std::string resolve_subject(const Store& store, const std::string& key);

// Evidence cited by or attached to these recommendations and their parts,
// each once.
std::vector<EvidenceId> evidence_of_recs(const Store& store, const std::vector<std::string>& recs);

// The evidence a user means by "E3", "3" or a recorded URL, if any.
std::optional<Evidence> find_evidence(const Store& store, const std::string& ref);

// What an online check needs to know of each evidence item: its URL and
// what the latest capture recorded. Only `ids` when given.
std::vector<CheckTarget> check_targets(const Store& store, const std::vector<EvidenceId>& ids = {});

// Recommendations with where they stand now. A recommendation split into
// parts takes the status of its least advanced open part.
// Each with its follow-up as it stands and its deadline judged by `rule`;
// only `only` and its parts when given (`show` needs no more).
std::vector<RecommendationSummary> recommendation_summaries(const Store& store,
                                                            const DeadlineRule& rule,
                                                            const std::string& only = {});

}  // namespace rectrack
