#include "audit/address.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace rectrack {

namespace {

bool private_v4(std::uint32_t ip) {
    const unsigned b0 = ip >> 24, b1 = (ip >> 16) & 0xff;
    return b0 == 127 || b0 == 10 || b0 == 0 || (b0 == 172 && (b1 & 0xf0) == 16) ||
           (b0 == 192 && b1 == 168) || (b0 == 169 && b1 == 254) ||
           (b0 == 100 && (b1 & 0xc0) == 64) || b0 >= 224;
}

std::uint32_t v4_at(const unsigned char* b) {
    return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 |
           std::uint32_t{b[3]};
}

// The IPv4 addresses an IPv6 address carries inside it, by the forms that
// route to them: IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96),
// SIIT (::ffff:0:0:0/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and
// Teredo (2001::/32, server and obfuscated client).
std::vector<std::uint32_t> embedded_v4(const unsigned char* b) {
    static constexpr unsigned char zeros[10] = {};
    const bool first80_zero = std::memcmp(b, zeros, 10) == 0;
    if (first80_zero && ((b[10] == 0xff && b[11] == 0xff) || (b[10] == 0 && b[11] == 0)))
        return {v4_at(b + 12)};  // ::ffff:a.b.c.d and ::a.b.c.d
    if (std::memcmp(b, zeros, 8) == 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        return {v4_at(b + 12)};  // ::ffff:0:a.b.c.d
    static constexpr unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b};
    if (std::memcmp(b, nat64, 12) == 0) return {v4_at(b + 12)};
    if (b[0] == 0x20 && b[1] == 0x02) return {v4_at(b + 2)};
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        return {v4_at(b + 4), ~v4_at(b + 12)};
    return {};
}

}  // namespace

bool private_address(const sockaddr* a) {
    if (a->sa_family == AF_INET)
        return private_v4(ntohl(reinterpret_cast<const sockaddr_in*>(a)->sin_addr.s_addr));
    if (a->sa_family == AF_INET6) {
        const auto* s6 = &reinterpret_cast<const sockaddr_in6*>(a)->sin6_addr;
        const unsigned char* b = s6->s6_addr;
        if (IN6_IS_ADDR_LOOPBACK(s6) || IN6_IS_ADDR_UNSPECIFIED(s6) || IN6_IS_ADDR_LINKLOCAL(s6) ||
            IN6_IS_ADDR_MULTICAST(s6) || (b[0] & 0xfe) == 0xfc)
            return true;
        // The local-use NAT64 prefix (64:ff9b:1::/48) reaches a private network.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
            return true;
        for (auto v4 : embedded_v4(b))
            if (private_v4(v4)) return true;
    }
    return false;
}

Resolved resolve(const std::string& host, bool allow_private) {
    addrinfo hints{}, *list = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    const int status = getaddrinfo(host.c_str(), nullptr, &hints, &list);
    if (status == EAI_AGAIN || status == EAI_FAIL || status == EAI_SYSTEM)
        return {"", "dns_unreachable"};
    if (status != 0 || !list) return {"", "dns"};
    Resolved r;
    for (addrinfo* a = list; a; a = a->ai_next) {
        if (!allow_private && private_address(a->ai_addr)) {
            r = {"", "private"};
            break;
        }
        if (r.address.empty()) {
            char text[INET6_ADDRSTRLEN] = {};
            const void* src = a->ai_family == AF_INET
                                  ? static_cast<const void*>(
                                        &reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr)
                                  : static_cast<const void*>(
                                        &reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
            inet_ntop(a->ai_family, src, text, sizeof text);
            r.address = a->ai_family == AF_INET6 ? "[" + std::string(text) + "]" : text;
        }
    }
    freeaddrinfo(list);
    return r;
}

}  // namespace rectrack
