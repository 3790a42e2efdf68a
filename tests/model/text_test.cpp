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
