// Escaping for the report formats: every string from the database passes
// through one of these before it is written into a document.
#pragma once
#include <string>
#include <string_view>

namespace rectrack {

std::string html_escape(std::string_view s);  // & < > " '
// A CSS string literal, quotes included, safe inside an HTML <style>: every
// ASCII byte but letters, digits, space and plain punctuation is written as
// a hex escape, so nothing can end the string, the rule or the element.
std::string css_string(std::string_view s);
std::string markdown_escape(std::string_view s);
// A link destination for Markdown's <...> form: every byte a URL may not
// carry unencoded (space, controls, " < > \\ ^ ` { | }) is percent-encoded,
// so a stored URL can never close the link and inject markup.
std::string markdown_url(std::string_view url);  // table- and emphasis-safe, one line
// RFC 4180, quoted when it must be; a cell that a spreadsheet would run as a
// formula (leading = + - @, tab or CR) gets a leading apostrophe.
std::string csv_field(std::string_view s);

}  // namespace rectrack
