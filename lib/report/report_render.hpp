// The report formats. Each takes the finished StatusReport and only lays it
// out; the same report always renders to the same bytes.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <string>

#include "report/report.hpp"

namespace rectrack {

// Choices of layout that leave the report's content alone.
struct RenderOptions {
    // Recommendations with nothing in the period share one line instead of
    // a section each (Markdown and HTML; the tables still list every one).
    bool collapse_unchanged = false;
    // Markdown only: file names of the two charts, written beside the
    // report, for the Markdown to show as images (empty: no charts).
    std::string status_chart, trend_chart;
};

std::string render_markdown(const StatusReport& r, const RenderOptions& options = {});
// The same bytes, written as they are made: a million events' report is
// never held whole in memory.
void write_markdown(const StatusReport& r, const RenderOptions& options, std::ostream& out);
// One self-contained file, inline CSS and SVG; printed on A4 with the
// report, the period and the page number on every page.
std::string render_html(const StatusReport& r, const RenderOptions& options = {});
std::string render_csv(const StatusReport& r);   // RFC 4180, CRLF, one row per recommendation
std::string render_json(const StatusReport& r);  // field names documented in README.md
// The same bytes, written as they are made.
void write_json(const StatusReport& r, std::ostream& out);

// The two charts as standalone SVG documents: the status at the end of the
// period, and the eight quarters that end with it.
std::string status_chart_svg(const StatusReport& r);
std::string trend_chart_svg(const StatusReport& r);

// Whether a recommendation had nothing in the period: no event, no stage
// reached by a linked measure, and the same status at both ends.
bool unchanged_in_period(const ReportRecommendation& rec);

// Prints an HTML report to a PDF file through headless chromium (found as
// $RECTRACK_CHROMIUM, or chromium or google-chrome on the PATH). The file
// appears whole or not at all. InputError when no chromium is installed.
void print_pdf(const std::string& html, const std::filesystem::path& output);

// Plain words shared by the formats a person reads (report.cpp).
// "partly_advances" -> "partly advances": vocabulary words as prose.
std::string plain_word(const std::string& word);
// "applies (Art. 14 reporting obligations) 2026-09-11".
std::string stage_words(const MeasureStage& s);
// One change as a sentence without its date: "R4 Binding rules for AI:
// Proposed → Partially implemented", "Regulation (EU) 2024/1689 (ai-act)
// reached the stage: applies", "Note on R10 Funding research: text".
std::string change_sentence(const ReportChange& c, const StatusScale& scale);
// An owner named, a target set, moved or cleared, or a response, in words:
// "target date moved from 2026-12-31 to 2027-06-30 (Council delays)".
std::string follow_up_words(const Event& e);
// "2027-06-30 (overdue)", or "" without a target.
std::string target_words(const ReportRecommendation& rec);
// "partially accepted (2021-03-22)", or "no response recorded".
std::string response_cell(const ReportRecommendation& rec);
// "#212 retracts #193 (R4 -> implemented, 2026-08-01)".
std::string correction_sentence(const Correction& c);

}  // namespace rectrack
