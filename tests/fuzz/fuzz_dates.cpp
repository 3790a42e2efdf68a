// Dates, instants and quarters: what parses prints in a form that parses to
// the same value, and a quarter's days belong to it.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "time/date.hpp"
#include "time/period.hpp"
#include "time/quarter.hpp"

using namespace rectrack;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    fuzz::check_round_trip("date", text, parse_date);
    fuzz::check_round_trip("instant", text, parse_instant);
    fuzz::check_round_trip("quarter", text, parse_quarter);
    if (const auto d = parse_date(text)) {
        if (Date::from_days(d->days()).str() != d->str())
            fuzz::fail("date -> days -> date differs: " + text);
        const Quarter q = quarter_of(*d);
        if (d->days() < q.first_day().days() || d->days() > q.last_day().days())
            fuzz::fail("a date falls outside its quarter: " + text);
    }
    if (const auto q = parse_quarter(text)) {
        if (q->next().previous() != *q) fuzz::fail("next().previous() differs: " + text);
    }
    // A period from two dates: refused cleanly or ordered.
    const auto space = text.find(' ');
    if (space != std::string::npos) {
        try {
            const Period p = resolve_period("", text.substr(0, space), text.substr(space + 1),
                                            *parse_date("2026-11-27"));
            if (p.end.days() < p.start.days())
                fuzz::fail("an inverted period was accepted: " + text);
        } catch (const InputError&) {
        }
    }
    return 0;
}
