// End-to-end tests of `rectrack report`: every format on the bundled data,
// Markdown through Debian's pandoc, HTML in Debian's headless chromium.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class ReportCli : public CliTest {
  protected:
    // Chromium as the probe of this machine runs it: headless, no network chatter.
    std::vector<std::string> chromium_flags() {
        return {"--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + dir.file("chromium-profile")};
    }
};

size_t occurrences(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_F(ReportCli, EveryFormatOnTheBundledData) {
    ok({"init"});
    const std::string md = ok({"report", "--quarter", "2025-Q1"});
    EXPECT_NE(md.find("# Status report 2025-Q1: Made in China"), std::string::npos);
    // What changed comes first: the AI Act's prohibitions moved R4 on.
    EXPECT_NE(md.find("## Changes in the period\n\n- 2025-02-02 — R4 Binding European rules and "
                      "red lines for AI: Proposed → Partially implemented (advanced); cites "
                      "Regulation (EU) 2024/1689"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("In the period 1 recommendation advanced (R4), 0 regressed"),
              std::string::npos);
    EXPECT_NE(md.find("2025-Q1 (2025-01-01 to 2025-03-31)"), std::string::npos);
    const auto json =
        nlohmann::json::parse(ok({"report", "--quarter", "2025-Q1", "--format", "json"}));
    EXPECT_EQ(json["period"]["quarter"], "2025-Q1");
    ASSERT_EQ(json["recommendations"].size(), 11u);
    // The AI Act's prohibitions applied from 2 February 2025.
    EXPECT_EQ(json["recommendations"][3]["key"], "R4");
    EXPECT_EQ(json["recommendations"][3]["status_start"], "proposed");
    EXPECT_EQ(json["recommendations"][3]["status_end"], "partial");
    EXPECT_EQ(json["recommendations"][3]["direction"], "advanced");
    for (const char* f : {"period", "as_recorded", "summary", "recommendations", "late_entries"})
        EXPECT_TRUE(json.contains(f)) << f;
    const std::string csv = ok({"report", "--quarter", "2025-Q1", "--format", "csv"});
    EXPECT_EQ(occurrences(csv, "\r\n"), 12u);  // header and one row per recommendation
    EXPECT_TRUE(csv.starts_with(
        "period_start,period_end,key,title,status_start,status_end,direction,status_changes,"
        "events,measures,evidence,unsupported,sources_failed,evidence_failing,addressees,owner,"
        "target,deadline,response,response_date,journal_anchor\r\n"));
    const std::string html = ok({"report", "--quarter", "2025-Q1", "--format", "html"});
    EXPECT_EQ(occurrences(html, "<tr data-rec="), 11u);
    EXPECT_EQ(occurrences(html, "<svg "), 2u);
}

TEST_F(ReportCli, DefaultIsTheLastCompleteQuarterAndOutputCanGoToAFile) {
    ok({"init"});
    ok({"report", "--format", "json", "--output", dir.file("r.json")});
    const auto json = nlohmann::json::parse(read_text(dir.file("r.json")));
    EXPECT_EQ(json["period"]["quarter"], "2026-Q3");
    EXPECT_EQ(json["generated"], "2026-11-27T12:00:00Z");
}

TEST_F(ReportCli, BadPeriodsAndKeysAreRejected) {
    ok({"init"});
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"report", "--quarter", "2026-Q5"},
             {"report", "--from", "2026-01-01"},
             {"report", "--from", "2026-03-01", "--to", "2026-01-01"},
             {"report", "--quarter", "2026-Q1", "--to", "2026-01-01"},
             {"report", "--recs", "R1,R99"},
             {"report", "--as-recorded", "last tuesday"},
             {"report", "--format", "pdf"}}) {
        Result r = rt(args);
        EXPECT_EQ(r.code, 2) << ::testing::PrintToString(args);
        EXPECT_TRUE(r.err.starts_with("rectrack: error: ")) << r.err;
    }
}

