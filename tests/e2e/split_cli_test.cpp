// End-to-end tests of splitting a recommendation that has a history into
// parts: the parent's past stays as it was, and from the split on it stands
// where its least advanced open part stands.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class SplitCli : public CliTest {
  protected:
    void SetUp() override {
        ok({"init"});  // the bundled data: R4 has a status of its own
        env["RECTRACK_NOW"] = "2026-11-28T09:00:00Z";
    }
    nlohmann::json report(const std::string& quarter, const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args = {"report", "--quarter", quarter, "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        return nlohmann::json::parse(ok(args));
    }
    // What a report says, without what describes the journal it came from.
    static nlohmann::json content(nlohmann::json j) {
        for (const char* f : {"journal", "generated"}) j.erase(f);
        return j;
    }
};

}  // namespace

TEST_F(SplitCli, TheReadmeExampleSplitsABundledRecommendation) {
    const std::string out =
        ok({"rec", "add", "R4.a", "--parent", "R4", "--title", "Binding AI rules"});
    EXPECT_NE(out.find("R4.a added: Binding AI rules"), std::string::npos) << out;
    // The part starts where R4 stood, citing what R4's standing cited.
    EXPECT_NE(out.find("R4.a -> partial (cites E2): split from R4"), std::string::npos) << out;
    const auto show = nlohmann::json::parse(ok({"show", "R4", "--format", "json"}));
    EXPECT_EQ(show["status"], "partial");
    EXPECT_EQ(show["parts"], nlohmann::json::array({"R4.a"}));
    EXPECT_EQ(show["history"].size(), 3u);  // its own history, as it was
    EXPECT_NE(ok({"verify"}).find("projections match"), std::string::npos);
}

TEST_F(SplitCli, EarlierReportsDoNotChange) {
    const auto plain = report("2026-Q3");
    const auto issued = report("2026-Q3", {"--as-recorded", "2026-11-28T08:00:00Z"});
    ok({"rec", "add", "R4.a", "--parent", "R4", "--title", "Binding AI rules"});
    ok({"rec", "add", "R4.b", "--parent", "R4", "--title", "Red lines", "--status", "proposed"});
    EXPECT_EQ(content(report("2026-Q3")), content(plain));
    EXPECT_EQ(report("2026-Q3", {"--as-recorded", "2026-11-28T08:00:00Z"}), issued);
}

TEST_F(SplitCli, FromTheSplitTheParentStandsWhereItsLeastAdvancedPartStands) {
    ok({"rec", "add", "R4.a", "--parent", "R4", "--title", "Binding AI rules", "--date",
        "2026-10-15"});
    ok({"rec", "add", "R4.b", "--parent", "R4", "--title", "Red lines", "--status", "proposed",
        "--date", "2026-11-02"});
    const auto j = nlohmann::json::parse(
        ok({"report", "--from", "2026-10-01", "--to", "2026-11-27", "--format", "json"}));
    std::map<std::string, nlohmann::json> rows;
    for (const auto& r : j["recommendations"]) rows[r["key"]] = r;
    EXPECT_EQ(rows["R4"]["status_start"], "partial");
    EXPECT_EQ(rows["R4"]["status_end"], "proposed");
    EXPECT_EQ(rows["R4"]["direction"], "regressed");
    EXPECT_EQ(rows["R4.a"]["status_start"], "partial");  // where R4 stood
    EXPECT_EQ(rows["R4.a"]["direction"], "unchanged");
    EXPECT_EQ(rows["R4.b"]["status_end"], "proposed");
    const auto recs = nlohmann::json::parse(ok({"recs", "--format", "json"}));
    for (const auto& r : recs) {
        if (r["key"] == "R4") {
            EXPECT_EQ(r["status"], "proposed");
        }
    }
    // The parent's own status is now its parts'.
    Result direct = rt({"status", "R4", "implemented", "--date", "2026-11-20"});
    EXPECT_EQ(direct.code, 2);
    EXPECT_NE(direct.err.find("tracked through its parts (R4.a, R4.b)"), std::string::npos);
    EXPECT_NE(ok({"verify"}).find("projections match"), std::string::npos);
}

TEST_F(SplitCli, ASplitCannotRewriteThePast) {
    Result early =
        rt({"rec", "add", "R4.a", "--parent", "R4", "--title", "t", "--date", "2024-01-01"});
    EXPECT_EQ(early.code, 2);
    EXPECT_NE(early.err.find("would come before R4's last status change (2025-02-02)"),
              std::string::npos)
        << early.err;
    Result wrong =
        rt({"rec", "add", "R4.a", "--parent", "R4", "--title", "t", "--status", "halfway"});
    EXPECT_EQ(wrong.code, 2);
    EXPECT_NE(wrong.err.find("unknown status 'halfway'"), std::string::npos) << wrong.err;
    // Refused commands record nothing: the part is not half-added.
    EXPECT_EQ(rt({"show", "R4.a"}).code, 2);
    Result plain =
        rt({"rec", "add", "R12", "--title", "New", "--number", "12", "--status", "partial"});
    EXPECT_EQ(plain.code, 2);
    EXPECT_NE(plain.err.find("only when splitting"), std::string::npos) << plain.err;
}
