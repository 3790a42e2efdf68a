// Journal anchors from the outside: what `verify` prints is what every
// report and export carries, and `verify --expect` holds a journal to it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_fixture.hpp"

namespace rectrack::test {
namespace {

class Anchors : public CliTest {
  protected:
    // Builds a database at `name` from the small dataset and these notes on
    // R1; the same notes give the same journal, hash for hash.
    std::string build(const std::string& name, const std::vector<std::string>& notes) {
        env["RECTRACK_DB"] = dir.file(name);
        ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
        for (const auto& n : notes) ok({"note", "R1", n});
        return dir.file(name);
    }
    std::string anchor_of(const std::string& db) {
        env["RECTRACK_DB"] = db;
        const std::string out = ok({"verify"});
        const auto at = out.find("anchor: ");
        EXPECT_NE(at, std::string::npos) << out;
        return out.substr(at + 8, out.find('\n', at) - at - 8);
    }
};

TEST_F(Anchors, EveryReportFormatCarriesTheAnchorVerifyPrints) {
    build("a.db", {});
    const std::string loaded = anchor_of(dir.file("a.db"));
    env["RECTRACK_NOW"] = "2026-12-01T09:00:00Z";
    ok({"note", "R1", "recorded later"});
    const std::string now = anchor_of(dir.file("a.db"));
    ASSERT_NE(now, loaded);
    ASSERT_EQ(now.substr(0, now.find(':')), "24");

    for (const char* format : {"md", "html", "csv", "json"}) {
        const std::string report = ok({"report", "--quarter", "2022-Q1", "--format", format});
        EXPECT_NE(report.find(now), std::string::npos) << format;
        // A report as recorded earlier carries the anchor of that moment.
        const std::string earlier = ok({"report", "--quarter", "2022-Q1", "--format", format,
                                        "--as-recorded", "2026-11-30T00:00:00Z"});
        EXPECT_NE(earlier.find(loaded), std::string::npos) << format;
        EXPECT_EQ(earlier.find(now), std::string::npos) << format;
    }
    const auto json = nlohmann::json::parse(
        ok({"report", "--quarter", "2022-Q1", "--format", "json"}))["journal"];
    EXPECT_EQ(json["events"], 24);
    EXPECT_EQ(json["anchor"], now);
    EXPECT_EQ(now, "24:" + json["head"].get<std::string>());
    EXPECT_NE(ok({"export", "--format", "json"}).find("\"anchor\": \"" + now + "\""),
              std::string::npos);
    EXPECT_NE(ok({"export"}).find("anchor = '" + now + "'"), std::string::npos);
}

// Each copy passes `verify` on its own: its chain and projections agree.
// Only the anchor kept from the original tells them apart.
TEST_F(Anchors, ExpectCatchesTruncationRenumberingAndAConsistentRewrite) {
    const std::string anchor = anchor_of(build("original.db", {"one", "two"}));
    write_text(dir.file("anchors.txt"), "# issued with the 2026-Q4 report\n" + anchor + "  Q4\n");
    const std::map<std::string, std::string> copies = {
        {"truncated", build("truncated.db", {"one"})},
        {"renumbered", build("renumbered.db", {"two", "three"})},
        {"rewritten", build("rewritten.db", {"One", "two"})},
    };
    for (const auto& [what, db] : copies) {
        env["RECTRACK_DB"] = db;
        EXPECT_EQ(rt({"verify"}).code, 0) << what;
        for (const auto& flag : {std::vector<std::string>{"--expect", anchor},
                                 std::vector<std::string>{"--expect-file", "anchors.txt"}}) {
            const Result r = rt({"verify", flag[0], flag[1]});
            EXPECT_EQ(r.code, 1) << what;
            EXPECT_NE(r.out.find("FAILED: does not extend " + anchor), std::string::npos)
                << what << "\n"
                << r.out;
        }
    }
    env["RECTRACK_DB"] = dir.file("original.db");
    ok({"note", "R1", "three"});
    const std::string out = ok({"verify", "--expect-file", "anchors.txt"});
    EXPECT_NE(out.find("ok: extends " + anchor), std::string::npos) << out;
}

TEST_F(Anchors, ABadAnchorIsAnInputError) {
    build("a.db", {});
    const Result flag = rt({"verify", "--expect", "24:abc"});
    EXPECT_EQ(flag.code, 2);
    EXPECT_NE(flag.err.find("'24:abc' is not an anchor"), std::string::npos) << flag.err;
    write_text(dir.file("anchors.txt"), "\n# fine\nnot-an-anchor here\n");
    const Result file = rt({"verify", "--expect-file", "anchors.txt"});
    EXPECT_EQ(file.code, 2);
    EXPECT_NE(file.err.find("anchors.txt:3: 'not-an-anchor' is not an anchor"), std::string::npos)
        << file.err;
}

// The export's own anchor catches a file cut short after its last event.
TEST_F(Anchors, AnExportCutShortDoesNotImport) {
    build("a.db", {"one"});
    auto doc = nlohmann::json::parse(ok({"export", "--format", "json"}));
    doc["events"].erase(doc["events"].size() - 1);
    write_text(dir.file("cut.json"), doc.dump(2));
    env["RECTRACK_DB"] = dir.file("b.db");
    const Result r = rt({"import", "cut.json"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("not at its anchor"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("b.db")));
}

}  // namespace
}  // namespace rectrack::test
