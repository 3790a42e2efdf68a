// Evidence URLs. Only http and https are accepted: a file:// or javascript:
// link cannot be checked by an auditor and must never be followed.
#pragma once
#include <string>
#include <string_view>

namespace rectrack {

// Returns the URL trimmed, with scheme and host in lower case; throws
// InputError naming `what` when it is not an absolute http(s) URL.
std::string require_web_url(std::string_view text, std::string_view what);

// The form two URLs of one source share: scheme and host folded, default
// port, fragment, tracking parameters (utm_*, fbclid, gclid, ...) and a
// trailing slash dropped. http and https count as the same source.
std::string comparable_url(std::string_view url);

// The host of an http(s) URL, lower case, without port or IPv6 brackets.
std::string url_host(std::string_view url);
// Its port, or the scheme's default.
std::string url_port(std::string_view url);

}  // namespace rectrack
