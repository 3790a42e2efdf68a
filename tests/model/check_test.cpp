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

namespace {
CheckResult attempted(bool network_failure, CheckOutcome outcome = CheckOutcome::broken) {
    CheckResult r;
    r.result = outcome;
    r.attempts = 1;
    r.network_failure = network_failure;
    r.detail = "DNS failure";
    return r;
}
}  // namespace

TEST(Check, MostChecksFailingForNetworkReasonsIsAnOutage) {
    EXPECT_TRUE(looks_like_outage({attempted(true), attempted(true), attempted(false)}));
    EXPECT_FALSE(looks_like_outage({attempted(true), attempted(false), attempted(false)}));
    EXPECT_FALSE(looks_like_outage({attempted(false, CheckOutcome::ok)}));
    EXPECT_FALSE(looks_like_outage({}));
    CheckResult skipped;  // refused before any request: says nothing of the network
    EXPECT_TRUE(looks_like_outage({attempted(true), skipped, skipped}));
}

TEST(Check, InAnOutageNetworkFailuresAreSetAsideAndNotRecorded) {
    std::vector<CheckResult> results = {attempted(true), attempted(true),
                                        attempted(false, CheckOutcome::ok)};
    EXPECT_EQ(set_aside_network_failures(results), 2);
    EXPECT_EQ(results[0].result, CheckOutcome::skipped);
    EXPECT_NE(results[0].detail.find("network seems to be down"), std::string::npos);
    const auto recorded = results_to_record(results);
    ASSERT_EQ(recorded.size(), 1u);
    EXPECT_EQ(recorded[0].result, CheckOutcome::ok);
}
