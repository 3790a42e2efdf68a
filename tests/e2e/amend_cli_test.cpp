// End-to-end tests of `rectrack amend`: fields change as journal events, the
// old values stay for their time, and bad input records nothing.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class AmendCli : public CliTest {
  protected:
    void SetUp() override {
        ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
        env["RECTRACK_NOW"] = "2026-11-28T09:00:00Z";  // amendments come a day later
    }
    nlohmann::json report_json(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args = {"report", "--quarter", "2024-Q2", "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        return nlohmann::json::parse(ok(args));
    }
    size_t event_count() {
        const std::string log = ok({"log"});
        return static_cast<size_t>(std::count(log.begin(), log.end(), '\n'));
    }
};

}  // namespace

TEST_F(AmendCli, AMeasuresIdentifiersChangeAndEarlierReportsKeepTheOldOnes) {
    const auto before = report_json();
    const std::string out = ok({"amend", "measure", "widget-act", "--celex", "32024r1690", "--com",
                                "COM(2021) 207 final", "--reason", "typo"});
    EXPECT_NE(out.find("amended measure widget-act: celex \"32024R1690\" (was \"32024R1689\")"),
              std::string::npos)
        << out;
    EXPECT_NE(ok({"measure", "show", "widget-act"}).find("32024R1690"), std::string::npos);
    EXPECT_NE(ok({"log", "widget-act"}).find("(was \"COM(2021) 206 final\")"), std::string::npos);

    ok({"amend", "evidence", "E1", "--title", "Widget Regulation (amended)"});
    const auto now = report_json();
    EXPECT_EQ(now["recommendations"][0]["measures"][0]["celex"], "32024R1690");
    EXPECT_EQ(now["recommendations"][0]["evidence"][0]["title"], "Widget Regulation (amended)");
    // A report as recorded before the amendment is the report of that time.
    const auto then = report_json({"--as-recorded", "2026-11-27T12:00:00Z"});
    EXPECT_EQ(then["recommendations"][0]["measures"][0]["celex"], "32024R1689");
    EXPECT_EQ(then["recommendations"], before["recommendations"]);

    EXPECT_EQ(ok({"verify"}).find("ok"), 0u);
    const std::string exported = ok({"export", "--format", "json"});
    write_text(dir.file("j.json"), exported);
    env["RECTRACK_DB"] = dir.file("copy.db");
    ok({"import", dir.file("j.json")});
    EXPECT_EQ(ok({"export", "--format", "json"}), exported);
    EXPECT_NE(ok({"measure", "show", "widget-act"}).find("32024R1690"), std::string::npos);
}

TEST_F(AmendCli, AnArchiveUrlOnARecordedSourceClearsNoArchive) {
    auto unarchived = [&] {
        const auto audit = nlohmann::json::parse(rt({"audit", "--format", "json"}).out);
        for (const auto& f : audit["findings"])
            if (f["kind"] == "no_archive" && f["subject"] == "E2") return true;
        return false;
    };
    ASSERT_TRUE(unarchived());
    ok({"amend", "evidence", "https://example.org/sanctions", "--archive",
        "https://web.archive.org/web/2021/https://example.org/sanctions", "--title",
        "Sanctions imposed on 22 March 2021"});
    EXPECT_FALSE(unarchived());
    const auto show = nlohmann::json::parse(ok({"evidence", "show", "E2", "--format", "json"}));
    EXPECT_EQ(show["title"], "Sanctions imposed on 22 March 2021");
    EXPECT_EQ(show["archive_url"],
              "https://web.archive.org/web/2021/https://example.org/sanctions");
}

TEST_F(AmendCli, ARecommendationsTitleChangesEverywhere) {
    ok({"amend", "rec", "R3", "--title", "Fund independent research"});
    EXPECT_NE(ok({"recs"}).find("Fund independent research"), std::string::npos);
    EXPECT_NE(ok({"show", "R3"}).find("Fund independent research"), std::string::npos);
    EXPECT_NE(ok({"report", "--quarter", "2024-Q2"}).find("Fund independent research"),
              std::string::npos);
}

TEST_F(AmendCli, ACorrectedAmendmentRestoresTheOldValue) {
    const std::string out = ok({"amend", "evidence", "E1", "--published", "2024-07-13"});
    const std::string id = out.substr(out.find('#') + 1, out.find(':') - out.find('#') - 1);
    ok({"correct", id, "--reason", "the first date was right"});
    const auto show = nlohmann::json::parse(ok({"evidence", "show", "E1", "--format", "json"}));
    EXPECT_EQ(show["published"], "2024-07-12");
    EXPECT_EQ(ok({"verify"}).find("ok"), 0u);
}

TEST_F(AmendCli, BadInputIsRefusedAndRecordsNothing) {
    const size_t before = event_count();
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    for (const auto& c : std::vector<Case>{
             {{"amend", "measure", "widget-act", "--celex", "bogus"}, "CELEX"},
             {{"amend", "measure", "widget-act", "--celex", "32024R1689"}, "nothing to amend"},
             {{"amend", "measure", "widget-act"}, "give at least one field"},
             {{"amend", "measure", "no-such-act", "--title", "X"}, "unknown measure 'no-such-act'"},
             {{"amend", "rec", "R1", "--title", " "}, "title must not be empty"},
             {{"amend", "evidence", "E9", "--title", "X"}, "E9"},
             {{"amend", "evidence", "E1", "--published", "2030-01-01"}, "in the future"},
             {{"amend", "evidence", "E1", "--archive", "file:///etc/passwd"}, "archive URL"},
             {{"amend", "evidence", "E1", "--bearing", "maybe"}, "maybe"}}) {
        const Result r = rt(c.args);
        EXPECT_EQ(r.code, 2) << ::testing::PrintToString(c.args);
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    EXPECT_EQ(event_count(), before);
}

TEST_F(AmendCli, AddingARecordedUrlWithOtherFieldsSaysTheyWereNotApplied) {
    const Result r = rt({"evidence", "add", "https://example.org/sanctions", "--title", "Other",
                         "--archive", "https://web.archive.org/web/2021/x"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "E2 (already recorded)\n");
    EXPECT_NE(r.err.find("E2 is already recorded; --title, --archive differ from the record and "
                         "were not applied (to apply them: `rectrack amend evidence E2 --title ... "
                         "--archive ...`)"),
              std::string::npos)
        << r.err;
    // The same fields as recorded say nothing.
    EXPECT_EQ(
        rt({"evidence", "add", "https://example.org/sanctions", "--title", "Sanctions imposed"})
            .err,
        "");
}

TEST_F(AmendCli, ARetractedMeasuresKeyCanBeUsedAgain) {
    const std::string out =
        ok({"measure", "add", "chips-act", "--title", "Chips Act (wrong)", "--type", "regulation"});
    const std::string id = out.substr(out.find('#') + 1, out.find(')') - out.find('#') - 1);
    ok({"correct", id, "--reason", "recorded with the wrong title"});
    const Result again = rt({"measure", "add", "chips-act", "--title", "European Chips Act",
                             "--type", "regulation", "--celex", "32023R1781"});
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_NE(ok({"measure", "show", "chips-act"}).find("European Chips Act"), std::string::npos);
    EXPECT_EQ(rt({"measure", "add", "chips-act", "--title", "X", "--type", "regulation"}).code, 2);
    EXPECT_EQ(ok({"verify"}).find("ok"), 0u);
}
