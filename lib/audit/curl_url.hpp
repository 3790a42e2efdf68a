// Where libcurl will connect for a URL. The link checker vets and pins this
// host, read by libcurl's own parser, so that the address it checked is the
// address libcurl uses; the core's parser (ids/url.cpp) is for recording
// and comparing, and the tests hold the two to the same answers.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace rectrack {

struct Endpoint {
    std::string host;  // lower case, without IPv6 brackets
    std::string port;  // as written, or the scheme's default
};

std::optional<Endpoint> curl_endpoint(std::string_view url);

}  // namespace rectrack
