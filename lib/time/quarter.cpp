#include "time/quarter.hpp"

namespace rectrack {

std::string Quarter::str() const {
    return std::to_string(year) + "-Q" + std::to_string(number);
}

Date Quarter::first_day() const {
    return Date{year, 3 * number - 2, 1};
}

Date Quarter::last_day() const {
    return Date::from_days(next().first_day().days() - 1);
}

Quarter Quarter::previous() const {
    return number == 1 ? Quarter{year - 1, 4} : Quarter{year, number - 1};
}

Quarter Quarter::next() const {
    return number == 4 ? Quarter{year + 1, 1} : Quarter{year, number + 1};
}

std::optional<Quarter> parse_quarter(std::string_view s) {
    if (s.size() != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q')) return std::nullopt;
    int year = 0;
    for (int i = 0; i < 4; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        year = year * 10 + (s[i] - '0');
    }
    if (year < 1000 || s[6] < '1' || s[6] > '4') return std::nullopt;
    return Quarter{year, s[6] - '0'};
}

Quarter quarter_of(Date d) {
    return Quarter{d.year, (d.month - 1) / 3 + 1};
}

Quarter last_complete_quarter(Date today) {
    return quarter_of(today).previous();
}

}  // namespace rectrack
