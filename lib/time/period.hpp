// The span a status report covers: a calendar quarter or any two dates,
// both days included.
#pragma once
#include <optional>
#include <string>

#include "time/quarter.hpp"

namespace rectrack {

struct Period {
    Date start;
    Date end;
    std::optional<Quarter> quarter;  // set when the period is exactly a quarter

    std::string label() const;  // "2026-Q3" or "2026-07-01 to 2026-09-30"
};

// From --quarter, or --from and --to, or else the last complete quarter
// before `today`. Throws InputError for a malformed or inverted period, or
// one that mixes a quarter with dates.
Period resolve_period(const std::string& quarter, const std::string& from, const std::string& to,
                      Date today);

}  // namespace rectrack
