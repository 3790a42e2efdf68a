#include "model/event.hpp"

#include <array>
#include <cstddef>

#include "model/sha256.hpp"

namespace rectrack {

const std::vector<EventKindInfo>& event_kinds() {
    using enum EventKind;
    // A table: one row per kind, in the enum's order.
    static const std::vector<EventKindInfo> table = {
        {scale_set, "scale_set", false, true},
        {report_added, "report_added", false, true},
        {recommendation_added, "recommendation_added", false, false},
        {status_changed, "status_changed", true, true},
        {measure_added, "measure_added", true, true},
        {stage_reached, "stage_reached", true, true},
        {measure_linked, "measure_linked", true, true},
        {measure_unlinked, "measure_unlinked", true, true},
        {evidence_added, "evidence_added", true, true},
        {evidence_attached, "evidence_attached", true, true},
        {note_added, "note_added", true, true},
        {correction, "correction", false, false},
        {evidence_captured, "evidence_captured", true, true},
        {audit_recorded, "audit_recorded", false, true},
        {evidence_archived, "evidence_archived", true, true},
        // Fixing how something is recorded is not something done about it.
        {amended, "amended", true, false},
        {tags_changed, "tags_changed", true, true},
        {owner_set, "owner_set", true, true},
        {target_set, "target_set", true, true},
        {response_recorded, "response_recorded", true, true},
    };
    return table;
}

const EventKindInfo& info(EventKind k) {
    return event_kinds().at(static_cast<std::size_t>(k));
}

std::string_view name(EventKind k) {
    return info(k).name;
}

std::optional<EventKind> parse_event_kind(std::string_view name) {
    for (const auto& i : event_kinds())
        if (i.name == name) return i.kind;
    return std::nullopt;
}

std::string canonical_bytes(const Event& e) {
    // nlohmann::json keeps object keys sorted, which makes dump() canonical.
    nlohmann::json j = {
        {"id", e.id},           {"kind", name(e.kind)},           {"subjects", e.subjects},
        {"payload", e.payload}, {"effective", e.effective.str()}, {"recorded_at", e.recorded_at},
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

// "R4", "measure ai-act", "E4": a subject as staff name it.
std::string subject_label(const std::string& subject) {
    if (subject.starts_with("rec:") || subject.starts_with("evidence:"))
        return subject.substr(subject.find(':') + 1);
    if (subject.starts_with("measure:")) return "measure " + subject.substr(8);
    return subject;
}

// "theme + cyber, - trade; addressee + Council": what a tags_changed gave and took.
std::string tag_words(const nlohmann::json& p) {
    std::string out;
    for (const char* tag : {"themes", "addressees"}) {
        std::string words;
        for (const auto& [how, sign] : {std::pair{"added", "+ "}, std::pair{"removed", "- "}})
            for (const auto& v :
                 p.value(how, nlohmann::json::object()).value(tag, nlohmann::json::array()))
                words += (words.empty() ? "" : ", ") + std::string(sign) + v.get<std::string>();
        if (words.empty()) continue;
        out += (out.empty() ? "" : "; ") +
               std::string(tag == std::string("themes") ? "theme " : "addressee ") + words;
    }
    return out;
}
// "R2 followed by A. Rossi", "R2 target 2027-06-30 (was 2026-12-15): reason",
// "R1 response: noted (cites E3): note".
std::string follow_up_words(EventKind kind, const nlohmann::json& p) {
    if (kind == EventKind::owner_set)
        return str(p, "rec") + " followed by " +
               (str(p, "owner").empty() ? "no one" : str(p, "owner"));
    std::string s;
    if (kind == EventKind::target_set) {
        s = str(p, "rec") + " target " + (str(p, "target").empty() ? "cleared" : str(p, "target"));
        if (!str(p, "previous").empty()) s += " (was " + str(p, "previous") + ")";
        return str(p, "reason").empty() ? s : s + ": " + str(p, "reason");
    }
    s = str(p, "rec") + " response: " + str(p, "response");
    std::vector<EvidenceId> ids;
    for (const auto& id : p.value("evidence", nlohmann::json::array()))
        ids.push_back(id.get<EvidenceId>());
    if (!ids.empty()) s += " (cites " + evidence_ranges(ids) + ")";
    return str(p, "note").empty() ? s : s + ": " + str(p, "note");
}
}  // namespace

std::string describe(const Event& e) {
    const auto& p = e.payload;
    switch (e.kind) {
        case EventKind::status_changed: {
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
        case EventKind::measure_added:
        case EventKind::recommendation_added:
        case EventKind::report_added:
            return str(p, "key") + " added: " + str(p, "title");
        case EventKind::stage_reached:
            return str(p, "measure") + " " + str(p, "stage") +
                   (str(p, "label").empty() ? "" : " (" + str(p, "label") + ")");
        case EventKind::measure_linked: {
            std::string s = str(p, "rec") + " " + str(p, "relation") + " by " + str(p, "measure");
            return str(p, "note").empty() ? s : s + ": " + str(p, "note");
        }
        case EventKind::measure_unlinked:
            return str(p, "rec") + " unlinked from " + str(p, "measure") + ": " + str(p, "reason");
        case EventKind::evidence_added:
            return evidence_ref(p.value("id", EvidenceId{0})) + " " + str(p, "url");
        case EventKind::evidence_attached:
            return evidence_ref(p.value("evidence", EvidenceId{0})) + " attached to " +
                   str(p, "to");
        case EventKind::note_added:
            return "note on " + subject_label(str(p, "subject")) + ": " + str(p, "text");
        case EventKind::correction:
            return "retracts #" + std::to_string(p.value("retracts", EventId{0})) + ": " +
                   str(p, "reason");
        case EventKind::evidence_captured:
            return evidence_ref(p.value("evidence", EvidenceId{0})) + " captured: HTTP " +
                   std::to_string(p.value("http_status", 0)) + ", sha256 " +
                   str(p, "sha256").substr(0, 12);
        case EventKind::evidence_archived:
            return evidence_ref(p.value("evidence", EvidenceId{0})) +
                   " archived: " + std::to_string(p.value("size", std::int64_t{0})) + " bytes" +
                   (str(p, "content_type").empty() ? "" : " of " + str(p, "content_type")) +
                   ", sha256 " + str(p, "sha256").substr(0, 12);
        case EventKind::amended: {
            std::vector<std::string> changes;
            const auto previous = p.value("previous", nlohmann::json::object());
            const auto fields = p.value("fields", nlohmann::json::object());
            for (const auto& [field, value] : fields.items()) {
                const std::string was = str(previous, field.c_str());
                const std::string now = value.is_string() ? value.get<std::string>() : value.dump();
                changes.push_back(field + " \"" + now + "\"" +
                                  (was.empty() ? "" : " (was \"" + was + "\")"));
            }
            std::string text = "amended " + subject_label(str(p, "subject")) + ": ";
            for (std::size_t i = 0; i < changes.size(); ++i) text += (i ? "; " : "") + changes[i];
            return text;
        }
        case EventKind::owner_set:
        case EventKind::target_set:
        case EventKind::response_recorded:
            return follow_up_words(e.kind, p);
        case EventKind::tags_changed:
            return subject_label(str(p, "subject")) + ": " + tag_words(p);
        case EventKind::audit_recorded:
            return "audit: " + std::to_string(p.value("results", nlohmann::json::array()).size()) +
                   " URLs checked, " + std::to_string(p.value("findings", 0)) + " offline findings";
        case EventKind::scale_set:
            return "status scale set (" +
                   std::to_string(p.value("statuses", nlohmann::json::array()).size()) + " levels)";
    }
    return std::string(name(e.kind));
}

}  // namespace rectrack
