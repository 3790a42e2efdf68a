#include "model/event.hpp"

#include <gtest/gtest.h>

#include <functional>

using namespace rectrack;

namespace {
Event sample() {
    Event e;
    e.id = 7;
    e.kind = EventKind::status_changed;
    e.subjects = {"rec:R4", "evidence:E2"};
    e.payload = {{"rec", "R4"}, {"status", "partial"}, {"evidence", {2}}};
    e.effective = Date{2024, 8, 1};
    e.recorded_at = "2026-11-27T12:00:00Z";
    e.author = "tester";
    return e;
}
}  // namespace

TEST(Event, CanonicalBytesAreSortedCompactJson) {
    EXPECT_EQ(canonical_bytes(sample()),
              R"({"author":"tester","effective":"2024-08-01","id":7,"kind":"status_changed",)"
              R"("payload":{"evidence":[2],"rec":"R4","status":"partial"},)"
              R"("recorded_at":"2026-11-27T12:00:00Z","subjects":["rec:R4","evidence:E2"]})");
}

TEST(Event, HashCoversEveryFieldAndThePreviousHash) {
    const Event e = sample();
    const std::string h = chain_hash(kGenesisHash, e);
    EXPECT_EQ(h.size(), 64u);
    EXPECT_NE(chain_hash(std::string(64, '1'), e), h);
    for (auto change : std::vector<std::function<void(Event&)>>{
             [](Event& x) { x.payload["status"] = "substantial"; },
             [](Event& x) {
                 x.effective = Date{2024, 8, 2};
             },
             [](Event& x) { x.author = "someone"; },
             [](Event& x) { x.recorded_at = "2026-11-27T12:00:01Z"; },
             [](Event& x) { x.subjects.pop_back(); }, [](Event& x) { x.id = 8; }}) {
        Event changed = e;
        change(changed);
        EXPECT_NE(chain_hash(kGenesisHash, changed), h);
    }
}

TEST(Event, EvidenceReferences) {
    EXPECT_EQ(evidence_ref(12), "E12");
    EXPECT_EQ(parse_evidence_ref("E12"), 12);
    EXPECT_EQ(parse_evidence_ref("e3"), 3);
    EXPECT_EQ(parse_evidence_ref("3"), 3);
    EXPECT_FALSE(parse_evidence_ref("E"));
    EXPECT_FALSE(parse_evidence_ref("E0"));
    EXPECT_FALSE(parse_evidence_ref("https://x.org/"));
}

TEST(Event, DescribesAStatusChangeForTheLog) {
    EXPECT_EQ(describe(sample()), "R4 -> partial (cites E2)");
    Event bare = sample();
    bare.payload["evidence"] = nlohmann::json::array();
    EXPECT_EQ(describe(bare), "R4 -> partial (no evidence)");
}

// Notes and amendments name their subject as staff do, never as "rec:R4".
TEST(Event, NamesSubjectsInPlainWords) {
    Event note = sample();
    note.kind = EventKind::note_added;
    note.payload = {{"subject", "rec:R10"}, {"text", "No funding yet"}};
    EXPECT_EQ(describe(note), "note on R10: No funding yet");
    note.payload["subject"] = "measure:ai-act";
    EXPECT_EQ(describe(note), "note on measure ai-act: No funding yet");
    Event amended = sample();
    amended.kind = EventKind::amended;
    amended.payload = {{"subject", "evidence:E4"},
                       {"fields", {{"title", "New"}}},
                       {"previous", {{"title", "Old"}}}};
    EXPECT_EQ(describe(amended), "amended E4: title \"New\" (was \"Old\")");
}

TEST(Event, EveryKindHasOneRowInTheTableAndItsNameRoundTrips) {
    const auto& kinds = event_kinds();
    for (size_t i = 0; i < kinds.size(); ++i) {
        EXPECT_EQ(static_cast<size_t>(kinds[i].kind), i) << kinds[i].name;
        EXPECT_EQ(parse_event_kind(kinds[i].name), kinds[i].kind);
    }
    EXPECT_EQ(kinds.back().kind, EventKind::response_recorded);  // the last enumerator
    EXPECT_FALSE(parse_event_kind("status_change"));
}

TEST(Event, OnlyFactsCanBeRetracted) {
    EXPECT_TRUE(info(EventKind::status_changed).retractable);
    EXPECT_FALSE(info(EventKind::recommendation_added).retractable);
    EXPECT_FALSE(info(EventKind::correction).retractable);
    EXPECT_FALSE(info(EventKind::audit_recorded).retractable);
}
