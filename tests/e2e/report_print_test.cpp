// The report in the formats a director opens: PDF printed by headless
// chromium, and Word through pandoc from the Markdown with its charts.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class ReportPrint : public CliTest {
  protected:
    // The text of one page of a PDF, or of all pages (page 0).
    std::string pdf_text(const std::string& pdf, int page = 0) {
        std::vector<std::string> args = {"-layout"};
        if (page) args.insert(args.end(), {"-f", std::to_string(page), "-l", std::to_string(page)});
        args.insert(args.end(), {pdf, "-"});
        Result r = tool("/usr/bin/pdftotext", args);
        EXPECT_EQ(r.code, 0) << r.err;
        return r.out;
    }
};

int pdf_pages(const std::string& info) {
    std::smatch m;
    return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : 0;
}

// How far down each page its body text reaches, as a share of the page's
// height; the running header and the page number are left out.
std::vector<double> body_depths(const std::string& bbox) {
    std::vector<double> depths;
    const std::regex page(R"re(<page width="[\d.]+" height="([\d.]+)">)re");
    const std::regex word(R"re(yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<)re");
    std::vector<std::pair<size_t, double>> starts;
    for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), page);
         it != std::sregex_iterator(); ++it)
        starts.push_back({static_cast<size_t>(it->position()), std::stod((*it)[1])});
    for (size_t i = 0; i < starts.size(); ++i) {
        const size_t end = i + 1 < starts.size() ? starts[i + 1].first : bbox.size();
        const std::string text = bbox.substr(starts[i].first, end - starts[i].first);
        const double height = starts[i].second;
        double deepest = 0;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), word);
             it != std::sregex_iterator(); ++it) {
            const double top = std::stod((*it)[1]), bottom = std::stod((*it)[2]);
            if (top > height * 0.07 && bottom < height * 0.93) deepest = std::max(deepest, bottom);
        }
        depths.push_back(deepest / height);
    }
    return depths;
}

}  // namespace

TEST_F(ReportPrint, PdfIsA4WithTheReportPeriodAndPageNumberOnEveryPage) {
    ok({"init"});
    const std::string pdf = dir.file("q.pdf");
    EXPECT_EQ(ok({"report", "--quarter", "2025-Q1", "--format", "pdf", "--output", pdf}), "");
    Result info = tool("/usr/bin/pdfinfo", {pdf});
    ASSERT_EQ(info.code, 0) << info.err;
    EXPECT_NE(info.out.find("(A4)"), std::string::npos) << info.out;
    const int pages = pdf_pages(info.out);
    ASSERT_GT(pages, 1);
    const std::string all = pdf_text(pdf);
    for (int r = 1; r <= 11; ++r)
        EXPECT_TRUE(std::regex_search(all, std::regex("R" + std::to_string(r) + ":")))
            << "R" << r << " is missing from the PDF";
    for (int p = 1; p <= pages; ++p) {
        const std::string text = pdf_text(pdf, p);
        EXPECT_NE(text.find("Status report 2025-Q1: Made in China"), std::string::npos)
            << "page " << p;
        EXPECT_NE(text.find("Page " + std::to_string(p) + " of " + std::to_string(pages)),
                  std::string::npos)
            << "page " << p;
    }
    // No page but the last is left half empty by a forced break.
    Result bbox = tool("/usr/bin/pdftotext", {"-bbox", pdf, "-"});
    const auto depths = body_depths(bbox.out);
    ASSERT_EQ(depths.size(), static_cast<size_t>(pages));
    for (int p = 0; p + 1 < pages; ++p) EXPECT_GT(depths[p], 0.5) << "page " << p + 1;
}

TEST_F(ReportPrint, PdfNeedsAnOutputFileAndChromium) {
    ok({"init"});
    Result no_file = rt({"report", "--quarter", "2025-Q1", "--format", "pdf"});
    EXPECT_EQ(no_file.code, 2);
    EXPECT_NE(no_file.err.find("give --output FILE.pdf"), std::string::npos) << no_file.err;
    env["RECTRACK_CHROMIUM"] = dir.file("no-such-chromium");
    Result missing = rt({"report", "--quarter", "2025-Q1", "--format", "pdf", "-o", "q.pdf"});
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("headless chromium, which was not found"), std::string::npos)
        << missing.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("q.pdf")));
}

TEST_F(ReportPrint, WordFromTheMarkdownShowsBothChartsAndAReadableTitleColumn) {
    ok({"init"});
    ok({"report", "--quarter", "2025-Q1", "--output", dir.file("q3.md")});
    const std::string md = read_text(dir.file("q3.md"));
    EXPECT_NE(md.find("![Status at the end of the period](<q3-status.svg>)"), std::string::npos);
    EXPECT_NE(md.find("![Status over the last eight quarters](<q3-trend.svg>)"), std::string::npos);
    EXPECT_TRUE(read_text(dir.file("q3-status.svg")).starts_with("<svg xmlns="));
    EXPECT_NE(read_text(dir.file("q3-trend.svg")).find("2025-Q1"), std::string::npos);
    Result docx = tool("/usr/bin/pandoc", {"q3.md", "-o", "q3.docx"});
    ASSERT_EQ(docx.code, 0) << docx.err;
    Result layout = tool("/usr/bin/python3",
                         {std::string(RECTRACK_E2E_DIR) + "/docx_summary.py", dir.file("q3.docx")});
    ASSERT_EQ(layout.code, 0) << layout.err;
    EXPECT_NE(layout.out.find("drawings 2\n"), std::string::npos) << layout.out;
    EXPECT_EQ(layout.out.find("media 0\n"), std::string::npos) << layout.out;
    std::smatch share;
    ASSERT_TRUE(std::regex_search(layout.out, share, std::regex(R"(first_column_share ([\d.]+))")));
    EXPECT_GT(std::stod(share[1]), 0.3) << layout.out;
}

TEST_F(ReportPrint, UnchangedRecommendationsCollapseIntoOneLine) {
    ok({"init"});
    const std::string full = ok({"report", "--quarter", "2025-Q1"});
    const std::string short_md = ok({"report", "--quarter", "2025-Q1", "--collapse-unchanged"});
    // R4 moved and R2 had a (late) entry in 2025-Q1; the others had nothing.
    EXPECT_NE(short_md.find("### R4: "), std::string::npos);
    EXPECT_NE(short_md.find("### R2: "), std::string::npos);
    EXPECT_EQ(short_md.find("### R1: "), std::string::npos);
    EXPECT_NE(short_md.find("Nothing in the period for R1, R3, R5, R6, R7, R8, R9, R10, R11: "
                            "their status is unchanged"),
              std::string::npos)
        << short_md;
    EXPECT_NE(full.find("### R1: "), std::string::npos);
    // The tables still list every recommendation.
    EXPECT_NE(short_md.find("| R1 "), std::string::npos);
    const std::string html =
        ok({"report", "--quarter", "2025-Q1", "--format", "html", "--collapse-unchanged"});
    EXPECT_EQ(html.find("id=\"rec-R1\""), std::string::npos);
    EXPECT_NE(html.find("<p id=\"unchanged\">Nothing in the period for R1, R3,"),
              std::string::npos);
}
