// End-to-end tests of `tag` and `untag`: themes and addressees as journal
// events, shown by `show` and `measure show`, and kept through export and
// import in both journal formats.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

using Strings = std::vector<std::string>;

class TagsCli : public CliTest {
  protected:
    void SetUp() override { ok({"init"}); }
    nlohmann::json json_of(const std::vector<std::string>& args) {
        auto with = args;
        with.insert(with.end(), {"--format", "json"});
        return nlohmann::json::parse(ok(with));
    }
};

}  // namespace

TEST_F(TagsCli, EveryBundledMeasureHasThemes) {
    for (const auto& m : json_of({"measure", "list"}))
        EXPECT_FALSE(json_of({"measure", "show", m["key"]})["themes"].empty()) << m["key"];
    EXPECT_EQ(json_of({"measure", "show", "dsa"})["themes"],
              nlohmann::json(Strings{"platforms", "disinformation", "regulation"}));
}

TEST_F(TagsCli, TagAndUntagAreShownAndFilterRecs) {
    EXPECT_EQ(ok({"tag", "R2", "--theme", "supply chain", "--addressee", "High Representative"}),
              "recorded #277: R2: theme + supply chain; addressee + High Representative\n");
    ok({"untag", "r2", "--theme", "iot,Standards", "--addressee", "parliament"});
    const auto r2 = json_of({"show", "R2"});
    EXPECT_EQ(r2["themes"], nlohmann::json(Strings{"cybersecurity", "privacy", "supply chain"}));
    EXPECT_EQ(r2["addressees"], nlohmann::json(Strings{"Commission", "Council", "Member states",
                                                       "High Representative"}));
    EXPECT_NE(ok({"show", "R2"}).find("Themes:     cybersecurity, privacy, supply chain\n"),
              std::string::npos);
    const auto rows = json_of({"recs", "--addressee", "high-representative"});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["key"], "R2");
    ok({"tag", "dsa", "--theme", "elections"});
    EXPECT_NE(ok({"measure", "show", "dsa"})
                  .find("Themes:       platforms, disinformation, regulation, elections\n"),
              std::string::npos);
    Result again = rt({"tag", "R2", "--theme", "Supply-Chain"});
    EXPECT_EQ(again.code, 2);
    EXPECT_EQ(again.err, "rectrack: error: R2 already has the theme 'supply chain'\n");
    EXPECT_EQ(ok({"log", "R2"}).find("#279"), std::string::npos);
}

TEST_F(TagsCli, TagsSurviveExportAndImport) {
    ok({"tag", "R5", "--theme", "cloud", "--date", "2025-02-01"});
    ok({"untag", "nis2", "--theme", "5G"});
    for (const std::string format : {"toml", "json"}) {
        const std::string first = ok({"export", "--format", format});
        write_text(dir.file("journal." + format), first);
        const std::string copy = dir.file("copy-" + format + ".db");
        ok({"--db", copy, "import", dir.file("journal." + format)});
        EXPECT_EQ(ok({"--db", copy, "export", "--format", format}), first) << format;
        EXPECT_EQ(ok({"--db", copy, "verify"}).substr(0, 3), "ok:");
        EXPECT_EQ(ok({"--db", copy, "measure", "show", "nis2"}).find("5G"), std::string::npos);
        EXPECT_NE(ok({"--db", copy, "show", "R5"}).find("cloud"), std::string::npos);
    }
}
