#include "time/date.hpp"

#include <chrono>
#include <cstdio>

#include "model/error.hpp"

namespace rectrack {
namespace {

namespace chr = std::chrono;

chr::year_month_day civil(const Date& d) {
    return chr::year{d.year} / chr::month{static_cast<unsigned>(d.month)} /
           chr::day{static_cast<unsigned>(d.day)};
}

// The day an instant falls on, counting days since 1970-01-01 (floored, so
// an instant before the epoch falls on the day before).
std::int64_t day_of(std::int64_t seconds) {
    return chr::floor<chr::days>(chr::sys_seconds{chr::seconds{seconds}})
        .time_since_epoch()
        .count();
}

// Reads exactly n digits at pos; nullopt if any is not a digit.
std::optional<int> digits(std::string_view s, size_t pos, size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

}  // namespace

std::string Date::str() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::int64_t Date::days() const {
    return chr::sys_days{civil(*this)}.time_since_epoch().count();
}

Date Date::from_days(std::int64_t z) {
    const chr::year_month_day ymd{chr::sys_days{chr::days{z}}};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    if (!y || !m || !d || *y < 1000) return std::nullopt;
    const Date date{*y, *m, *d};
    if (!civil(date).ok()) return std::nullopt;  // 2026-02-30, month 13
    return date;
}

Date require_date(std::string_view text, std::string_view what) {
    if (auto d = parse_date(text)) return *d;
    throw InputError("invalid date '" + std::string(text) + "' for " + std::string(what) +
                     ": expected a real day from 1000-01-01 to 9999-12-31 as YYYY-MM-DD");
}

std::string Instant::str() const {
    const std::int64_t day = day_of(seconds);
    const std::int64_t rest = seconds - day * 86400;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", Date::from_days(day).str().c_str(),
                  static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
    return buf;
}

Date Instant::date() const {
    return Date::from_days(day_of(seconds));
}

Instant Instant::start_of(Date d) {
    return Instant{d.days() * 86400};
}
Instant Instant::end_of(Date d) {
    return Instant{d.days() * 86400 + 86399};
}

std::optional<Instant> parse_instant(std::string_view s) {
    if (s.size() == 10) {
        if (auto d = parse_date(s)) return Instant::end_of(*d);
        return std::nullopt;
    }
    if (s.size() < 17 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
    auto d = parse_date(s.substr(0, 10));
    auto hh = digits(s, 11, 2), mm = digits(s, 14, 2);
    if (!d || !hh || !mm || s[13] != ':' || *hh > 23 || *mm > 59) return std::nullopt;
    size_t pos = 16;
    int ss = 0;
    if (pos < s.size() && s[pos] == ':') {
        auto v = digits(s, pos + 1, 2);
        if (!v || *v > 59) return std::nullopt;
        ss = *v;
        pos += 3;
    }
    std::int64_t offset = 0;
    std::string_view zone = s.substr(pos);
    if (zone == "Z") {
        offset = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        auto oh = digits(zone, 1, 2), om = digits(zone, 4, 2);
        if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
        offset = (*oh * 3600 + *om * 60) * (zone[0] == '+' ? 1 : -1);
    } else {
        return std::nullopt;  // a local time without a zone would be ambiguous
    }
    return Instant{d->days() * 86400 + *hh * 3600 + *mm * 60 + ss - offset};
}

Instant require_instant(std::string_view text, std::string_view what) {
    if (auto i = parse_instant(text)) return *i;
    throw InputError("invalid instant '" + std::string(text) + "' for " + std::string(what) +
                     ": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
}

Instant system_now() {
    using namespace std::chrono;
    return Instant{duration_cast<seconds>(system_clock::now().time_since_epoch()).count()};
}

}  // namespace rectrack
