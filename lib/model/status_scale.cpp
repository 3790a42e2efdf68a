#include "model/status_scale.hpp"

#include "model/error.hpp"
#include "model/suggest.hpp"

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

std::string StatusScale::label_of(std::string_view name) const {
    const auto* level = find(name);
    return level ? level->label : std::string(name);
}

std::string StatusScale::names() const {
    std::string out;
    for (const auto& l : levels) out += (out.empty() ? "" : ", ") + l.name;
    return out;
}

std::string StatusScale::require(std::string_view name) const {
    std::vector<std::string> known;
    for (const auto& l : levels) {
        if (same_word(l.name, name)) return l.name;
        known.push_back(l.name);
    }
    throw InputError("unknown status '" + std::string(name) + "'" + did_you_mean(name, known) +
                     " (expected one of: " + names() + ")");
}

std::string StatusScale::rollup(const std::vector<std::string>& part_statuses) const {
    const std::string* pick = nullptr;
    auto closed = [&](const std::string& s) {
        const auto* level = find(s);
        return level && level->closed;
    };
    for (const auto& s : part_statuses) {
        if (!pick || (closed(*pick) && !closed(s)) ||
            (closed(s) == closed(*pick) && rank(s) < rank(*pick)))
            pick = &s;
    }
    return pick ? *pick : lowest();
}

int StatusScale::progress(std::string_view name) const {
    const auto* level = find(name);
    if (!level || level->closed) return -1;
    return *rank(name);
}

bool StatusScale::settled(std::string_view name) const {
    const auto* level = find(name);
    if (!level) return false;
    if (level->closed) return true;
    for (auto it = levels.rbegin(); it != levels.rend(); ++it)
        if (!it->closed) return it->name == name;
    return false;
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
