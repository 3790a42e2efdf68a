#include "audit/link_check.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(LinkCheck, TheResultClassesAreTheDocumentedOnes) {
    EXPECT_EQ(result_classes().size(), 14u);
    for (const char* c : {"ok", "not_modified", "redirected_permanent", "redirected_temporary",
                          "changed", "soft_404", "broken", "gone", "server_error", "rate_limited",
                          "blocked", "timeout", "tls_error", "skipped"})
        EXPECT_NE(std::find(result_classes().begin(), result_classes().end(), c),
                  result_classes().end())
            << c;
}

TEST(LinkCheck, RefusesOtherSchemesWithoutARequest) {
    CheckPolicy p;
    p.min_interval_ms = 0;
    const auto r = check_links({{1, "ftp://example.org/file", "", "", "", ""}}, p);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].result, "skipped");
    EXPECT_EQ(r[0].attempts, 0);
}

TEST(LinkCheck, RefusesLoopbackUnlessAllowed) {
    CheckPolicy p;
    const auto r = check_links({{1, "http://127.0.0.1:9/x", "", "", "", ""},
                                {2, "http://[::1]:9/x", "", "", "", ""},
                                {3, "http://localhost:9/x", "", "", "", ""}},
                               p);
    for (const auto& x : r) {
        EXPECT_EQ(x.result, "skipped") << x.url;
        EXPECT_EQ(x.attempts, 0) << x.url;
    }
}
