// End-to-end tests of forgiving input: keys in any case, vocabulary with
// hyphens or underscores, lists with commas, and "did you mean" for typos.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class ForgivingCli : public CliTest {
  protected:
    void SetUp() override { ok({"init"}); }
    // The one error line of a refused command, which must exit 2.
    std::string refused(const std::vector<std::string>& args) {
        Result r = rt(args);
        EXPECT_EQ(r.code, 2) << r.out << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        return r.err;
    }
};

}  // namespace

TEST_F(ForgivingCli, RecommendationKeysAreCaseInsensitive) {
    EXPECT_TRUE(ok({"show", "r4"}).starts_with("R4  Binding European rules"));
    const std::string out =
        ok({"status", "r2", "Substantial", "--date", "2025-01-01", "--evidence", "E5"});
    EXPECT_NE(out.find("R2 -> substantial"), std::string::npos) << out;  // stored as recorded
    EXPECT_NE(ok({"log", "r2"}).find("R2 -> substantial"), std::string::npos);
    EXPECT_NE(ok({"note", "r10", "checked"}).find("note on R10"), std::string::npos);
    EXPECT_NE(ok({"report", "--quarter", "2025-Q1", "--recs", "r4", "--format", "csv"})
                  .find("\n2025-01-01,2025-03-31,R4,"),
              std::string::npos);
    EXPECT_NE(refused({"rec", "add", "r4", "--title", "again"}).find("'R4' already exists"),
              std::string::npos);
    EXPECT_NE(refused({"measure", "add", "AI-Act", "--title", "again", "--type", "regulation"})
                  .find("measure 'ai-act' already exists"),
              std::string::npos);
}

TEST_F(ForgivingCli, VocabularyTakesHyphensOrUnderscores) {
    const std::string linked = ok({"link", "R2", "ai-act", "--relation", "partly-advances"});
    EXPECT_NE(linked.find("R2 partly_advances by ai-act"), std::string::npos) << linked;
    const std::string stage =
        ok({"measure", "stage", "AI-ACT", "In-Force", "--date", "2024-08-01"});
    EXPECT_NE(stage.find("ai-act in_force 2024-08-01"), std::string::npos) << stage;
    EXPECT_NE(ok({"verify"}).find("projections match"), std::string::npos);
}

TEST_F(ForgivingCli, ListsTakeCommasOrRepeatedFlags) {
    const auto both =
        nlohmann::json::parse(ok({"recs", "--status", "partial,substantial", "--format", "json"}));
    const auto repeated = nlohmann::json::parse(
        ok({"recs", "--status", "partial", "--status", "substantial", "--format", "json"}));
    EXPECT_EQ(both, repeated);
    EXPECT_EQ(both.size(), 10u);  // 9 partial, 1 substantial on the bundled data
    const std::string out =
        ok({"status", "R9", "substantial", "--date", "2025-06-01", "--evidence", "E2,E7"});
    EXPECT_NE(out.find("(cites E2, E7)"), std::string::npos) << out;
}

TEST_F(ForgivingCli, TyposGetTheWordMeant) {
    EXPECT_NE(refused({"staus", "R4", "partial"})
                  .find("unknown command 'staus' (did you mean 'status'?)"),
              std::string::npos);
    EXPECT_NE(refused({"measure", "shwo", "ai-act"})
                  .find("unknown command 'measure shwo' (did you mean 'show'?)"),
              std::string::npos);
    EXPECT_NE(refused({"show", "R44"}).find("unknown recommendation 'R44' (did you mean 'R4'?)"),
              std::string::npos);
    EXPECT_NE(refused({"status", "R4", "substantal", "--date", "2025-01-01"})
                  .find("unknown status 'substantal' (did you mean 'substantial'?)"),
              std::string::npos);
    EXPECT_NE(refused({"link", "R2", "ai-act", "--relation", "advance"})
                  .find("unknown relation 'advance' (did you mean 'advances'?)"),
              std::string::npos);
    EXPECT_NE(refused({"measure", "stage", "ai-act", "adoptd", "--date", "2024-01-01"})
                  .find("(did you mean 'adopted'?)"),
              std::string::npos);
    EXPECT_NE(refused({"measure", "stage", "ai-akt", "adopted", "--date", "2024-01-01"})
                  .find("unknown measure 'ai-akt' (did you mean 'ai-act'?)"),
              std::string::npos);
    EXPECT_NE(refused({"evidence", "add", "https://example.org/x", "--title", "t", "--kind",
                       "legislaton"})
                  .find("(did you mean 'legislation'?)"),
              std::string::npos);
}

TEST_F(ForgivingCli, StatusHelpListsTheScale) {
    const std::string help = ok({"status", "--help"});
    EXPECT_NE(help.find("partial         Partially implemented"), std::string::npos) << help;
    EXPECT_NE(help.find("not_applicable  Not applicable (closed"), std::string::npos);
}
