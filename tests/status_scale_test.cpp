#include "status_scale.hpp"

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
