#include "model/check.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Check, EveryOutcomeHasOneRowInTheTableAndItsNameRoundTrips) {
    const auto& outcomes = check_outcomes();
    for (size_t i = 0; i < outcomes.size(); ++i) {
        EXPECT_EQ(static_cast<size_t>(outcomes[i].outcome), i) << outcomes[i].name;
        EXPECT_EQ(parse_check_outcome(outcomes[i].name), outcomes[i].outcome);
    }
    EXPECT_EQ(outcomes.back().outcome, CheckOutcome::skipped);  // the last enumerator
    EXPECT_FALSE(parse_check_outcome("not_found"));
}

TEST(Check, UnverifiableSourcesAreNeitherProblemsNorFailures) {
    for (auto o : {CheckOutcome::blocked, CheckOutcome::rate_limited, CheckOutcome::skipped}) {
        EXPECT_FALSE(info(o).problem) << name(o);
        EXPECT_FALSE(failed(o)) << name(o);
    }
}

TEST(Check, AChangedSourceIsAProblemButStillWorks) {
    EXPECT_TRUE(info(CheckOutcome::changed).problem);
    EXPECT_TRUE(info(CheckOutcome::changed).seen_working);
    EXPECT_FALSE(failed(CheckOutcome::changed));
    for (auto o : {CheckOutcome::broken, CheckOutcome::gone, CheckOutcome::soft_404,
                   CheckOutcome::timeout, CheckOutcome::tls_error, CheckOutcome::server_error})
        EXPECT_TRUE(failed(o)) << name(o);
}
