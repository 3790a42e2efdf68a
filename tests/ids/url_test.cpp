#include "ids/url.hpp"

#include <gtest/gtest.h>

#include "model/error.hpp"

using namespace rectrack;

TEST(Url, AcceptsHttpAndHttpsAndLowersSchemeAndHost) {
    EXPECT_EQ(require_web_url(" HTTPS://EUR-Lex.europa.eu/eli/reg/2024/1689/oj ", "URL"),
              "https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
    EXPECT_EQ(require_web_url("http://example.org/A?b=C", "URL"), "http://example.org/A?b=C");
}

TEST(Url, RejectsOtherSchemesAndBrokenUrls) {
    for (const char* bad : {"file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x",
                            "example.org/x", "https://", "https://user:pw@example.org/",
                            "https://example.org/a b", "https://evil.example/\"><script>x</script>",
                            "https://example.org/{x}", "https://[::1/x"})
        EXPECT_THROW(require_web_url(bad, "evidence URL"), InputError) << bad;
}

TEST(Url, ComparableFormsFoldWhatDoesNotNameADifferentSource) {
    const std::string base = comparable_url("https://example.org/a/b");
    for (const char* same :
         {"HTTPS://EXAMPLE.ORG/a/b", "https://example.org/a/b/", "http://example.org/a/b",
          "https://example.org:443/a/b", "https://example.org/a/b#section",
          "https://example.org/a/b?utm_source=x&fbclid=y"})
        EXPECT_EQ(comparable_url(same), base) << same;
    EXPECT_NE(comparable_url("https://example.org/a/B"), base);  // paths are case-sensitive
    EXPECT_NE(comparable_url("https://example.org/a/b?id=2"), base);
    EXPECT_EQ(comparable_url("https://example.org/a?id=2&utm_medium=m"),
              comparable_url("https://example.org/a?id=2"));
}

TEST(Url, HostOfAUrl) {
    EXPECT_EQ(url_host("https://EUR-Lex.europa.eu:8443/eli"), "eur-lex.europa.eu");
    EXPECT_EQ(url_host("https://user@example.org/"), "example.org");
}

TEST(Url, Ipv6LiteralsAndPorts) {
    EXPECT_EQ(url_host("http://[::1]:8080/x"), "::1");
    EXPECT_EQ(url_port("http://[::1]:8080/x"), "8080");
    EXPECT_EQ(url_port("https://example.org/x"), "443");
    EXPECT_EQ(url_port("http://example.org:81"), "81");
}

TEST(Url, HostsAreWhatLibcurlWouldConnectTo) {
    EXPECT_EQ(url_host("https://example.org@evil.example/x"), "evil.example");
    EXPECT_EQ(url_host("http://[64:ff9b::7f00:1]/"), "64:ff9b::7f00:1");
    EXPECT_EQ(url_host("not a url"), "");
}
