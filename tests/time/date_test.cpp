#include "time/date.hpp"

#include <gtest/gtest.h>

#include "model/error.hpp"

using namespace rectrack;

TEST(Date, ParsesRealDays) {
    EXPECT_EQ(parse_date("2024-06-13"), (Date{2024, 6, 13}));
    EXPECT_EQ(parse_date("2024-02-29"), (Date{2024, 2, 29}));  // leap year
    EXPECT_EQ(parse_date("2000-02-29"), (Date{2000, 2, 29}));  // divisible by 400
}

TEST(Date, RejectsImpossibleAndMalformedDays) {
    for (const char* bad : {"2026-02-30", "2025-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
                            "2024-04-31", "2024-6-13", "24-06-13", "2024/06/13", "", "2024-06-13x"})
        EXPECT_FALSE(parse_date(bad)) << bad;
}

TEST(Date, RequireDateNamesTheOptionAndValue) {
    try {
        require_date("2026-02-30", "--date");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("'2026-02-30'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("--date"), std::string::npos);
    }
}

TEST(Date, DaysRoundTripAndOrder) {
    EXPECT_EQ((Date{1970, 1, 1}).days(), 0);
    EXPECT_EQ((Date{2024, 3, 1}).days() - (Date{2024, 2, 28}).days(), 2);
    for (std::int64_t d = -800; d < 40000; d += 37) EXPECT_EQ(Date::from_days(d).days(), d);
    EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
}

TEST(Instant, ParsesZonesAndBareDates) {
    EXPECT_EQ(parse_instant("2026-10-05T12:00:00Z")->str(), "2026-10-05T12:00:00Z");
    EXPECT_EQ(parse_instant("2026-10-05T14:00+02:00")->str(), "2026-10-05T12:00:00Z");
    EXPECT_EQ(parse_instant("2026-10-05")->str(), "2026-10-05T23:59:59Z");  // end of that day
    EXPECT_FALSE(parse_instant("2026-10-05T12:00:00"));                     // no zone: ambiguous
    EXPECT_FALSE(parse_instant("2026-10-05T25:00:00Z"));
    EXPECT_EQ(parse_instant("2026-12-31T23:59:59Z")->date(), (Date{2026, 12, 31}));
}
