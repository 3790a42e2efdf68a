#include "ids/procedure.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Procedure, ParsesAndPadsTheNumber) {
    EXPECT_EQ(parse_procedure("2021/0106(COD)")->str(), "2021/0106(COD)");
    EXPECT_EQ(parse_procedure("2021/106(cod)")->str(), "2021/0106(COD)");
    EXPECT_EQ(parse_procedure(" 2021/2037 (INI) ")->type, "INI");
    EXPECT_EQ(parse_procedure("2020/0305(NLE)")->year, 2020);
}

TEST(Procedure, LinksToTheLegislativeObservatory) {
    EXPECT_EQ(
        parse_procedure("2021/0106(COD)")->url(),
        "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=2021/0106(COD)");
}

TEST(Procedure, RejectsMalformedOrUnknownTypes) {
    for (const char* bad :
         {"", "2021/0106", "2021-0106(COD)", "21/0106(COD)", "2021/0106(XYZ)", "2021/12345(COD)"}) {
        auto p = parse_procedure(bad);
        EXPECT_FALSE(p) << bad;
        if (!p) {
            EXPECT_NE(p.error().find("malformed procedure reference"), std::string::npos);
        }
    }
}
