#include "report/escape.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

TEST(Escape, CsvCellsThatASpreadsheetWouldRunAreNeutralised) {
    EXPECT_EQ(csv_field("=HYPERLINK(\"http://evil.example\")"),
              "\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    EXPECT_EQ(csv_field("+1"), "'+1");
    EXPECT_EQ(csv_field("-2+3"), "'-2+3");
    EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_field("\t=1"), "'\t=1");
    EXPECT_EQ(csv_field("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(csv_field("a=b"), "a=b");  // only the first character matters
}
