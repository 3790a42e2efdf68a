#include "report/escape.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Escape, HtmlAndCsvEscapeWhatTheyMust) {
    EXPECT_EQ(html_escape("Sanction & \"protect\" <people>"),
              "Sanction &amp; &quot;protect&quot; &lt;people&gt;");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("plain"), "plain");
}

TEST(Escape, MarkdownTextCannotOpenMarkup) {
    EXPECT_EQ(markdown_escape("a|b *c* <d>\nnext"), "a\\|b \\*c\\* \\<d\\> next");
}

TEST(Escape, CsvCellsThatASpreadsheetWouldRunAreNeutralised) {
    EXPECT_EQ(csv_field("=HYPERLINK(\"http://evil.example\")"),
              "\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    EXPECT_EQ(csv_field("+1"), "'+1");
    EXPECT_EQ(csv_field("-2+3"), "'-2+3");
    EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_field("\t=1"), "'\t=1");
    EXPECT_EQ(csv_field("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(csv_field("a=b"), "a=b");  // only the first character matters
}

TEST(Escape, AMarkdownLinkDestinationCannotBeClosedFromInside) {
    EXPECT_EQ(markdown_url("https://evil.example/\"><script>alert(1)</script>"),
              "https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
    EXPECT_EQ(markdown_url("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689"),
              "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689");
    EXPECT_EQ(markdown_url("https://x.example/a b\n"), "https://x.example/a%20b%0A");
}

TEST(Escape, ACssStringCannotEndItsRuleOrTheStyleElement) {
    EXPECT_EQ(css_string("Status report 2026-Q3: Made in China"),
              "\"Status report 2026-Q3: Made in China\"");
    // A title from the database can hold a quote, a backslash or "</style>".
    EXPECT_EQ(css_string("a\"b\\c</style>"), "\"a\\22 b\\5c c\\3c /style\\3e \"");
    EXPECT_EQ(css_string("x\ny"), "\"x\\0a y\"");
    EXPECT_EQ(css_string("Übersicht"), "\"Übersicht\"");  // UTF-8 stays readable
}
