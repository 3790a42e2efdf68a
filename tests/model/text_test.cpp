#include "model/text.hpp"

#include <gtest/gtest.h>

#include <cstdint>

using namespace rectrack;

TEST(Text, ParseNumberTakesTheWholeTextOrNothing) {
    EXPECT_EQ(parse_number<int>("5000"), 5000);
    EXPECT_EQ(parse_number<int>("0"), 0);
    for (const char* bad : {"", "-1", "+1", " 1", "1 ", "12a", "0x10"})
        EXPECT_FALSE(parse_number<int>(bad)) << bad;
}

TEST(Text, ParseNumberRefusesWhatDoesNotFit) {
    EXPECT_FALSE(parse_number<int>("99999999999"));
    EXPECT_EQ(parse_number<std::int64_t>("99999999999"), 99999999999);
}

TEST(Text, ColumnsCountCodePointsNotBytes) {
    EXPECT_EQ(column("R4", 5), "R4   ");
    EXPECT_EQ(column("Zürich", 8), "Zürich  ");
    EXPECT_EQ(column("toolong", 3), "toolong ");
}

TEST(Text, Utf8IsCheckedForm) {
    for (const char* good :
         {"", "plain", "Zürich", "€ 8 million", "\xF0\x9F\x87\xAA\xF0\x9F\x87\xBA"})
        EXPECT_TRUE(valid_utf8(good)) << good;
    for (const char* bad : {"\xFF", "caf\xE9", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                            "\xF4\x90\x80\x80", "\xE2\x82", "\x80"})
        EXPECT_FALSE(valid_utf8(bad)) << bad;
}

TEST(Text, ControlsAreEscapedVisibly) {
    EXPECT_EQ(escape_controls("plain, Zürich\ttab\r\n"), "plain, Zürich\ttab\r\n");
    EXPECT_EQ(escape_controls("\x1B]0;pwned\x07"), "\\x1B]0;pwned\\x07");
    EXPECT_EQ(escape_controls(std::string("a\0b\x7F", 4)), "a\\x00b\\x7F");
    EXPECT_EQ(escape_controls("\x01\x1F"), "\\x01\\x1F");
}

TEST(Text, NaturalOrderCountsNumbers) {
    EXPECT_TRUE(natural_less("E2", "E10"));
    EXPECT_FALSE(natural_less("E10", "E2"));
    EXPECT_TRUE(natural_less("R4.a", "R10"));
    EXPECT_TRUE(natural_less("R4", "R4.a"));
    EXPECT_TRUE(natural_less("R9 #100", "R9 #200"));
    EXPECT_FALSE(natural_less("R1", "R1"));
    EXPECT_TRUE(natural_less("E1", "R1"));
}
