#include "time/period.hpp"

#include <gtest/gtest.h>

#include "model/error.hpp"

using namespace rectrack;

TEST(Period, DefaultsToTheLastCompleteQuarter) {
    const Period p = resolve_period("", "", "", Date{2026, 11, 27});
    EXPECT_EQ(p.label(), "2026-Q3");
    EXPECT_EQ(p.start, (Date{2026, 7, 1}));
    EXPECT_EQ(p.end, (Date{2026, 9, 30}));
}

TEST(Period, DatesThatMakeAQuarterAreOne) {
    EXPECT_EQ(resolve_period("", "2026-04-01", "2026-06-30", Date{2026, 11, 27}).label(),
              "2026-Q2");
    EXPECT_EQ(resolve_period("", "2026-04-02", "2026-06-30", Date{2026, 11, 27}).label(),
              "2026-04-02 to 2026-06-30");
}

TEST(Period, RejectsBadPeriods) {
    const Date today{2026, 11, 27};
    EXPECT_THROW(resolve_period("2026-Q5", "", "", today), InputError);
    EXPECT_THROW(resolve_period("2026-Q1", "2026-01-01", "", today), InputError);
    EXPECT_THROW(resolve_period("", "2026-01-01", "", today), InputError);
    EXPECT_THROW(resolve_period("", "2026-03-01", "2026-02-01", today), InputError);
    EXPECT_THROW(resolve_period("", "2026-02-30", "2026-03-01", today), InputError);
}
