#include "time/quarter.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Quarter, ParsesAndFormats) {
    EXPECT_EQ(parse_quarter("2026-Q3"), (Quarter{2026, 3}));
    EXPECT_EQ(parse_quarter("2026-q1"), (Quarter{2026, 1}));
    EXPECT_EQ((Quarter{2026, 3}).str(), "2026-Q3");
    for (const char* bad : {"2026-Q5", "2026-Q0", "2026Q3", "26-Q3", "2026-3", ""})
        EXPECT_FALSE(parse_quarter(bad)) << bad;
}

TEST(Quarter, BoundsAreInclusiveCalendarQuarters) {
    EXPECT_EQ((Quarter{2026, 1}).first_day(), (Date{2026, 1, 1}));
    EXPECT_EQ((Quarter{2026, 1}).last_day(), (Date{2026, 3, 31}));
    EXPECT_EQ((Quarter{2024, 1}).last_day(), (Date{2024, 3, 31}));
    EXPECT_EQ((Quarter{2026, 2}).last_day(), (Date{2026, 6, 30}));
    EXPECT_EQ((Quarter{2026, 4}).last_day(), (Date{2026, 12, 31}));
}

TEST(Quarter, NeighboursCrossYears) {
    EXPECT_EQ((Quarter{2026, 1}).previous(), (Quarter{2025, 4}));
    EXPECT_EQ((Quarter{2025, 4}).next(), (Quarter{2026, 1}));
    EXPECT_EQ(quarter_of(Date{2026, 9, 30}), (Quarter{2026, 3}));
    EXPECT_EQ(quarter_of(Date{2026, 10, 1}), (Quarter{2026, 4}));
}

TEST(Quarter, LastCompleteQuarterIsTheOneBeforeToday) {
    EXPECT_EQ(last_complete_quarter(Date{2026, 11, 27}), (Quarter{2026, 3}));
    EXPECT_EQ(last_complete_quarter(Date{2026, 1, 1}), (Quarter{2025, 4}));
    EXPECT_EQ(last_complete_quarter(Date{2026, 3, 31}), (Quarter{2025, 4}));
}
