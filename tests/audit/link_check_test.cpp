#include "audit/link_check.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(LinkCheck, RefusesOtherSchemesWithoutARequest) {
    CheckPolicy p;
    p.min_interval_ms = 0;
    const auto r = check_links({{1, "ftp://example.org/file", "", "", "", ""}}, p);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].result, CheckOutcome::skipped);
    EXPECT_EQ(r[0].attempts, 0);
}

TEST(LinkCheck, RefusesLoopbackUnlessAllowed) {
    CheckPolicy p;
    const auto r = check_links({{1, "http://127.0.0.1:9/x", "", "", "", ""},
                                {2, "http://[::1]:9/x", "", "", "", ""},
                                {3, "http://localhost:9/x", "", "", "", ""}},
                               p);
    for (const auto& x : r) {
        EXPECT_EQ(x.result, CheckOutcome::skipped) << x.url;
        EXPECT_EQ(x.attempts, 0) << x.url;
    }
}
