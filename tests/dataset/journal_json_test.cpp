#include "dataset/journal_json.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "model/error.hpp"

using namespace rectrack;
using nlohmann::json;

namespace {

// The events handed on, and the rest returned.
std::pair<std::vector<json>, json> read(const std::string& text) {
    std::istringstream in(text);
    std::vector<json> events;
    json rest = read_json_journal(in, "j.json", [&](const json& e) { events.push_back(e); });
    return {events, rest};
}

}  // namespace

TEST(JournalJson, HandsOnEachEventInOrderAndKeepsOnlyTheRest) {
    const auto [events, rest] = read(R"({"anchor": "2:ab", "events": [
        {"id": 1, "payload": {"list": [1, [2, {"deep": null}]], "f": 1.5, "t": true}},
        {"id": 2, "payload": {}}, 7],
        "format": "rectrack-journal", "objects": [{"sha256": "x"}], "version": 1})");
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0], json::parse(R"({"id": 1, "payload": {"list": [1, [2, {"deep": null}]],
                                         "f": 1.5, "t": true}})"));
    EXPECT_EQ(events[1]["id"], 2);
    EXPECT_EQ(events[2], 7);  // not an event: the caller says so
    EXPECT_EQ(rest, json::parse(R"({"anchor": "2:ab", "events": [], "format": "rectrack-journal",
                                     "objects": [{"sha256": "x"}], "version": 1})"));
}

TEST(JournalJson, WhatIsNotAJournalDocumentIsAnInputError) {
    for (const char* text :
         {"[1, 2]", "5", "\"text\"", "{\"events\": [", "{} {}", "{\"a\": 1e999}"})
        EXPECT_THROW(read(text), InputError) << text;
    std::string deep = "{\"events\": [";
    for (int i = 0; i < 100; ++i) deep += "[";
    EXPECT_THROW(read(deep), InputError);
    try {
        read(deep);
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("nested more than 64 levels"), std::string::npos);
    }
    // A non-array "events" is returned as it is, for the caller to refuse.
    EXPECT_EQ(read(R"({"events": 5})").second["events"], 5);
}
