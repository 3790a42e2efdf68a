// What a fetched page says: its readable text, and the signs of a page that
// is not what was cited (a "not found" page served with 200, a bot
// challenge, a site's home page).
#pragma once
#include <string>

namespace rectrack {

bool is_html(const std::string& content_type, const std::string& body);
// The text of an HTML page with scripts, styles, comments, tags and spacing
// removed, lower-cased: what a reader sees, so markup churn leaves it
// unchanged. Other content (a PDF) is its own text.
std::string normalised_text(const std::string& body, const std::string& content_type);
// The page's title or first heading says it was not found.
bool says_not_found(const std::string& body);
// A CAPTCHA or similar challenge instead of the page.
bool bot_challenge(const std::string& body);
// The URL is a site's front page ("/", "/index.html", "/en").
bool is_home_page(const std::string& url);

}  // namespace rectrack
