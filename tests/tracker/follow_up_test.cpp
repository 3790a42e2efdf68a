// A recommendation's follow-up as journal events (lib/tracker/follow_up.cpp).
#include <gtest/gtest.h>

#include "model/error.hpp"
#include "test_support.hpp"
#include "tracker/tracker.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

class FollowUpTest : public ::testing::Test {
  protected:
    TempDir dir;
    std::unique_ptr<Store> store = small_store(dir.file("t.db"));
    const DeadlineRule rule{test_now().date(), 30};

    void write(const std::function<void(Tracker&)>& work) { record(*store, work); }
    void refused(const std::function<void(Tracker&)>& work, const std::string& message) {
        try {
            write(work);
            ADD_FAILURE() << "accepted: " << message;
        } catch (const InputError& e) {
            EXPECT_EQ(std::string(e.what()), message);
        }
    }
    RecommendationSummary summary(const std::string& key) {
        for (const auto& s : recommendation_summaries(*store, rule))
            if (s.rec.key == key) return s;
        throw std::runtime_error("no " + key);
    }
};

}  // namespace

TEST_F(FollowUpTest, AMovedTargetNeedsAReasonAndKeepsWhereItWas) {
    write([](Tracker& t) { t.set_target("R3", Date{2026, 12, 15}, "", {}); });
    refused(
        [](Tracker& t) {
            t.set_target("R3", Date{2027, 6, 30}, "", {});
        },
        "say why R3's target of 2026-12-15 moves (--reason)");
    refused(
        [](Tracker& t) {
            t.set_target("R3", Date{2026, 12, 15}, "again", {});
        },
        "R3's target is already 2026-12-15");
    write([](Tracker& t) { t.set_target("R3", Date{2027, 6, 30}, "Council delays", {}); });
    const auto entries = store->follow_ups("R3");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].value, "2026-12-15");
    EXPECT_EQ(entries[1].value, "2027-06-30");
    EXPECT_EQ(entries[1].note, "Council delays");
    EXPECT_EQ(describe(*store->event(entries[1].event)),
              "R3 target 2027-06-30 (was 2026-12-15): Council delays");
    refused([](Tracker& t) { t.set_target("R3", std::nullopt, "", {}); },
            "say why R3's target of 2027-06-30 is cleared (--reason)");
    write([](Tracker& t) { t.set_target("R3", std::nullopt, "superseded", {}); });
    EXPECT_FALSE(summary("R3").follow_up.target);
    refused([](Tracker& t) { t.set_target("R3", std::nullopt, "x", {}); },
            "R3 has no target date to clear");
}

TEST_F(FollowUpTest, OverdueUnlessImplementedAndDueSoonWithinTheWindow) {
    write([](Tracker& t) {
        t.set_target("R1", Date{2026, 11, 1}, "", {});
        t.set_target("R3", Date{2026, 12, 20}, "", {});
    });
    EXPECT_EQ(summary("R1").deadline, Deadline::overdue);
    EXPECT_EQ(summary("R3").deadline, Deadline::due_soon);
    write([](Tracker& t) { t.set_status("R1", "implemented", Date{2026, 11, 2}, {"E1"}, ""); });
    EXPECT_EQ(summary("R1").deadline, Deadline::none);
}

TEST_F(FollowUpTest, OwnersAndResponses) {
    refused([](Tracker& t) { t.set_owner("R1", "", {}); }, "R1 has no owner to clear");
    write([](Tracker& t) { t.set_owner("R1", " A. Rossi ", {}); });
    EXPECT_EQ(summary("R1").follow_up.owner, "A. Rossi");
    refused([](Tracker& t) { t.set_owner("R1", "A. Rossi", {}); },
            "R1 is already followed by A. Rossi");
    refused(
        [](Tracker& t) {
            t.record_response("R1", "acepted", Date{2021, 1, 1}, {}, "");
        },
        "unknown response 'acepted' (did you mean 'accepted'?) (expected one of: accepted, "
        "partially_accepted, noted, rejected, no_response)");
    write([](Tracker& t) {
        t.record_response("R1", "Partially-Accepted", Date{2021, 1, 10}, {"E1"}, "sanctions only");
    });
    const auto response = summary("R1").follow_up.response;
    ASSERT_TRUE(response);
    EXPECT_EQ(response->value, "partially_accepted");
    EXPECT_EQ(response->evidence, (std::vector<EvidenceId>{1}));
    // The source a response cites stands under it like a status change's.
    EXPECT_EQ(store->dependents_of_evidence(1).back(), response->event);
    EXPECT_TRUE(store->verify().ok);
}
