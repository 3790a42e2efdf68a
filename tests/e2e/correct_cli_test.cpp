// End-to-end tests of `rectrack correct` on events that others stand on: a
// refusal names them, and --with-dependents retracts them together.
#include <gtest/gtest.h>

#include <regex>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class CorrectCli : public CliTest {
  protected:
    void SetUp() override {
        ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
    }
    // The number of the event a command recorded ("recorded #12: ...").
    static std::string recorded(const std::string& out, const std::string& what) {
        std::smatch m;
        const std::string line = out.substr(0, out.find('\n'));
        EXPECT_TRUE(std::regex_search(line, m, std::regex("recorded .*?#(\\d+)"))) << out;
        EXPECT_NE(line.find(what), std::string::npos) << out;
        return m[1];
    }
};

}  // namespace

TEST_F(CorrectCli, ARefusalNamesTheEventsThatStandOnIt) {
    const std::string added =
        recorded(ok({"measure", "add", "cra", "--title", "Cyber Resilience Act", "--type",
                     "regulation", "--stage", "proposed=2022-09-15"}),
                 "measure cra");
    const std::string link = recorded(ok({"link", "R1", "cra", "--relation", "advances"}), "R1");
    Result r = rt({"correct", added, "--reason", "duplicate"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("measure 'cra' is still used by #" + std::to_string(std::stoi(added) + 1) +
                         " (cra proposed), #" + link + " (R1 advances by cra)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("or together with --with-dependents"), std::string::npos);
    EXPECT_NE(ok({"measure", "show", "cra"}).find("R1"), std::string::npos);  // nothing changed
}

TEST_F(CorrectCli, WithDependentsRetractsThemFirstAndVerifyStillMatches) {
    const std::string added =
        recorded(ok({"measure", "add", "cra", "--title", "Cyber Resilience Act", "--type",
                     "regulation", "--stage", "proposed=2022-09-15"}),
                 "measure cra");
    ok({"link", "R1", "cra", "--relation", "advances"});
    const std::string out = ok({"correct", added, "--reason", "duplicate", "--with-dependents"});
    // Three corrections: the stage, the link, then the measure itself.
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3) << out;
    EXPECT_NE(out.find("with #" + added + ": duplicate"), std::string::npos) << out;
    EXPECT_NE(out.rfind("retracts #" + added), std::string::npos) << out;
    EXPECT_EQ(rt({"measure", "show", "cra"}).code, 2);
    EXPECT_EQ(ok({"show", "R1"}).find("cra"), std::string::npos);
    EXPECT_NE(ok({"verify"}).find("projections match"), std::string::npos);
    // The key can be used again.
    ok({"measure", "add", "cra", "--title", "Cyber Resilience Act", "--type", "regulation"});
}

TEST_F(CorrectCli, ASourceCitedByAStatusChangeIsRetractedWithIt) {
    EXPECT_EQ(ok({"evidence", "add", "https://example.org/cra", "--title", "CRA press release",
                  "--published", "2024-10-10"}),
              "E3\n");
    const std::string status = recorded(
        ok({"status", "R1", "substantial", "--date", "2024-10-11", "--evidence", "E3"}), "R1");
    const std::string id = std::to_string(std::stoi(status) - 1);  // evidence_added
    Result r = rt({"correct", id, "--reason", "wrong source"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("E3 is still used by #" + status), std::string::npos) << r.err;
    ok({"correct", id, "--reason", "wrong source", "--with-dependents"});
    const auto recs = nlohmann::json::parse(ok({"recs", "--format", "json"}));
    EXPECT_EQ(recs[0]["key"], "R1");
    EXPECT_EQ(recs[0]["status"], "partial");  // the change that cited it is gone
    EXPECT_NE(ok({"verify"}).find("projections match"), std::string::npos);
}
