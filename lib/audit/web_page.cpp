#include "audit/web_page.hpp"

#include <cctype>
#include <set>

#include "model/text.hpp"

namespace rectrack {

namespace {

std::string strip_between(std::string s, const std::string& open, const std::string& close) {
    std::string lower = to_lower(s);
    for (size_t at = lower.find(open); at != std::string::npos; at = lower.find(open, at)) {
        const size_t end = lower.find(close, at);
        const size_t stop = end == std::string::npos ? s.size() : end + close.size();
        s.erase(at, stop - at);
        lower.erase(at, stop - at);
    }
    return s;
}

// The <title> and first <h1> of a page, lower-cased.
std::string headline(const std::string& body) {
    const std::string lower = to_lower(body);
    std::string out;
    for (const char* tag : {"title", "h1"}) {
        const size_t open = lower.find(std::string("<") + tag);
        if (open == std::string::npos) continue;
        const size_t start = lower.find('>', open);
        const size_t end = lower.find(std::string("</") + tag, start);
        if (start != std::string::npos && end != std::string::npos)
            out += lower.substr(start + 1, end - start - 1) + " ";
    }
    return out;
}

}  // namespace

bool is_html(const std::string& content_type, const std::string& body) {
    const std::string ct = to_lower(content_type);
    if (ct.find("html") != std::string::npos) return true;
    return ct.empty() && to_lower(body.substr(0, 512)).find("<html") != std::string::npos;
}

bool says_not_found(const std::string& body) {
    const std::string h = headline(body);
    for (const char* phrase : {"not found", "404", "does not exist", "no longer available",
                               "page unavailable", "cannot be found"})
        if (h.find(phrase) != std::string::npos) return true;
    return false;
}

bool bot_challenge(const std::string& body) {
    const std::string lower = to_lower(body.substr(0, 64 * 1024));
    for (const char* marker : {"captcha", "are you a robot", "cf-chl", "just a moment",
                               "challenge-platform", "verify you are human"})
        if (lower.find(marker) != std::string::npos) return true;
    return false;
}

bool is_home_page(const std::string& url) {
    const size_t scheme = url.find("://");
    if (scheme == std::string::npos) return false;
    const size_t path = url.find('/', scheme + 3);
    return path == std::string::npos || url.substr(path) == "/" ||
           to_lower(url.substr(path)).starts_with("/?") ||
           std::set<std::string>{"/index.html", "/en", "/en/", "/home"}.contains(
               to_lower(url.substr(path)));
}

std::string normalised_text(const std::string& body, const std::string& content_type) {
    if (!is_html(content_type, body)) return body;  // PDFs and the like: the bytes are the text
    std::string s = strip_between(
        strip_between(strip_between(body, "<script", "</script>"), "<style", "</style>"), "<!--",
        "-->");
    std::string out;
    bool in_tag = false, space = false;
    for (char c : s) {
        if (c == '<') {
            in_tag = true;
            continue;
        }
        if (c == '>') {
            in_tag = false;
            space = true;
            continue;
        }
        if (in_tag) continue;
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace rectrack
