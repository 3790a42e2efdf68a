#include "status_scale.hpp"

namespace rectrack {

const StatusLevel* StatusScale::find(std::string_view name) const {
    for (const auto& l : levels)
        if (l.name == name) return &l;
    return nullptr;
}

std::optional<int> StatusScale::rank(std::string_view name) const {
    for (size_t i = 0; i < levels.size(); ++i)
        if (levels[i].name == name) return static_cast<int>(i);
    return std::nullopt;
}

std::string StatusScale::names() const {
    std::string out;
    for (const auto& l : levels) out += (out.empty() ? "" : ", ") + l.name;
    return out;
}

StatusScale StatusScale::default_scale() {
    return StatusScale{{
        {"not_started", "Not started", false},
        {"announced", "Announced", false},
        {"proposed", "Proposed", false},
        {"partial", "Partially implemented", false},
        {"substantial", "Substantially implemented", false},
        {"implemented", "Implemented", false},
        {"not_applicable", "Not applicable", true},
        {"rejected", "Rejected", true},
    }};
}

}  // namespace rectrack
