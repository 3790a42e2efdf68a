#include "url.hpp"

#include <gtest/gtest.h>

#include "error.hpp"

using namespace rectrack;

TEST(Url, AcceptsHttpAndHttpsAndLowersSchemeAndHost) {
    EXPECT_EQ(require_web_url(" HTTPS://EUR-Lex.europa.eu/eli/reg/2024/1689/oj ", "URL"),
              "https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
    EXPECT_EQ(require_web_url("http://example.org/A?b=C", "URL"), "http://example.org/A?b=C");
}

TEST(Url, RejectsOtherSchemesAndBrokenUrls) {
    for (const char* bad : {"file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x",
                            "example.org/x", "https://", "https://user:pw@example.org/",
                            "https://example.org/a b"})
        EXPECT_THROW(require_web_url(bad, "evidence URL"), InputError) << bad;
}
