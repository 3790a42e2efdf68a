// End-to-end tests of `rectrack search` on the bundled data.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class SearchCli : public CliTest {
  protected:
    void SetUp() override { ok({"init"}); }
};

}  // namespace

TEST_F(SearchCli, FindsTheDsaByEveryNameAndRanksItsKeyFirst) {
    EXPECT_EQ(ok({"search", "DSA", "--limit", "1"}),
              "measure         dsa       key           [dsa]\n");
    for (const std::string form : {"32022R2065", "CELEX:32022R2065", "2022/2065"}) {
        const auto hits = nlohmann::json::parse(ok({"search", form, "--format", "json"}));
        ASSERT_FALSE(hits.empty()) << form;
        EXPECT_EQ(hits[0]["kind"], "measure") << form;
        EXPECT_EQ(hits[0]["key"], "dsa") << form;
        EXPECT_EQ(hits[0]["field"], "identifiers") << form;
    }
}

TEST_F(SearchCli, FindsTextsAndNotesWithSnippets) {
    EXPECT_EQ(ok({"search", "Uighurs"}),
              "recommendation  R1        title         Pressure and sanctions over the treatment "
              "of [Uighurs] in Xinjiang\n");
    ok({"note", "R10", "Asked DG RTD which Horizon Europe topics concern China"});
    const auto hits =
        nlohmann::json::parse(ok({"search", "which horizon europe topics", "--format", "json"}));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0]["kind"], "note");
    EXPECT_EQ(hits[0]["key"], "R10");
    EXPECT_EQ(hits[0]["event"], 277);
    EXPECT_EQ(hits[0]["snippet"], "Asked DG RTD [which Horizon Europe topics] concern China");
    EXPECT_EQ(ok({"search", "no such words anywhere"}), "nothing found\n");
    Result bad = rt({"search", "//"});
    EXPECT_EQ(bad.code, 2);
    EXPECT_EQ(bad.err,
              "rectrack: error: nothing to search for in '//': give words or identifiers\n");
}
