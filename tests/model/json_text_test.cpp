#include "model/json_text.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

using namespace rectrack;

TEST(JsonText, AcceptsOneValueAndNothingAfterIt) {
    for (const char* ok : {"{}", "[]", "0", "-0.5e+3", "\"a\\u00e9\\n\"", "true", "null",
                           " {\"a\":[1,2,{\"b\":false}]} ", "{\"évidence\":\"Ü\"}"})
        EXPECT_TRUE(is_json_value(ok)) << ok;
    for (const char* bad : {"", "{}}", "{} {}", "[1,]", "{\"a\"}", "01", "1.", "-", "\"\\x\"",
                            "\"a", "tru", "{'a':1}", "[1 2]", "\"tab\there\"", "{\"a\":1,}"})
        EXPECT_FALSE(is_json_value(bad)) << bad;
}

// Random texts from JSON's own tokens and some that are not: on ASCII the
// answer must be nlohmann's, whose parser is the reference.
TEST(JsonText, AgreesWithAFullParserOnRandomTexts) {
    const std::vector<std::string> pieces = {
        "{",       "}",     "[",    "]", ",",  ":", "\"", "\"k\"", "\"v\\\"\"",
        "\\u12ab", "\\",    "0",    "1", "-",  ".", "e",  "+",     "12",
        "true",    "false", "null", " ", "\n", "x", "\t", "'"};
    std::mt19937 rng(2026);
    int valid = 0;
    for (int i = 0; i < 200000; ++i) {
        std::string text;
        const int n = 1 + static_cast<int>(rng() % 10);
        for (int j = 0; j < n; ++j) text += pieces[rng() % pieces.size()];
        const bool expected = nlohmann::json::accept(text);
        ASSERT_EQ(is_json_value(text), expected) << text;
        valid += expected;
    }
    EXPECT_GT(valid, 100);  // the corpus reaches the accepting side too
}

TEST(JsonText, AcceptsEveryCompactDump) {
    const nlohmann::json v = {{"rec", "R1"},
                              {"evidence", {1, 2, 3}},
                              {"note", "quote \" backslash \\ control \x01"},
                              {"n", -12.5},
                              {"nested", {{"empty", nlohmann::json::object()}, {"none", nullptr}}}};
    EXPECT_TRUE(is_json_value(v.dump()));
    EXPECT_TRUE(is_json_value(v.dump(2)));
}

// Laid out from compact text, a value reads exactly as nlohmann's dump(2)
// writes it, at any depth in a document.
TEST(JsonText, IndentsCompactTextAsDumpDoes) {
    const nlohmann::json values[] = {
        nlohmann::json::object(),
        nlohmann::json::array(),
        {{"rec", "R1"}, {"evidence", {1, 2}}, {"empty", nlohmann::json::object()}},
        {{"text", "a \"quoted\" ,:{[ text \\ with \n escapes"},
         {"list", {nlohmann::json::array()}}},
        {{"nested", {{"deeper", {{"deepest", {1, {{"x", nullptr}}}}}}}}, {"n", -1.5}, {"t", true}}};
    for (const auto& v : values) {
        std::string out;
        append_indented(out, v.dump(), 0);
        EXPECT_EQ(out, v.dump(2));
        // Two levels in, as an export writes each event's payload.
        const nlohmann::json doc = {{"a", {{"b", v}}}};
        std::string inner;
        append_indented(inner, v.dump(), 2);
        const std::string whole = doc.dump(2);
        EXPECT_NE(whole.find("\"b\": " + inner + "\n"), std::string::npos) << whole << "\n"
                                                                           << inner;
    }
}
