// JsonWriter writes what nlohmann's dump(2) writes, a value at a time
// (lib/report/json_writer.cpp).
#include "report/json_writer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

using namespace rectrack;
using nlohmann::json;

namespace {

// The document below, written by the writer.
void write_sample(JsonWriter& w) {
    w.begin_object();
    w.key("a").number(-42);
    w.key("b").begin_array();
    w.string("quote \" backslash \\ tab \t newline \n bell \x07 é");
    w.boolean(true);
    w.null();
    w.begin_object();
    w.end_object();
    w.begin_array();
    w.end_array();
    w.begin_array();
    w.number(1);
    w.end_array();
    w.end_array();
    w.key("c").string_or_null("");
    w.key("d").string_or_null("x");
    w.key("e").strings({"one", "two"});
    w.key("f").begin_object();
    w.key("inner").boolean(false);
    w.end_object();
    w.end_object();
}

const json sample = {{"a", -42},
                     {"b",
                      {"quote \" backslash \\ tab \t newline \n bell \x07 é",
                       true,
                       nullptr,
                       json::object(),
                       json::array(),
                       {1}}},
                     {"c", nullptr},
                     {"d", "x"},
                     {"e", {"one", "two"}},
                     {"f", {{"inner", false}}}};

}  // namespace

TEST(JsonWriter, WritesWhatDumpWrites) {
    std::string out;
    JsonWriter w(out);
    write_sample(w);
    EXPECT_EQ(out, sample.dump(2));
}

// A value written levels into a document indents as dump(2) of the whole
// would: every line after the first by two spaces a level.
TEST(JsonWriter, IndentsAValueDeepInADocument) {
    std::string out;
    JsonWriter w(out, 2);
    write_sample(w);
    const std::string whole = json{{"x", {{"y", sample}}}}.dump(2);
    const std::string inner = whole.substr(whole.find("\"y\": ") + 5);
    EXPECT_EQ(out, inner.substr(0, inner.rfind("\n  }")));
}

// dump() writes keys sorted and once each; a writer that drifts from that
// is a defect, caught where it happens.
TEST(JsonWriter, RefusesKeysOutOfOrderOrTwice) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("evidence").null();
    EXPECT_THROW(w.key("events"), std::logic_error);
    EXPECT_THROW(w.key("evidence"), std::logic_error);
    EXPECT_NO_THROW(w.key("key").null());
}

TEST(JsonWriter, RefusesAValueWithoutAKeyInAnObject) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    EXPECT_THROW(w.string("loose"), std::logic_error);
}
