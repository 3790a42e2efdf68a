// The journal's entries. An event is the only way anything changes; its hash
// chains it to every event before it (design invariant 3).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "time/date.hpp"

namespace rectrack {

namespace kind {
inline constexpr std::string_view scale_set = "scale_set";
inline constexpr std::string_view report_added = "report_added";
inline constexpr std::string_view recommendation_added = "recommendation_added";
inline constexpr std::string_view status_changed = "status_changed";
inline constexpr std::string_view measure_added = "measure_added";
inline constexpr std::string_view stage_reached = "stage_reached";
inline constexpr std::string_view measure_linked = "measure_linked";
inline constexpr std::string_view measure_unlinked = "measure_unlinked";
inline constexpr std::string_view evidence_added = "evidence_added";
inline constexpr std::string_view evidence_attached = "evidence_attached";
inline constexpr std::string_view note_added = "note_added";
inline constexpr std::string_view correction = "correction";
inline constexpr std::string_view evidence_captured = "evidence_captured";
inline constexpr std::string_view audit_recorded = "audit_recorded";
}  // namespace kind

bool is_event_kind(std::string_view k);

struct Event {
    EventId id = 0;
    std::string kind;
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
