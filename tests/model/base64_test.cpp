#include "model/base64.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Base64, MatchesRfc4648Vectors) {
    // RFC 4648, section 10.
    const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                           {"f", "Zg=="},
                                                           {"fo", "Zm8="},
                                                           {"foo", "Zm9v"},
                                                           {"foob", "Zm9vYg=="},
                                                           {"fooba", "Zm9vYmE="},
                                                           {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(base64_encode(plain), encoded);
        EXPECT_EQ(base64_decode(encoded), plain);
    }
}

TEST(Base64, RoundTripsEveryByte) {
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    for (std::size_t n = 0; n <= all.size(); n += 37) {
        const std::string part = all.substr(0, n);
        EXPECT_EQ(base64_decode(base64_encode(part)), part) << n;
    }
}

TEST(Base64, RefusesWhatItDidNotWrite) {
    for (const char* bad : {"Zg=", "Zm9v\n", " Zm9v", "Zm9$", "Z===", "Zm9vYg=\n"})
        EXPECT_FALSE(base64_decode(bad)) << bad;
}
