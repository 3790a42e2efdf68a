#include "audit/address.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstring>

namespace rectrack {

bool private_address(const sockaddr* a) {
    if (a->sa_family == AF_INET) {
        const auto ip = ntohl(reinterpret_cast<const sockaddr_in*>(a)->sin_addr.s_addr);
        const unsigned b0 = ip >> 24, b1 = (ip >> 16) & 0xff;
        return b0 == 127 || b0 == 10 || b0 == 0 || (b0 == 172 && (b1 & 0xf0) == 16) ||
               (b0 == 192 && b1 == 168) || (b0 == 169 && b1 == 254) ||
               (b0 == 100 && (b1 & 0xc0) == 64) || b0 >= 224;
    }
    if (a->sa_family == AF_INET6) {
        const auto* s6 = &reinterpret_cast<const sockaddr_in6*>(a)->sin6_addr;
        const unsigned char* b = s6->s6_addr;
        if (IN6_IS_ADDR_LOOPBACK(s6) || IN6_IS_ADDR_UNSPECIFIED(s6) || IN6_IS_ADDR_LINKLOCAL(s6) ||
            IN6_IS_ADDR_MULTICAST(s6) || (b[0] & 0xfe) == 0xfc)
            return true;
        if (IN6_IS_ADDR_V4MAPPED(s6)) {
            sockaddr_in v4{};
            v4.sin_family = AF_INET;
            std::memcpy(&v4.sin_addr, b + 12, 4);
            return private_address(reinterpret_cast<const sockaddr*>(&v4));
        }
    }
    return false;
}

Resolved resolve(const std::string& host, bool allow_private) {
    addrinfo hints{}, *list = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host.c_str(), nullptr, &hints, &list) != 0 || !list) return {"", "dns"};
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
