#include "ids/url.hpp"

#include "model/error.hpp"
#include "model/text.hpp"

namespace rectrack {

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
    const size_t host_start = colon + 3;
    size_t host_end = url.find_first_of("/?#", host_start);
    if (host_end == std::string::npos) host_end = url.size();
    std::string authority = url.substr(host_start, host_end - host_start);
    if (authority.find('@') != std::string::npos) fail("credentials in a URL are not accepted");
    if (authority.empty()) fail("the host is missing");
    for (char c : url)
        if (static_cast<unsigned char>(c) <= ' ') fail("it contains a space or control character");
    return scheme + "://" + to_lower(authority) + url.substr(host_end);
}

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
    std::string scheme, host, port, path, query;
};

UrlParts split(std::string_view url) {
    UrlParts p;
    const size_t colon = url.find("://");
    if (colon == std::string_view::npos) return p;
    p.scheme = to_lower(std::string(url.substr(0, colon)));
    std::string_view rest = url.substr(colon + 3);
    rest = rest.substr(0, rest.find('#'));
    const size_t end = rest.find_first_of("/?");
    std::string authority(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    if (const size_t at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
    if (authority.starts_with("[")) {  // an IPv6 literal: [::1]:8080
        const size_t close = authority.find(']');
        if (close != std::string::npos && authority.compare(close + 1, 1, ":") == 0)
            p.port = authority.substr(close + 2);
        authority = authority.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    } else if (const size_t c = authority.rfind(':'); c != std::string::npos) {
        p.port = authority.substr(c + 1);
        authority.erase(c);
    }
    p.host = to_lower(authority);
    const size_t q = rest.find('?');
    p.path = std::string(rest.substr(0, q));
    if (q != std::string_view::npos) p.query = std::string(rest.substr(q + 1));
    return p;
}

}  // namespace

std::string comparable_url(std::string_view url) {
    UrlParts p = split(trim(url));
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
    return split(trim(url)).host;
}

std::string url_port(std::string_view url) {
    const UrlParts p = split(trim(url));
    if (!p.port.empty()) return p.port;
    return p.scheme == "https" ? "443" : "80";
}

}  // namespace rectrack
