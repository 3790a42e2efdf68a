// The report formats. Each takes the finished StatusReport and only lays it
// out; the same report always renders to the same bytes.
#pragma once
#include <string>

#include "report/report.hpp"

namespace rectrack {

std::string render_markdown(const StatusReport& r);
std::string render_html(const StatusReport& r);  // one self-contained file, inline CSS and SVG
std::string render_csv(const StatusReport& r);   // RFC 4180, CRLF, one row per recommendation
std::string render_json(const StatusReport& r);  // field names documented in README.md

// Plain words shared by the formats a person reads (report.cpp).
// "partly_advances" -> "partly advances": vocabulary words as prose.
std::string plain_word(const std::string& word);
// One change as a sentence without its date: "R4 Binding rules for AI:
// Proposed → Partially implemented", "Regulation (EU) 2024/1689 (ai-act)
// reached the stage: applies", "Note on R10 Funding research: text".
std::string change_sentence(const ReportChange& c, const StatusScale& scale);
// "#212 retracts #193 (R4 -> implemented, 2026-08-01)".
std::string correction_sentence(const Correction& c);

}  // namespace rectrack