TEST_F(ReportCli, AnIssuedReportIsReproducedAfterMoreEntries) {
    // Loaded before the report is issued: as recorded on 5 October, the
    // journal must hold something (a report of an empty journal is refused).
    env["RECTRACK_NOW"] = "2026-10-01T09:00:00Z";
    ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
    env["RECTRACK_NOW"] = "2026-10-05T09:00:00Z";
    const std::vector<std::string> args = {
        "report",        "--quarter",           "2026-Q3", "--format", "html",
        "--as-recorded", "2026-10-05T09:00:00Z"};
    const std::string issued = ok(args);
    env["RECTRACK_NOW"] = "2026-11-20T09:00:00Z";
    ok({"status", "R3", "partial", "--date", "2026-08-15", "--evidence", "E2", "--note", "late"});
    ok({"note", "R1", "in the quarter", "--date", "2026-09-01"});
    EXPECT_EQ(ok(args), issued);
    const std::string now = ok({"report", "--quarter", "2026-Q3", "--format", "json"});
    EXPECT_EQ(nlohmann::json::parse(now)["late_entries"].size(), 2u);
}

TEST_F(ReportCli, HtmlEscapesEverythingAndLoadsNothingFromOutside) {
    ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
    const std::string html = ok({"report", "--quarter", "2026-Q3", "--format", "html"});
    EXPECT_NE(html.find("Sanction &amp; &quot;protect&quot; &lt;people&gt;"), std::string::npos);
    EXPECT_EQ(html.find("<people>"), std::string::npos);
    // url(#...) names a pattern inside the page (the charts' hatching); any
    // other url( would fetch something.
    EXPECT_FALSE(std::regex_search(
        html, std::regex(R"(<(script|link|img|iframe)\b|src=|@import|url\((?!#))")));
    EXPECT_NE(html.find("url(#trend-chart-hatch)"), std::string::npos);
}

TEST_F(ReportCli, MarkdownConvertsWithPandoc) {
    ok({"init"});
    ok({"report", "--quarter", "2025-Q1", "--output", dir.file("report.md")});
    Result docx = tool("/usr/bin/pandoc", {dir.file("report.md"), "-o", dir.file("report.docx")});
    ASSERT_EQ(docx.code, 0) << docx.err;
    EXPECT_TRUE(read_text(dir.file("report.docx")).starts_with("PK"));  // a zip, as .docx is
    Result plain = tool("/usr/bin/pandoc", {dir.file("report.md"), "-t", "plain"});
    ASSERT_EQ(plain.code, 0) << plain.err;
    EXPECT_NE(plain.out.find("R11: Platform liability, data protection"), std::string::npos);
    EXPECT_EQ(plain.out.find("\\|"), std::string::npos);  // escapes were understood, not printed
}

TEST_F(ReportCli, MarkdownGivesPandocNoRawHtmlFromRecordedText) {
    ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
    ok({"rec", "add", "R12", "--number", "12", "--title", "<script>alert(1)</script>"});
    EXPECT_EQ(
        rt({"evidence", "add", "https://example.org/a?c=\"><script>x</script>", "--title", "t"})
            .code,
        2);  // a URL with characters RFC 3986 wants encoded is refused at entry
    ok({"evidence", "add", "https://example.org/hostile", "--title", "<img src=x onerror=alert(1)>",
        "--published", "2022-01-15"});
    ok({"evidence", "attach", "https://example.org/hostile", "--to", "R12", "--date",
        "2022-01-20"});
    ok({"note", "R12", "see <iframe src=x> `code` [link](javascript:x)", "--date", "2022-02-01"});
    ok({"report", "--quarter", "2022-Q1", "--output", dir.file("r.md")});
    const std::string md = read_text(dir.file("r.md"));
    EXPECT_NE(md.find("\\<script\\>"), std::string::npos);  // there, and escaped
    EXPECT_NE(md.find("\\<img src=x onerror=alert(1)\\>"), std::string::npos);
    for (const char* reader : {"commonmark", "gfm", "markdown"}) {
        Result html = tool("/usr/bin/pandoc", {"-f", reader, "-t", "html", dir.file("r.md")});
        ASSERT_EQ(html.code, 0) << reader << ": " << html.err;
        // The only images are the charts written beside the report.
        EXPECT_FALSE(std::regex_search(
            html.out, std::regex(R"(<(script|iframe)\b|<img (?!src="r-(status|trend)\.svg"))")))
            << reader << " produced raw HTML:\n"
            << html.out;
        EXPECT_EQ(html.out.find("href=\"javascript:"), std::string::npos) << reader;
    }
}

