#include "ids/eli.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Eli, AcceptsUriAndEurLexForms) {
    for (const char* form :
         {"http://data.europa.eu/eli/reg/2024/1689/oj",
          "https://data.europa.eu/eli/reg/2024/1689/oj",
          "https://eur-lex.europa.eu/eli/reg/2024/1689/oj", "eli/reg/2024/1689/oj",
          "http://data.europa.eu/eli/reg/2024/1689/oj/eng"}) {
        auto e = parse_eli(form);
        ASSERT_TRUE(e) << form;
        EXPECT_EQ(e->str(), "http://data.europa.eu/eli/reg/2024/1689/oj");
    }
}

TEST(Eli, MapsToCelex) {
    EXPECT_EQ(parse_eli("http://data.europa.eu/eli/reg/2024/1689/oj")->celex(), "32024R1689");
    EXPECT_EQ(parse_eli("http://data.europa.eu/eli/dir/2022/2555/oj")->celex(), "32022L2555");
    EXPECT_EQ(parse_eli("http://data.europa.eu/eli/dec/2021/481/oj")->celex(), "32021D0481");
    EXPECT_EQ(parse_eli("http://data.europa.eu/eli/reg_impl/2021/478/oj")->celex(), "32021R0478");
    EXPECT_EQ(parse_eli("http://data.europa.eu/eli/reco/2023/2113/oj")->celex(), "32023H2113");
}

TEST(Eli, LinksToEurLex) {
    EXPECT_EQ(parse_eli("http://data.europa.eu/eli/dir/2022/2555/oj")->url(),
              "https://eur-lex.europa.eu/eli/dir/2022/2555/oj");
}

TEST(Eli, RejectsMalformedOrUnknownTypes) {
    for (const char* bad :
         {"", "http://example.org/eli/reg/2024/1689/oj", "http://data.europa.eu/eli/reg/24/1689/oj",
          "http://data.europa.eu/eli/foo/2024/1689/oj", "http://data.europa.eu/eli/reg/2024/1689"})
        EXPECT_FALSE(parse_eli(bad)) << bad;
}

TEST(Eli, WhatItPrintsParsesBackToItself) {
    for (const char* text : {"eli/reg/2024/1689/oj", "http://data.europa.eu/eli/dir/2022/02555/oj",
                             "https://eur-lex.europa.eu/eli/reg_impl/2021/478/oj/eng"}) {
        const auto first = parse_eli(text);
        ASSERT_TRUE(first) << text;
        const auto again = parse_eli(first->str());
        ASSERT_TRUE(again) << first->str();
        EXPECT_EQ(again->str(), first->str());
    }
}

TEST(Eli, YearsThatCouldNotPrintBackAreRefused) {
    for (const char* bad :
         {"http://data.europa.eu/eli/reg/0224/2847/oj", "http://data.europa.eu/eli/reg/1000/1/oj",
          "http://data.europa.eu/eli/reg/2024/0/oj"})
        EXPECT_FALSE(parse_eli(bad)) << bad;
}
