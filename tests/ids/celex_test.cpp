#include "ids/celex.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Celex, ParsesRealNumbers) {
    auto ai = parse_celex("32024R1689");  // AI Act
    ASSERT_TRUE(ai);
    EXPECT_EQ(ai->sector, '3');
    EXPECT_EQ(ai->year, 2024);
    EXPECT_EQ(ai->descriptor, "R");
    EXPECT_EQ(ai->number, "1689");
    EXPECT_EQ(ai->str(), "32024R1689");
    EXPECT_EQ(parse_celex("52021PC0206")->descriptor, "PC");    // AI Act proposal
    EXPECT_EQ(parse_celex("32022L2555")->descriptor, "L");      // NIS 2 Directive
    EXPECT_EQ(parse_celex("32021D0481")->str(), "32021D0481");  // CFSP decision
    EXPECT_EQ(parse_celex("52020JC0018")->descriptor, "JC");
}

TEST(Celex, AcceptsFiveDigitNumbers) {
    auto c = parse_celex("32024H03510");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->number, "03510");
    EXPECT_EQ(c->str(), "32024H03510");
}

TEST(Celex, CorrigendaAndConsolidatedVersions) {
    auto corr = parse_celex("32016R0679R(02)");
    ASSERT_TRUE(corr);
    EXPECT_EQ(corr->corrigendum, "R(02)");
    EXPECT_EQ(corr->str(), "32016R0679R(02)");
    auto cons = parse_celex("02016R0679-20160504");
    ASSERT_TRUE(cons);
    EXPECT_EQ(cons->consolidated, (Date{2016, 5, 4}));
    EXPECT_EQ(cons->str(), "02016R0679-20160504");
}

TEST(Celex, NormalisesCaseBlanksAndPrefix) {
    EXPECT_EQ(parse_celex("  celex:32024r1689 ")->str(), "32024R1689");
}

TEST(Celex, RejectsMalformedNumbersWithAReason) {
    for (const char* bad :
         {"", "3202R1", "32024R168", "32024R168901", "X2024R1689", "32024R1689X", "02016R0679",
          "32016R0679-20160504", "02016R0679-20160230", "32024ABC1689", "31900R0001"}) {
        auto c = parse_celex(bad);
        EXPECT_FALSE(c) << bad;
        if (!c) {
            EXPECT_NE(c.error().find("malformed CELEX"), std::string::npos);
        }
    }
}

TEST(Celex, LinksToEurLex) {
    EXPECT_EQ(parse_celex("32024R1689")->url(),
              "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689");
}
