// Evidence URLs. Only http and https are accepted: a file:// or javascript:
// link cannot be checked by an auditor and must never be followed.
#pragma once
#include <string>
#include <string_view>

namespace rectrack {

// Returns the URL trimmed, with scheme and host in lower case; throws
// InputError naming `what` when it is not an absolute http(s) URL.
std::string require_web_url(std::string_view text, std::string_view what);

}  // namespace rectrack
