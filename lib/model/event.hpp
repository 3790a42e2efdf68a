// The journal's entries. An event is the only way anything changes; its hash
// chains it to every event before it (design invariant 3).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "time/date.hpp"

namespace rectrack {

// Every kind of journal entry. A switch over EventKind has no default, so
// -Wswitch names every place a new kind must be handled.
enum class EventKind {
    scale_set,
    report_added,
    recommendation_added,
    status_changed,
    measure_added,
    stage_reached,
    measure_linked,
    measure_unlinked,
    evidence_added,
    evidence_attached,
    note_added,
    correction,
    evidence_captured,
    audit_recorded,
    evidence_archived,
    amended,
    tags_changed,
    owner_set,
    target_set,
    response_recorded,
};

// What each kind is, in one table (event.cpp).
struct EventKindInfo {
    EventKind kind;
    std::string_view name;  // as stored in the journal and shown by `log`
    // Corrections may retract it. Kinds that define what is tracked (the
    // scale, reports, recommendations) and corrections themselves may not.
    bool retractable;
    // It is something done about its subjects, so it counts as activity on
    // a recommendation (adding it, or correcting an entry, does not).
    bool activity;
};

const EventKindInfo& info(EventKind k);
std::string_view name(EventKind k);
std::optional<EventKind> parse_event_kind(std::string_view name);
const std::vector<EventKindInfo>& event_kinds();

struct Event {
    EventId id = 0;
    EventKind kind = EventKind::note_added;
    // What the event is about, as "rec:R4", "measure:ai-act", "evidence:3";
    // the first is the main subject. `log R4` finds events by any of them.
    std::vector<std::string> subjects;
    nlohmann::json payload = nlohmann::json::object();
    Date effective;           // when it happened in the world
    std::string recorded_at;  // when it was logged, UTC, Instant::str()
    std::string author;
    std::string hash;  // SHA-256 over the previous hash and canonical_bytes()
};

inline const std::string kGenesisHash(64, '0');

// The bytes the hash covers: a compact JSON object with sorted keys, so the
// same event always hashes the same on any machine.
std::string canonical_bytes(const Event& e);
std::string chain_hash(const std::string& previous_hash, const Event& e);

// A one-line account of the event for `log`, e.g. "R4 -> partial (cites E3)".
std::string describe(const Event& e);

std::string rec_subject(const std::string& key);
std::string measure_subject(const std::string& key);
std::string evidence_subject(EvidenceId id);

}  // namespace rectrack
