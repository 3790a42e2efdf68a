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

}  // namespace rectrack
