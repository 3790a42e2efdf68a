#include "url.hpp"

#include "error.hpp"
#include "text.hpp"

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

}  // namespace rectrack
