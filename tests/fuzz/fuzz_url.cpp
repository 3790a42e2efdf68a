// Evidence URLs: what require_web_url accepts is an http(s) URL that it
// accepts again unchanged, whose host and port can be read, and that
// libcurl's parser reads as the same host and port (the checker connects
// where libcurl says); and address vetting classes any IPv6 address without
// crashing.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "audit/address.hpp"
#include "audit/curl_url.hpp"
#include "fuzz_support.hpp"
#include "ids/url.hpp"

using namespace rectrack;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string normal;
    try {
        normal = require_web_url(text, "the URL");
    } catch (const InputError&) {
        normal.clear();
    }
    if (!normal.empty()) {
        if (!normal.starts_with("http://") && !normal.starts_with("https://"))
            fuzz::fail("accepted a URL that is not http(s): " + normal);
        try {
            if (require_web_url(normal, "the URL") != normal)
                fuzz::fail_round_trip("URL", text, normal, "that normalises again differently");
        } catch (const InputError& e) {
            fuzz::fail_round_trip("URL", text, normal, std::string("that is refused: ") + e.what());
        }
        comparable_url(normal);
        if (url_host(normal).empty()) fuzz::fail("an accepted URL has no host: " + normal);
        const auto curl = curl_endpoint(normal);
        if (!curl) fuzz::fail("an accepted URL that libcurl refuses: " + normal);
        if (curl->host != url_host(normal) || curl->port != url_port(normal))
            fuzz::fail("libcurl reads " + curl->host + " port " + curl->port + " in " + normal +
                       ", the core " + url_host(normal) + " port " + url_port(normal));
    }
    if (size >= 16) {
        sockaddr_in6 address{};
        address.sin6_family = AF_INET6;
        std::memcpy(&address.sin6_addr, data, 16);
        private_address(reinterpret_cast<const sockaddr*>(&address));
    }
    return 0;
}
