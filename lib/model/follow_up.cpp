#include "model/follow_up.hpp"

#include <algorithm>

namespace rectrack {

std::string_view field_name(FollowUp::Field f) {
    switch (f) {
        case FollowUp::Field::owner:
            return "owner";
        case FollowUp::Field::target:
            return "target";
        case FollowUp::Field::response:
            return "response";
    }
    return "owner";
}

std::optional<FollowUp::Field> parse_field(std::string_view name) {
    for (auto f : {FollowUp::Field::owner, FollowUp::Field::target, FollowUp::Field::response})
        if (field_name(f) == name) return f;
    return std::nullopt;
}

FollowUpState follow_up_on(const std::vector<FollowUp>& entries, Date day) {
    FollowUpState s;
    for (const auto& e : entries) {
        if (e.date > day) continue;
        switch (e.field) {
            case FollowUp::Field::owner:
                s.owner = e.value;
                break;
            case FollowUp::Field::target:
                s.target = e.value.empty() ? std::nullopt : parse_date(e.value);
                break;
            case FollowUp::Field::response:
                s.response = e;
                break;
        }
    }
    return s;
}

Deadline deadline(const std::optional<Date>& target, bool settled, Date today, int due_soon_days) {
    if (!target || settled) return Deadline::none;
    if (*target < today) return Deadline::overdue;
    if (target->days() - today.days() <= due_soon_days) return Deadline::due_soon;
    return Deadline::on_track;
}

std::string_view deadline_name(Deadline d) {
    switch (d) {
        case Deadline::none:
            return "";
        case Deadline::on_track:
            return "on track";
        case Deadline::due_soon:
            return "due soon";
        case Deadline::overdue:
            return "overdue";
    }
    return "";
}

std::string response_words(const FollowUp& r) {
    std::string words = r.value;
    std::replace(words.begin(), words.end(), '_', ' ');
    words += " " + r.date.str();
    if (!r.evidence.empty()) words += " (cites " + evidence_ranges(r.evidence) + ")";
    if (!r.note.empty()) words += ": " + r.note;
    return words;
}

}  // namespace rectrack
