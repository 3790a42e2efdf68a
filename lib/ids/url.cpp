#include "ids/url.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

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

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// One part of a numeric IPv4 host as inet_aton reads it: decimal, octal
// after a 0, hexadecimal after 0x.
std::optional<unsigned long long> ipv4_number(std::string_view s) {
    int base = 10;
    if (s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s.remove_prefix(2);
    } else if (s.size() > 1 && s[0] == '0') {
        base = 8;
        s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;  // "0x" alone is a name to libcurl
    unsigned long long n = 0;
    for (char c : s) {
        const int d = is_digit(c)                              ? c - '0'
                      : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                               : 99;
        if (d >= base) return std::nullopt;
        n = n * base + d;
        if (n > 0xFFFFFFFFULL) return std::nullopt;
    }
    return n;
}

// A host written as a number ("2130706433", "0x7f.1", "127.1") names the
// same address as its dotted form; libcurl connects to that form, so it
// is the host rectrack vets and compares.
std::optional<std::string> dotted_ipv4(std::string_view host) {
    std::vector<unsigned long long> parts;
    size_t at = 0;
    while (true) {
        const size_t dot = host.find('.', at);
        const auto n =
            ipv4_number(host.substr(at, dot == std::string_view::npos ? host.npos : dot - at));
        if (!n || parts.size() == 4) return std::nullopt;
        parts.push_back(*n);
        if (dot == std::string_view::npos) break;
        at = dot + 1;
    }
    unsigned long long value = 0;
    const size_t last = parts.size() - 1;
    for (size_t i = 0; i < last; ++i) {
        if (parts[i] > 255) return std::nullopt;
        value |= parts[i] << (8 * (3 - i));
    }
    if (parts[last] >= (1ULL << (8 * (4 - last)))) return std::nullopt;
    value |= parts[last];
    return std::to_string(value >> 24) + "." + std::to_string((value >> 16) & 255) + "." +
           std::to_string((value >> 8) & 255) + "." + std::to_string(value & 255);
}

// RFC 3986 section 5.2.4: "/a/./b/../c" is "/a/c", as libcurl sends it.
std::string without_dot_segments(std::string_view in) {
    std::string out;
    while (!in.empty()) {
        if (in.starts_with("../"))
            in.remove_prefix(3);
        else if (in.starts_with("./"))
            in.remove_prefix(2);
        else if (in.starts_with("/./"))
            in.remove_prefix(2);
        else if (in == "/.")
            in = "/";
        else if (in.starts_with("/../") || in == "/..") {
            in = in.size() == 3 ? std::string_view("/") : in.substr(3);
            const size_t slash = out.rfind('/');
            out.erase(slash == std::string::npos ? 0 : slash);
        } else if (in == "." || in == "..")
            in = {};
        else {
            const size_t next = in.find('/', 1);
            const size_t n = next == std::string_view::npos ? in.size() : next;
            out.append(in.substr(0, n));
            in.remove_prefix(n);
        }
    }
    return out;
}

// A bracketed IPv6 literal, rewritten as libcurl does: in canonical text
// where that is shorter ("::fff:a00:1" for "::fff:10.0.0.1"), else as
// written. A zone id is not accepted.
std::optional<std::string> ipv6_literal(std::string_view h) {
    in6_addr address{};
    if (inet_pton(AF_INET6, std::string(h).c_str(), &address) != 1) return std::nullopt;
    char text[INET6_ADDRSTRLEN];
    if (!inet_ntop(AF_INET6, &address, text, sizeof text)) return std::nullopt;
    const std::string canonical(text);
    return canonical.size() < h.size() ? canonical : to_lower(std::string(h));
}

// The parts of an absolute URL as libcurl's URL parser reads them (the test
// and the URL fuzzer compare the two): scheme and host in lower case, IPv6
// brackets removed and the address in canonical text, numeric IPv4 hosts
// dotted, the port only when it is written, dot segments
// removed from the path. Not a URL: nullopt.
std::optional<UrlParts> split(std::string_view url) {
    const size_t colon = url.find("://");
    if (colon == std::string_view::npos || colon == 0 ||
        !std::isalpha(static_cast<unsigned char>(url[0])))
        return std::nullopt;
    UrlParts p;
    p.scheme = to_lower(std::string(url.substr(0, colon)));
    for (char c : p.scheme)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
            return std::nullopt;
    std::string_view rest = url.substr(colon + 3);
    const size_t authority_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, authority_end);
    rest =
        authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
    if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
        p.user = std::string(authority.substr(0, at));
        authority.remove_prefix(at + 1);
    }
    std::string_view port;
    if (authority.starts_with('[')) {
        const size_t close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        const auto literal = ipv6_literal(authority.substr(1, close - 1));
        if (!literal) return std::nullopt;
        p.host = *literal;
        authority.remove_prefix(close + 1);
        if (!authority.empty() && authority[0] != ':') return std::nullopt;
        if (!authority.empty()) port = authority.substr(1);
    } else {
        const size_t c = authority.rfind(':');
        if (c != std::string_view::npos) port = authority.substr(c + 1);
        p.host = to_lower(std::string(authority.substr(0, c)));
        // The characters libcurl refuses in a host name.
        if (p.host.find_first_of(" \r\n\t/:#?!@{}[]\\$'\"^`*<>=;,+&()%") != std::string::npos)
            return std::nullopt;
        if (auto dotted = dotted_ipv4(p.host)) p.host = *dotted;
    }
    if (p.host.empty()) return std::nullopt;
    if (!port.empty()) {
        if (port.size() > 5 || !std::all_of(port.begin(), port.end(), is_digit) ||
            std::stoul(std::string(port)) > 65535)
            return std::nullopt;
        p.port = std::to_string(std::stoul(std::string(port)));
    }
    const size_t hash = rest.find('#');
    if (hash != std::string_view::npos) rest = rest.substr(0, hash);
    const size_t q = rest.find('?');
    p.path = without_dot_segments(rest.substr(0, q));
    if (p.path.empty()) p.path = "/";
    if (q != std::string_view::npos) p.query = std::string(rest.substr(q + 1));
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
