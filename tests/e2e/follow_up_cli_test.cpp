// End-to-end tests of a recommendation's follow-up: `owner`, `target` and
// `response`, as `recs`, `show`, every report format and the audit show
// them, and as datasets and journal exports carry them.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class FollowUpCli : public CliTest {
  protected:
    void SetUp() override {
        ok({"init"});
        // R1's target passes unmet; R2's moves within 2026-Q3 and is near.
        ok({"target", "R1", "2026-06-30", "--date", "2026-01-15"});
        ok({"target", "R2", "2026-09-01", "--date", "2026-02-01"});
        ok({"target", "R2", "2026-12-15", "--date", "2026-08-20", "--reason",
            "CRA reporting applies first"});
        ok({"owner", "R2", "A. Rossi"});
        ok({"response", "R1", "partially-accepted", "--date", "2021-03-22", "--evidence", "E1",
            "--note", "sanctions regime adopted"});
    }
    nlohmann::json json_of(std::vector<std::string> args) {
        args.insert(args.end(), {"--format", "json"});
        return nlohmann::json::parse(ok(args));
    }
    static bool has(const std::string& text, const std::string& part) {
        return text.find(part) != std::string::npos;
    }
};

}  // namespace

TEST_F(FollowUpCli, RecsShowsTargetsOwnersAndFilters) {
    const std::string table = ok({"recs"});
    EXPECT_TRUE(has(table, "TARGET      DUE       OWNER")) << table;
    EXPECT_TRUE(has(table, "2026-06-30  overdue   -")) << table;
    EXPECT_TRUE(has(table, "2026-12-15  due soon  A. Rossi")) << table;
    const auto overdue = json_of({"recs", "--overdue"});
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(overdue[0]["key"], "R1");
    EXPECT_EQ(overdue[0]["response"], "partially_accepted");
    const auto mine = json_of({"recs", "--owner", "a. rossi"});
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0]["deadline"], "due soon");
    Result nobody = rt({"recs", "--owner", "B. Weber"});
    EXPECT_EQ(nobody.code, 2);
    EXPECT_EQ(nobody.err, "rectrack: error: no recommendation is followed by 'B. Weber'\n");
    // The window is a setting.
    env["RECTRACK_DUE_SOON_DAYS"] = "7";
    EXPECT_EQ(json_of({"recs", "--owner", "A. Rossi"})[0]["deadline"], "on track");
}

TEST_F(FollowUpCli, ShowGivesTheFollowUpAndEveryMove) {
    const std::string r2 = ok({"show", "R2"});
    EXPECT_TRUE(has(r2, "Owner:      A. Rossi\nTarget:     2026-12-15, due soon\n")) << r2;
    EXPECT_TRUE(has(r2, "  2026-08-20  target    2026-12-15: CRA reporting applies first  #"))
        << r2;
    EXPECT_TRUE(has(ok({"show", "R1"}),
                    "Response:   partially accepted 2021-03-22 (cites E1): sanctions regime "
                    "adopted\n"));
    const auto j = json_of({"show", "R1"})["follow_up"];
    EXPECT_EQ(j["deadline"], "overdue");
    EXPECT_EQ(j["response"]["evidence"], nlohmann::json::array({"E1"}));
}

TEST_F(FollowUpCli, ReportsShowTheFollowUpAndTheMoveInItsPeriod) {
    const std::string md = ok({"report", "--quarter", "2026-Q3"});
    EXPECT_TRUE(has(md,
                    "| R1 | Council, Member states |  | **2026-06-30 (overdue)** | partially "
                    "accepted (2021-03-22) |"))
        << md;
    EXPECT_TRUE(has(md,
                    "target date moved from 2026-09-01 to 2026-12-15 (CRA reporting applies "
                    "first)"));
    // In the period it moved in, not in the one before.
    EXPECT_FALSE(has(ok({"report", "--quarter", "2026-Q2"}), "moved from"));
    const auto j = json_of({"report", "--quarter", "2026-Q3"});
    EXPECT_EQ(j["recommendations"][0]["target"], "2026-06-30");
    EXPECT_EQ(j["recommendations"][0]["deadline"], "overdue");
    EXPECT_EQ(j["recommendations"][1]["deadline"], "on track");  // on 30 September
    bool move_listed = false;
    for (const auto& c : j["changes"])
        if (c["kind"] == "follow_up" && c["subject"] == "R2") move_listed = true;
    EXPECT_TRUE(move_listed);
    const std::string csv = ok({"report", "--quarter", "2026-Q3", "--format", "csv"});
    EXPECT_TRUE(has(csv, ",target,deadline,response,response_date,journal_anchor\r\n"));
    EXPECT_TRUE(has(csv, ",2026-06-30,overdue,partially_accepted,2021-03-22,")) << csv;
    const std::string html = ok({"report", "--quarter", "2026-Q3", "--format", "html"});
    EXPECT_TRUE(has(html, "<td class=\"warn\">2026-06-30 (overdue)</td>")) << html;
}

