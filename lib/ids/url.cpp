#include "ids/url.hpp"

#include <curl/curl.h>

#include <memory>
#include <optional>

#include "model/error.hpp"
#include "model/text.hpp"

namespace rectrack {

namespace {

bool tracking_parameter(std::string_view name) {
    static constexpr std::string_view kNames[] = {"fbclid", "gclid", "dclid",  "msclkid", "mc_cid",
                                                  "mc_eid", "yclid", "_hsenc", "_hsmi",   "igshid"};
    if (name.starts_with("utm_")) return true;
    for (auto n : kNames)
        if (name == n) return true;
    return false;
}

struct UrlParts {
    std::string scheme, user, host, port, path, query;
};

struct UrlHandleFree {
    void operator()(CURLU* h) const { curl_url_cleanup(h); }
};

std::string part(CURLU* h, CURLUPart which) {
    char* value = nullptr;
    if (curl_url_get(h, which, &value, 0) != CURLUE_OK || !value) return {};
    std::string out(value);
    curl_free(value);
    return out;
}

// libcurl's own URL parser (CURLU), so that what rectrack calls a URL's
// host is what libcurl will connect to. Scheme and host in lower case,
// IPv6 brackets removed, the port only when it is written.
std::optional<UrlParts> split(std::string_view url) {
    const std::unique_ptr<CURLU, UrlHandleFree> h(curl_url());
    if (!h || curl_url_set(h.get(), CURLUPART_URL, std::string(url).c_str(),
                           CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return std::nullopt;
    UrlParts p;
    p.scheme = to_lower(part(h.get(), CURLUPART_SCHEME));
    p.user = part(h.get(), CURLUPART_USER) + part(h.get(), CURLUPART_PASSWORD);
    p.host = to_lower(part(h.get(), CURLUPART_HOST));
    if (p.host.size() > 1 && p.host.front() == '[' && p.host.back() == ']')
        p.host = p.host.substr(1, p.host.size() - 2);
    p.port = part(h.get(), CURLUPART_PORT);
    p.path = part(h.get(), CURLUPART_PATH);
    p.query = part(h.get(), CURLUPART_QUERY);
    return p;
}

}  // namespace

std::string require_web_url(std::string_view text, std::string_view what) {
    const std::string url = trim(text);
    auto fail = [&](const std::string& why) -> std::string {
        throw InputError("invalid " + std::string(what) + " '" + url + "': " + why);
    };
    const size_t colon = url.find("://");
    if (colon == std::string::npos) fail("expected an absolute http:// or https:// URL");
    const std::string scheme = to_lower(url.substr(0, colon));
    if (scheme != "http" && scheme != "https")
        fail("only http and https URLs are accepted, not " + scheme + "://");
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7F)
            fail("it contains a space or control character");
        // RFC 3986 lets none of these stand unencoded; in a report they
        // could close a link and open markup.
        if (std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos)
            fail(std::string("the character '") + c + "' must be percent-encoded");
    }
    const auto parts = split(url);
    if (!parts) fail("it is not a well-formed URL");
    if (!parts->user.empty()) fail("credentials in a URL are not accepted");
    if (parts->host.empty()) fail("the host is missing");
    // Scheme and authority fold to lower case; the rest is kept as written.
    const size_t host_start = colon + 3;
    size_t host_end = url.find_first_of("/?#", host_start);
    if (host_end == std::string::npos) host_end = url.size();
    return scheme + "://" + to_lower(url.substr(host_start, host_end - host_start)) +
           url.substr(host_end);
}

std::string comparable_url(std::string_view url) {
    auto parsed = split(trim(url));
    if (!parsed) return "web://" + to_lower(trim(url));  // not a URL: only itself is the same
    UrlParts& p = *parsed;
    if ((p.scheme == "http" && p.port == "80") || (p.scheme == "https" && p.port == "443"))
        p.port.clear();
    while (p.path.size() > 1 && p.path.back() == '/') p.path.pop_back();
    if (p.path == "/") p.path.clear();
    std::string query;
    size_t at = 0;
    while (at <= p.query.size() && !p.query.empty()) {
        size_t amp = p.query.find('&', at);
        if (amp == std::string::npos) amp = p.query.size();
        const std::string param = p.query.substr(at, amp - at);
        if (!param.empty() && !tracking_parameter(param.substr(0, param.find('='))))
            query += (query.empty() ? "" : "&") + param;
        at = amp + 1;
    }
    return "web://" + p.host + (p.port.empty() ? "" : ":" + p.port) + p.path +
           (query.empty() ? "" : "?" + query);
}

std::string url_host(std::string_view url) {
    const auto p = split(trim(url));
    return p ? p->host : std::string();
}

std::string url_port(std::string_view url) {
    const auto p = split(trim(url));
    if (p && !p->port.empty()) return p->port;
    return p && p->scheme == "https" ? "443" : "80";
}

}  // namespace rectrack
