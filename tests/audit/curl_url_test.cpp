#include "audit/curl_url.hpp"

#include <gtest/gtest.h>

#include "ids/url.hpp"

using namespace rectrack;

// The core reads URLs with its own parser, so that `rectrack` need not load
// libcurl; the link checker connects where libcurl's parser says. Wherever
// the core accepts a URL, the two must name the same host and port, or the
// host an audit reports would not be the host it checked.
TEST(CurlUrl, TheCoresParserNamesTheHostAndPortLibcurlConnectsTo) {
    for (const char* url : {
             "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022R2065",
             "HTTPS://EUR-Lex.Europa.EU:8443/eli",
             "http://example.org",
             "http://example.org:80/",
             "http://example.org:0081/x",
             "http://example.org:/x",
             "https://example.org@evil.example/x",
             "https://@example.org/x",
             "http://[::1]:8080/x",
             "http://[64:ff9b::7f00:1]/",
             "http://[::ffff:127.0.0.1]/",
             "http://[::fff:10.0.0.1]:8080/a%20b?c=d#e",  // found by fuzz_url
             "http://[0:0::1]/",
             "http://[::ffff:11]/../../@%20bqa",  // found by fuzz_url
             "http://[::1%25eth0]/",
             "http://2130706433/",
             "http://0x7f.1/",
             "http://0177.0.0.1/",
             "http://0x/",
             "http://0x.1/",
             "http://08.1/",
             "http://127.1/",
             "http://10.0.0.1.example/",
             "http://1.2.3.4.5/",
             "http://256.1.1.1/",
             "http://example.org/a/../../b/./c?x=1#y",
             "http://example.org?x=1",
             "http://example.org#frag",
             "http://xn--bcher-kva.example/",
             "http://a_b.example/",
             "http://example.org:65535/",
             "http://example.org:65536/",
             "http://example.org:8o/",
             "http://exa mple.org/",
             "http://exa%41mple.org/",
             "http://[::1/",
             "http://[::1]x/",
             "http://",
             "http:///x",
             "not a url",
         }) {
        const std::string host = url_host(url);
        if (host.empty()) continue;  // refused by the core: never fetched
        const auto curl = curl_endpoint(url);
        ASSERT_TRUE(curl) << url << ": the core accepts what libcurl refuses";
        EXPECT_EQ(host, curl->host) << url;
        EXPECT_EQ(url_port(url), curl->port) << url;
    }
}

TEST(CurlUrl, TheCoreDropsDotSegmentsAsLibcurlSendsThem) {
    EXPECT_EQ(comparable_url("http://example.org/a/../b/./c"),
              comparable_url("http://example.org/b/c"));
    EXPECT_EQ(comparable_url("http://2130706433/x"), comparable_url("http://127.0.0.1/x"));
}

TEST(CurlUrl, WhatTheCoreRefusesItSaysWhy) {
    EXPECT_EQ(url_host("http://exa mple.org/"), "");
    EXPECT_EQ(url_host("http://example.org:65536/"), "");
    EXPECT_EQ(url_host("http://[::1]x/"), "");
}