TEST_F(FollowUpCli, ReportsGroupByAddressee) {
    const auto j = json_of({"report", "--quarter", "2026-Q3", "--by", "addressee"});
    ASSERT_TRUE(j.contains("by_addressee"));
    EXPECT_EQ(j["by_addressee"][0]["addressee"], "Commission");
    EXPECT_EQ(j["by_addressee"][3]["addressee"], "Parliament");
    EXPECT_EQ(j["by_addressee"][3]["recommendations"],
              nlohmann::json::array({"R2", "R4", "R5", "R9"}));
    const std::string md = ok({"report", "--quarter", "2026-Q3", "--by", "addressee"});
    EXPECT_TRUE(has(md, "## By addressee\n\n- **Commission**: R2 Partially implemented;")) << md;
    const std::string csv =
        ok({"report", "--quarter", "2026-Q3", "--by", "addressee", "--format", "csv"});
    EXPECT_EQ(csv.substr(0, 19), "group,period_start,");
    EXPECT_TRUE(has(csv, "\r\nParliament,2026-07-01,2026-09-30,R9,"));
    EXPECT_EQ(rt({"report", "--quarter", "2026-Q3", "--by", "owner"}).code, 2);
}

TEST_F(FollowUpCli, TheAuditWarnsOfOverdueRecommendations) {
    const std::string audit = rt({"audit"}).out;
    EXPECT_TRUE(has(audit,
                    "R1        overdue_recommendation: its target date 2026-06-30 has "
                    "passed and it is partial"))
        << audit;
    EXPECT_FALSE(has(audit, "R2        overdue_recommendation"));
}

TEST_F(FollowUpCli, ADatasetsFollowUpSurvivesExportAndImport) {
    const std::string dataset = R"(
[report]
key = "t"
title = "T"
issued = 2020-03-01
[[recommendation]]
key = "R1"
number = 1
title = "One"
addressees = ["Council"]
owner = "A. Rossi"
target = 2027-06-30
[[evidence]]
url = "https://example.org/answer"
title = "The Council's answer"
[[measure]]
key = "m"
title = "A measure"
type = "strategy"
themes = ["cyber"]
[[response]]
rec = "R1"
response = "noted"
date = 2020-06-01
evidence = ["https://example.org/answer"]
note = "will consider"
)";
    write_text(dir.file("d.toml"), dataset);
    env["RECTRACK_DB"] = dir.file("d.db");
    ok({"import", dir.file("d.toml")});
    const auto r1 = json_of({"show", "R1"})["follow_up"];
    EXPECT_EQ(r1["owner"], "A. Rossi");
    EXPECT_EQ(r1["target"], "2027-06-30");
    EXPECT_EQ(r1["response"]["note"], "will consider");
    EXPECT_EQ(json_of({"measure", "show", "m"})["themes"], nlohmann::json::array({"cyber"}));
    const std::string first = ok({"export", "--format", "json"});
    write_text(dir.file("j.json"), first);
    ok({"--db", dir.file("copy.db"), "import", dir.file("j.json")});
    EXPECT_EQ(ok({"--db", dir.file("copy.db"), "export", "--format", "json"}), first);
    EXPECT_EQ(ok({"--db", dir.file("copy.db"), "verify"}).substr(0, 3), "ok:");
}
