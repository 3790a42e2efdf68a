// End-to-end tests of warnings at entry: what looks wrong but may be meant
// is recorded with one line on stderr, and --strict refuses it instead.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class WarningsCli : public CliTest {
  protected:
    void SetUp() override { ok({"init"}); }
    size_t events() { return nlohmann::json::parse(ok({"log", "--format", "json"})).size(); }
    // Recorded (exit 0) with exactly this one warning line.
    void warned(const std::vector<std::string>& args, const std::string& warning) {
        const size_t before = events();
        Result r = rt(args);
        EXPECT_EQ(r.code, 0) << r.err;
        EXPECT_EQ(r.err, "rectrack: warning: " + warning + "\n");
        EXPECT_GT(events(), before);
    }
    // With --strict: exit 2, the same words, nothing recorded.
    void refused(std::vector<std::string> args, const std::string& warning) {
        const size_t before = events();
        args.push_back("--strict");
        Result r = rt(args);
        EXPECT_EQ(r.code, 2);
        EXPECT_EQ(r.err, "rectrack: error: " + warning + " (refused: --strict)\n");
        EXPECT_EQ(events(), before);
    }
};

}  // namespace

TEST_F(WarningsCli, AStatusEqualToTheCurrentOneKeepsItsSince) {
    const std::vector<std::string> args = {"status", "R2", "partial", "--date", "2025-01-01"};
    const std::string warning =
        "R2 is already partial (since 2024-10-18): this change says nothing new";
    refused(args, warning);
    warned(args, warning);
    const auto recs = nlohmann::json::parse(ok({"recs", "--format", "json"}));
    EXPECT_EQ(recs[1]["key"], "R2");
    EXPECT_EQ(recs[1]["status_since"], "2024-10-18");  // not reset by the repetition
}

TEST_F(WarningsCli, EvidencePublishedAfterTheChangeItBacks) {
    // E7 is the Cyber Resilience Act, published on 20 November 2024.
    const std::vector<std::string> args = {"status",     "R2",         "substantial", "--date",
                                           "2024-11-01", "--evidence", "E7"};
    const std::string warning =
        "E7 was published 2024-11-20, after the change it is cited for (2024-11-01)";
    refused(args, warning);
    warned(args, warning);
}

TEST_F(WarningsCli, ASourceUnderAnotherFormOfItsUrl) {
    const std::vector<std::string> args = {
        "evidence", "add", "https://EUR-LEX.europa.eu/eli/reg/2024/2847/oj/?utm_source=x#top",
        "--title", "CRA"};
    const std::string warning =
        "https://eur-lex.europa.eu/eli/reg/2024/2847/oj/?utm_source=x#top is E7 "
        "(https://eur-lex.europa.eu/eli/reg/2024/2847/oj) under another form of its URL; cite E7 "
        "instead";
    refused(args, warning);
    warned(args, warning);
}

TEST_F(WarningsCli, IdentifiersThatDisagree) {
    const std::vector<std::string> args = {"measure",    "add",     "odd-act",           "--title",
                                           "Odd act",    "--type",  "regulation",        "--celex",
                                           "32024R2847", "--stage", "adopted=2023-03-01"};
    const std::string warning =
        "measure odd-act: adopted on 2023-03-01 but CELEX 32024R2847 gives the year 2024";
    refused(args, warning);
    warned(args, warning);
    // A COM reference that does not match a proposal's CELEX, when amended in.
    ok({"measure", "add", "odd-proposal", "--title", "Odd proposal", "--type", "regulation",
        "--celex", "52021PC0206"});
    Result r = rt({"amend", "measure", "odd-proposal", "--com", "COM(2020) 825 final"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.err.find("rectrack: warning: measure odd-proposal: the COM reference COM(2020) 825 "
                         "final does not match CELEX 52021PC0206"),
              std::string::npos)
        << r.err;
}

TEST_F(WarningsCli, AMeasureIsJudgedOnItsWholeRecord) {
    // Delegated Regulation (EU) 2022/30: adopted on 29 October 2021, published
    // and numbered in 2022. The publication explains the year; no warning,
    // although the adoption is recorded before the publication.
    Result r = rt({"measure", "add", "red-da", "--title", "RED delegated act", "--type",
                   "regulation", "--celex", "32022R0030", "--stage", "adopted=2021-10-29",
                   "--stage", "published=2022-01-12", "--strict"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    // Nor does loading the bundled data warn of anything.
    env["RECTRACK_DB"] = dir.file("fresh.db");
    Result init = rt({"init"});
    EXPECT_EQ(init.code, 0);
    EXPECT_EQ(init.err, "");
}

TEST_F(WarningsCli, AStrictImportRefusesADatasetThatWarns) {
    write_text(dir.file("more.toml"), R"(
[report]
key = "made-in-china"
title = "Made in China: Tackling Digital Authoritarianism"
issued = 2020
[[evidence]]
url = "HTTPS://EUR-LEX.europa.eu/eli/reg/2024/2847/oj/"
title = "The CRA again"
)");
    refused(
        {"import", dir.file("more.toml")},
        "https://eur-lex.europa.eu/eli/reg/2024/2847/oj/ is E7 "
        "(https://eur-lex.europa.eu/eli/reg/2024/2847/oj) under another form of its URL; cite E7 "
        "instead");
    warned(
        {"import", dir.file("more.toml")},
        "https://eur-lex.europa.eu/eli/reg/2024/2847/oj/ is E7 "
        "(https://eur-lex.europa.eu/eli/reg/2024/2847/oj) under another form of its URL; cite E7 "
        "instead");
}
