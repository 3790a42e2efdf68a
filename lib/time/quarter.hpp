// Calendar quarters, the period of a status report: "2026-Q3" is 1 July to
// 30 September 2026, both days included.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "time/date.hpp"

namespace rectrack {

struct Quarter {
    int year = 1970;
    int number = 1;  // 1..4

    auto operator<=>(const Quarter&) const = default;
    std::string str() const;  // 2026-Q3
    Date first_day() const;
    Date last_day() const;
    Quarter previous() const;
    Quarter next() const;
};

std::optional<Quarter> parse_quarter(std::string_view text);  // 2026-Q3, case-insensitive
Quarter quarter_of(Date d);
// The latest quarter whose last day is before today.
Quarter last_complete_quarter(Date today);

}  // namespace rectrack