TEST_F(ReportCli, HtmlOpensInHeadlessChromiumWithItsCharts) {
    ok({"init"});
    ok({"report", "--quarter", "2024-Q3", "--format", "html", "--output", dir.file("report.html")});
    auto flags = chromium_flags();
    flags.push_back("--dump-dom");
    flags.push_back("file://" + dir.file("report.html"));
    Result dom = tool("/usr/bin/chromium", flags);
    ASSERT_EQ(dom.code, 0) << dom.err;
    EXPECT_EQ(occurrences(dom.out, "<tr data-rec="), 11u);  // one row per recommendation
    EXPECT_EQ(occurrences(dom.out, "<svg "), 2u);
    EXPECT_NE(dom.out.find("Status over the last eight quarters"), std::string::npos);

    flags = chromium_flags();
    flags.push_back("--window-size=1000,1400");
    flags.push_back("--screenshot=" + dir.file("report.png"));
    flags.push_back("file://" + dir.file("report.html"));
    Result shot = tool("/usr/bin/chromium", flags);
    ASSERT_EQ(shot.code, 0) << shot.err;
    Result check = tool("/usr/bin/python3", {std::string(RECTRACK_E2E_DIR) + "/png_nonblank.py",
                                             dir.file("report.png")});
    EXPECT_EQ(check.code, 0) << check.out << check.err;
}

// On the bundled data the audit leads with its errors, each with a fix, and
// exits 1 for errors by default; --fail-on takes a severity.
TEST_F(ReportCli, TheAuditLeadsWithErrorsAndFailsOnThemByDefault) {
    ok({"init"});
    const Result text = rt({"audit"});
    ASSERT_TRUE(text.out.starts_with("Audit: ")) << text.out;
    const auto first = text.out.find("\n\n") + 2;
    const std::string section = text.out.substr(first, text.out.find('\n', first) - first);
    const auto json = nlohmann::json::parse(rt({"audit", "--format", "json"}).out);
    bool errors = false;
    for (const auto& f : json["findings"]) {
        EXPECT_FALSE(f["fix"].get<std::string>().empty()) << f.dump();
        errors |= f["severity"] == "error";
    }
    EXPECT_EQ(section, errors ? "Errors" : "Warnings");
    EXPECT_EQ(text.code, errors ? 1 : 0);
    EXPECT_EQ(json["findings"][0]["severity"], errors ? "error" : "warning");
    EXPECT_EQ(rt({"audit", "--fail-on", "info"}).code, 1);  // there are unchecked sources
    // Narrowed to one recommendation, the routine lines shrink with it.
    const auto r11 = nlohmann::json::parse(rt({"audit", "--recs", "R11", "--format", "json"}).out);
    EXPECT_LT(r11["findings"].size(), json["findings"].size());
}

// A quarter that has not ended is refused, naming the period to date that
// can be reported instead; as recorded earlier, "today" is that instant.
TEST_F(ReportCli, APeriodThatHasNotEndedIsRefused) {
    ok({"init"});
    Result r = rt({"report", "--quarter", "2026-Q4"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "rectrack: error: 2026-Q4 has not ended yet (it ends 2026-12-31); report it to date "
              "with --from 2026-10-01 --to 2026-11-27\n");
    EXPECT_EQ(r.out, "");
    EXPECT_NE(ok({"report", "--from", "2026-10-01", "--to", "2026-11-27"}).find("# Status report"),
              std::string::npos);
    env["RECTRACK_NOW"] = "2027-01-05T12:00:00Z";  // Q4 has ended now, but not by the 28th
    EXPECT_EQ(rt({"report", "--quarter", "2026-Q4"}).code, 0);
    r = rt({"report", "--quarter", "2026-Q4", "--as-recorded", "2026-11-28"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("2026-Q4 has not ended yet"), std::string::npos) << r.err;
}

// The bundled report states only its year; every format says so plainly.
TEST_F(ReportCli, AReportKnownOnlyByItsYearSaysSo) {
    ok({"init"});
    EXPECT_NE(ok({"report", "--quarter", "2025-Q1"})
                  .find("Wilfried Martens Centre for European Studies (2020; only the year is "
                        "known)"),
              std::string::npos);
    EXPECT_NE(ok({"report", "--quarter", "2025-Q1", "--format", "html"})
                  .find("(2020; only the year is known)</dd>"),
              std::string::npos);
    const auto json =
        nlohmann::json::parse(ok({"report", "--quarter", "2025-Q1", "--format", "json"}));
    EXPECT_EQ(json["report"]["issued"], "2020-01-01");
    EXPECT_EQ(json["report"]["issued_precision"], "year");
    EXPECT_EQ(ok({"verify"}).find("ok"), 0u);
}
