// Where a URL's host leads, vetted before anything is sent: loopback,
// private, link-local and multicast addresses are refused unless allowed.
#pragma once
#include <string>

struct sockaddr;

namespace rectrack {

bool private_address(const sockaddr* address);

struct Resolved {
    std::string address;  // numeric, to pin the connection to what was vetted
    // "dns" (the name does not exist), "dns_unreachable" (no resolver
    // answered: our network, not the source) or "private".
    std::string error;
};

// Resolves the host once and vets every address, so that a name cannot lead
// a request to a private host (pinning the result also defeats DNS rebinding).
Resolved resolve(const std::string& host, bool allow_private);

}  // namespace rectrack
