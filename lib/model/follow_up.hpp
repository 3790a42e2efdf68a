// Reading a recommendation's follow-up (model.hpp: FollowUp): where it
// stands on a day, and whether its target date holds anyone to account.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace rectrack {

std::string_view field_name(FollowUp::Field f);  // owner, target, response
std::optional<FollowUp::Field> parse_field(std::string_view name);

// From the entries of one recommendation, in the order of their dates:
// the latest of each kind dated on or before `day`.
FollowUpState follow_up_on(const std::vector<FollowUp>& entries, Date day);

// The day deadlines are judged on, and how near a target counts as due soon
// (`due_soon_days` in rectrack.toml).
struct DeadlineRule {
    Date today;
    int due_soon_days = 30;
};

// Overdue: the target has passed and the recommendation is not settled
// (implemented or closed). Due soon: it falls within `due_soon_days`.
Deadline deadline(const std::optional<Date>& target, bool settled, Date today, int due_soon_days);
std::string_view deadline_name(Deadline d);  // "", "on track", "due soon", "overdue"

// "accepted 2021-01-10", "partially accepted 2021-01-10 (cites E3): note".
std::string response_words(const FollowUp& response);

}  // namespace rectrack
