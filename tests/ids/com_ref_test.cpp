#include "ids/com_ref.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(ComRef, NormalisesTheUsualForms) {
    EXPECT_EQ(parse_com_ref("COM(2021) 206 final")->str(), "COM(2021) 206 final");
    EXPECT_EQ(parse_com_ref("com(2021)206")->str(), "COM(2021) 206 final");
    EXPECT_EQ(parse_com_ref("COM/2021/206 final")->str(), "COM(2021) 206 final");
    EXPECT_EQ(parse_com_ref("COM(2021) 118 final/2")->str(), "COM(2021) 118 final/2");
    EXPECT_EQ(parse_com_ref("JOIN(2020) 18 final")->series, "JOIN");
    EXPECT_EQ(parse_com_ref("SWD(2021) 84 final")->number, 84);
    EXPECT_EQ(parse_com_ref("C(2023) 6102 final")->series, "C");
}

TEST(ComRef, MapsToCelexCandidates) {
    EXPECT_EQ(parse_com_ref("COM(2021) 206 final")->celex_candidates(),
              (std::vector<std::string>{"52021PC0206", "52021DC0206"}));
    EXPECT_EQ(parse_com_ref("JOIN(2020) 18 final")->celex_candidates(),
              (std::vector<std::string>{"52020JC0018"}));
    EXPECT_EQ(parse_com_ref("SWD(2021) 84 final")->celex_candidates(),
              (std::vector<std::string>{"52021SC0084"}));
    EXPECT_TRUE(parse_com_ref("C(2023) 6102 final")->celex_candidates().empty());
}

TEST(ComRef, LinksToEurLex) {
    EXPECT_EQ(parse_com_ref("COM(2020) 65 final")->url(),
              "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2020:65:FIN");
    EXPECT_FALSE(parse_com_ref("C(2023) 6102 final")->url());
}

TEST(ComRef, RejectsMalformedReferences) {
    for (const char* bad : {"", "COM 2021 206", "COM(21) 206", "XYZ(2021) 206", "COM(2021)",
                            "COM(2021) 0", "COM(1900) 5 final"}) {
        auto r = parse_com_ref(bad);
        EXPECT_FALSE(r) << bad;
        if (!r) {
            EXPECT_NE(r.error().find("malformed Commission document reference"), std::string::npos);
        }
    }
}
