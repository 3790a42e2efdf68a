#include "audit/web_page.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(WebPage, NormalisedTextIgnoresMarkupScriptsAndSpacing) {
    const std::string a =
        "<html><head><style>p{color:red}</style></head><body class=\"x1\">"
        "<p>The   Regulation</p><script>var t=1;</script></body></html>";
    const std::string b =
        "<html><body class=\"x2\"><div><p>The Regulation</p></div><!-- build 7 --></body></html>";
    EXPECT_EQ(normalised_text(a, "text/html"), "the regulation");
    EXPECT_EQ(normalised_text(a, "text/html"), normalised_text(b, "text/html; charset=utf-8"));
    EXPECT_NE(normalised_text("<p>The Directive</p>", "text/html"),
              normalised_text(a, "text/html"));
}

TEST(WebPage, BinaryContentIsItsOwnText) {
    const std::string pdf = "%PDF-1.4 <not a tag>";
    EXPECT_EQ(normalised_text(pdf, "application/pdf"), pdf);
}

TEST(WebPage, NotFoundPagesServedWithOk) {
    EXPECT_TRUE(says_not_found("<html><title>Page not found | EUR-Lex</title></html>"));
    EXPECT_TRUE(says_not_found("<h1>Error 404</h1>"));
    EXPECT_FALSE(
        says_not_found("<title>Regulation (EU) 2024/1689</title><p>not found in annex</p>"));
}

TEST(WebPage, BotChallenges) {
    EXPECT_TRUE(bot_challenge("<p>Please complete the CAPTCHA</p>"));
    EXPECT_TRUE(bot_challenge("<title>Just a moment...</title>"));
    EXPECT_FALSE(bot_challenge("<p>Forbidden</p>"));
}

TEST(WebPage, HomePages) {
    for (const char* home :
         {"https://example.org", "https://example.org/", "https://example.org/en",
          "https://example.org/index.html", "https://example.org/?lang=fr"})
        EXPECT_TRUE(is_home_page(home)) << home;
    EXPECT_FALSE(is_home_page("https://example.org/eli/reg/2024/1689/oj"));
}
