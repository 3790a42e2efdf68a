// End-to-end tests of narrowing `recs` and `report` by addressee and theme,
// and of a filtered report saying what it covers.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class FiltersCli : public CliTest {
  protected:
    void SetUp() override { ok({"init"}); }
    std::vector<std::string> keys(const nlohmann::json& rows) {
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(r["key"]);
        return out;
    }
};

}  // namespace

TEST_F(FiltersCli, RecsByThemeAndAddressee) {
    // The bundled data tags R2 and R4 with "standards".
    EXPECT_EQ(keys(nlohmann::json::parse(ok({"recs", "--theme", "Standards", "--format", "json"}))),
              (std::vector<std::string>{"R2", "R4"}));
    const auto both = keys(nlohmann::json::parse(
        ok({"recs", "--theme", "cybersecurity,artificial-intelligence", "--format", "json"})));
    EXPECT_EQ(both, (std::vector<std::string>{"R2", "R4"}));
    const auto addressed = keys(nlohmann::json::parse(
        ok({"recs", "--addressee", "member states", "--status", "partial", "--format", "json"})));
    EXPECT_EQ(addressed, (std::vector<std::string>{"R1", "R2", "R5", "R6", "R8", "R10"}));
    Result typo = rt({"recs", "--theme", "cyber"});
    EXPECT_EQ(typo.code, 2);
    EXPECT_EQ(typo.err,
              "rectrack: error: no recommendation has the theme 'cyber' (did you mean "
              "'cybersecurity'?)\n");
}

TEST_F(FiltersCli, AFilteredReportSaysWhatItCovers) {
    const auto j = nlohmann::json::parse(ok({"report", "--quarter", "2025-Q1", "--theme",
                                             "artificial intelligence", "--format", "json"}));
    EXPECT_EQ(keys(j["recommendations"]), (std::vector<std::string>{"R4"}));
    EXPECT_EQ(j["scope"], "theme artificial intelligence");
    EXPECT_EQ(j["summary"]["advanced_recs"], nlohmann::json::array({"R4"}));
    const std::string md = ok({"report", "--quarter", "2025-Q1", "--recs", "R1,R4"});
    EXPECT_NE(md.find("- **Scope:** R1, R4 and their parts\n"), std::string::npos) << md;
    EXPECT_NE(ok({"report", "--quarter", "2025-Q1"}).find("- **Scope:** all recommendations\n"),
              std::string::npos);
}
