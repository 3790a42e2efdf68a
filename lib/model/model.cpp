#include "model/model.hpp"

namespace rectrack {

std::string evidence_ref(EvidenceId id) {
    return "E" + std::to_string(id);
}

std::optional<EvidenceId> parse_evidence_ref(const std::string& text) {
    std::string_view s = text;
    if (!s.empty() && (s[0] == 'E' || s[0] == 'e')) s.remove_prefix(1);
    if (s.empty() || s.size() > 15) return std::nullopt;
    EvidenceId id = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        id = id * 10 + (c - '0');
    }
    return id > 0 ? std::optional(id) : std::nullopt;
}

}  // namespace rectrack
