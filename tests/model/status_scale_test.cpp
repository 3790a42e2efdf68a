#include "model/status_scale.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(StatusScale, DefaultScaleIsOrderedWithClosedStatesLast) {
    const auto s = StatusScale::default_scale();
    EXPECT_EQ(s.lowest(), "not_started");
    EXPECT_LT(s.rank("announced"), s.rank("proposed"));
    EXPECT_LT(s.rank("partial"), s.rank("implemented"));
    EXPECT_TRUE(s.find("rejected")->closed);
    EXPECT_FALSE(s.find("substantial")->closed);
    EXPECT_FALSE(s.rank("done"));
    EXPECT_NE(s.names().find("not_applicable"), std::string::npos);
}

TEST(StatusScale, RollupTakesTheLeastAdvancedOpenPart) {
    const auto s = StatusScale::default_scale();
    EXPECT_EQ(s.rollup({"partial", "announced", "implemented"}), "announced");
    EXPECT_EQ(s.rollup({"rejected", "partial"}), "partial");
    EXPECT_EQ(s.rollup({"rejected", "not_applicable"}), "not_applicable");
    EXPECT_EQ(s.rollup({}), "not_started");
}

TEST(StatusScale, ClosedStatesRankBelowProgress) {
    const auto s = StatusScale::default_scale();
    EXPECT_GT(s.progress("partial"), s.progress("announced"));
    EXPECT_LT(s.progress("rejected"), s.progress("not_started"));
}
