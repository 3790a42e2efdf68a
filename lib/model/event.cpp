#include "model/event.hpp"

#include <array>

#include "model/sha256.hpp"

namespace rectrack {

bool is_event_kind(std::string_view k) {
    static constexpr std::array kinds = {
        kind::scale_set,         kind::report_added,     kind::recommendation_added,
        kind::status_changed,    kind::measure_added,    kind::stage_reached,
        kind::measure_linked,    kind::measure_unlinked, kind::evidence_added,
        kind::evidence_attached, kind::note_added,       kind::correction,
        kind::evidence_captured, kind::audit_recorded};
    for (auto x : kinds)
        if (x == k) return true;
    return false;
}

std::string canonical_bytes(const Event& e) {
    // nlohmann::json keeps object keys sorted, which makes dump() canonical.
    nlohmann::json j = {{"id", e.id},
                        {"kind", e.kind},
                        {"subjects", e.subjects},
                        {"payload", e.payload},
                        {"effective", e.effective.str()},
                        {"recorded_at", e.recorded_at},
                        {"author", e.author}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

std::string chain_hash(const std::string& previous_hash, const Event& e) {
    return sha256_hex(previous_hash + "\n" + canonical_bytes(e));
}

std::string rec_subject(const std::string& key) {
    return "rec:" + key;
}
std::string measure_subject(const std::string& key) {
    return "measure:" + key;
}
std::string evidence_subject(EvidenceId id) {
    return "evidence:" + evidence_ref(id);
}

namespace {
std::string str(const nlohmann::json& p, const char* field) {
    auto it = p.find(field);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

std::string describe(const Event& e) {
    const auto& p = e.payload;
    const std::string& k = e.kind;
    if (k == kind::status_changed) {
        std::string s = str(p, "rec") + " -> " + str(p, "status");
        if (p.contains("evidence") && !p["evidence"].empty()) {
            std::string refs;
            for (const auto& id : p["evidence"])
                refs += (refs.empty() ? "" : ", ") + evidence_ref(id.get<EvidenceId>());
            s += " (cites " + refs + ")";
        } else {
            s += " (no evidence)";
        }
        if (!str(p, "note").empty()) s += ": " + str(p, "note");
        return s;
    }
    if (k == kind::measure_added) return str(p, "key") + " added: " + str(p, "title");
    if (k == kind::stage_reached) return str(p, "measure") + " " + str(p, "stage");
    if (k == kind::measure_linked) {
        std::string s = str(p, "rec") + " " + str(p, "relation") + " by " + str(p, "measure");
        return str(p, "note").empty() ? s : s + ": " + str(p, "note");
    }
    if (k == kind::measure_unlinked)
        return str(p, "rec") + " unlinked from " + str(p, "measure") + ": " + str(p, "reason");
    if (k == kind::evidence_added)
        return evidence_ref(p.value("id", EvidenceId{0})) + " " + str(p, "url");
    if (k == kind::evidence_attached)
        return evidence_ref(p.value("evidence", EvidenceId{0})) + " attached to " + str(p, "to");
    if (k == kind::note_added) return str(p, "subject") + ": " + str(p, "text");
    if (k == kind::correction)
        return "retracts #" + std::to_string(p.value("retracts", EventId{0})) + ": " +
               str(p, "reason");
    if (k == kind::evidence_captured)
        return evidence_ref(p.value("evidence", EvidenceId{0})) + " captured: HTTP " +
               std::to_string(p.value("http_status", 0)) + ", sha256 " +
               str(p, "sha256").substr(0, 12);
    if (k == kind::audit_recorded)
        return "audit: " + std::to_string(p.value("results", nlohmann::json::array()).size()) +
               " URLs checked, " + std::to_string(p.value("findings", 0)) + " offline findings";
    if (k == kind::recommendation_added) return str(p, "key") + " added: " + str(p, "title");
    if (k == kind::report_added) return str(p, "key") + " added: " + str(p, "title");
    if (k == kind::scale_set)
        return "status scale set (" + std::to_string(p["statuses"].size()) + " levels)";
    return k;
}

}  // namespace rectrack
