#include "time/period.hpp"

#include "model/error.hpp"

namespace rectrack {

std::string Period::label() const {
    return quarter ? quarter->str() : start.str() + " to " + end.str();
}

Period resolve_period(const std::string& quarter, const std::string& from, const std::string& to,
                      Date today) {
    if (!quarter.empty() && (!from.empty() || !to.empty()))
        throw InputError("give either --quarter or --from/--to, not both");
    if (!quarter.empty()) {
        const auto q = parse_quarter(quarter);
        if (!q) throw InputError("invalid quarter '" + quarter + "': expected e.g. 2026-Q3");
        return Period{q->first_day(), q->last_day(), q};
    }
    if (from.empty() != to.empty()) throw InputError("--from and --to go together");
    if (!from.empty()) {
        const Date start = require_date(from, "--from"), end = require_date(to, "--to");
        if (end < start)
            throw InputError("the period ends (" + to + ") before it starts (" + from + ")");
        const Quarter q = quarter_of(start);
        if (q.first_day() == start && q.last_day() == end) return Period{start, end, q};
        return Period{start, end, std::nullopt};
    }
    const Quarter q = last_complete_quarter(today);
    return Period{q.first_day(), q.last_day(), q};
}

}  // namespace rectrack
