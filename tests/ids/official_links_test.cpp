#include "ids/official_links.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Measure, PrefersCelexThenEliThenComForTheEurLexLink) {
    Measure m;
    m.com_ref = "COM(2021) 206 final";
    EXPECT_EQ(official_links(m).eur_lex,
              "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2021:206:FIN");
    m.eli = "http://data.europa.eu/eli/reg/2024/1689/oj";
    EXPECT_EQ(official_links(m).eur_lex, "https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
    m.celex = "32024R1689";
    EXPECT_EQ(official_links(m).eur_lex,
              "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689");
    EXPECT_TRUE(official_links(m).observatory.empty());
    m.procedure = "2021/0106(COD)";
    EXPECT_NE(official_links(m).observatory.find("2021/0106(COD)"), std::string::npos);
}
