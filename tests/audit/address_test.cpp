#include "audit/address.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

using namespace rectrack;

namespace {
bool is_private(const char* text) {
    sockaddr_in v4{};
    sockaddr_in6 v6{};
    if (inet_pton(AF_INET, text, &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        return private_address(reinterpret_cast<sockaddr*>(&v4));
    }
    inet_pton(AF_INET6, text, &v6.sin6_addr);
    v6.sin6_family = AF_INET6;
    return private_address(reinterpret_cast<sockaddr*>(&v6));
}
}  // namespace

TEST(Address, LoopbackPrivateLinkLocalAndMulticastAreRefused) {
    for (const char* a :
         {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
          "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1",
          "fd00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
        EXPECT_TRUE(is_private(a)) << a;
}

TEST(Address, PublicAddressesAreAllowed) {
    for (const char* a :
         {"8.8.8.8", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2001:db8::1", "::ffff:8.8.8.8"})
        EXPECT_FALSE(is_private(a)) << a;
}

TEST(Address, ResolvingALoopbackNameIsRefusedUnlessAllowed) {
    EXPECT_EQ(resolve("localhost", false).error, "private");
    EXPECT_EQ(resolve("127.0.0.1", false).error, "private");
    const Resolved allowed = resolve("127.0.0.1", true);
    EXPECT_TRUE(allowed.error.empty());
    EXPECT_EQ(allowed.address, "127.0.0.1");
}

TEST(Address, IPv6FormsThatCarryAnIPv4AddressAreClassedByIt) {
    for (const char* a : {"::127.0.0.1", "::10.0.0.1", "::ffff:0:127.0.0.1", "64:ff9b::7f00:1",
                          "64:ff9b::a00:1", "64:ff9b:1::1", "2002:7f00:1::1", "2002:c0a8:101::1",
                          "2001:0:7f00:1::1", "2001:0:808:808::80ff:fffe"})
        EXPECT_TRUE(is_private(a)) << a;
    for (const char* a : {"::8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
        EXPECT_FALSE(is_private(a)) << a;
}
