// Calendar dates (effective dates: when something happened in the world) and
// UTC instants (recorded-at: when it was logged).
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rectrack {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    auto operator<=>(const Date&) const = default;
    std::string str() const;    // YYYY-MM-DD
    std::int64_t days() const;  // days since 1970-01-01
    static Date from_days(std::int64_t days);
};

// Strict YYYY-MM-DD that names a real day; 2026-02-30 is nullopt.
std::optional<Date> parse_date(std::string_view text);

// parse_date for user input: throws InputError naming the option and the value.
Date require_date(std::string_view text, std::string_view what);

struct Instant {
    std::int64_t seconds = 0;  // since the Unix epoch, UTC

    auto operator<=>(const Instant&) const = default;
    std::string str() const;  // YYYY-MM-DDTHH:MM:SSZ, sorts as text
    Date date() const;
    static Instant start_of(Date d);
    static Instant end_of(Date d);  // 23:59:59 of that day
};

// Accepts YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM) and, for convenience, a bare
// date, which means the end of that day ("as it stood on 5 October").
std::optional<Instant> parse_instant(std::string_view text);
Instant require_instant(std::string_view text, std::string_view what);

Instant system_now();

}  // namespace rectrack
