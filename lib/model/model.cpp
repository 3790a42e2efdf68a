#include "model/model.hpp"

#include <algorithm>

#include "model/text.hpp"

namespace rectrack {

std::string issued_text(const Report& r) {
    return r.issued_year_only ? std::to_string(r.issued.year) + "; only the year is known"
                              : r.issued.str();
}

std::string evidence_ref(EvidenceId id) {
    return "E" + std::to_string(id);
}

std::string evidence_ranges(std::vector<EvidenceId> ids) {
    std::sort(ids.begin(), ids.end());
    std::vector<std::string> parts;
    for (size_t i = 0; i < ids.size();) {
        size_t j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
        parts.push_back(j == i ? evidence_ref(ids[i])
                               : evidence_ref(ids[i]) + "-" + evidence_ref(ids[j]));
        i = j + 1;
    }
    return join(parts, ", ");
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
