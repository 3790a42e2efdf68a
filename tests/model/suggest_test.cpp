#include "model/suggest.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Suggest, HyphensUnderscoresAndCaseAreOneWord) {
    EXPECT_TRUE(same_word("partly-advances", "partly_advances"));
    EXPECT_TRUE(same_word("In_Force", "in_force"));
    EXPECT_FALSE(same_word("partly", "partly_advances"));
}

TEST(Suggest, ATypoSuggestsTheWordMeant) {
    const std::vector<std::string> commands = {"status", "show", "recs", "report", "note"};
    EXPECT_EQ(closest("staus", commands), "status");
    EXPECT_EQ(closest("sttaus", commands), "status");  // two letters swapped
    EXPECT_EQ(closest("reprot", commands), "report");
    EXPECT_EQ(did_you_mean("shwo", commands), " (did you mean 'show'?)");
    const std::vector<std::string> keys = {"R1", "R2", "R4", "R4.a", "R10", "R11"};
    EXPECT_EQ(closest("r44", keys), "R4");
    const std::vector<std::string> statuses = {"not_started", "partial", "substantial"};
    EXPECT_EQ(closest("subst", statuses), "substantial");  // a unique beginning
}

TEST(Suggest, NothingCloseSuggestsNothing) {
    const std::vector<std::string> commands = {"status", "show", "recs", "report"};
    EXPECT_EQ(closest("frobnicate", commands), std::nullopt);
    EXPECT_EQ(did_you_mean("zz", commands), "");
    EXPECT_EQ(closest("re", commands), std::nullopt);  // too short to be a beginning
    EXPECT_EQ(closest("", commands), std::nullopt);
}
