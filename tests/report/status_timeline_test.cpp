#include "report/status_timeline.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "tracker/tracker.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

struct StatusTimelineTest : ::testing::Test {
    TempDir dir;
    std::unique_ptr<Store> store = small_store(dir.file("t.db"));
    EventId retracted = 0, same_day_second = 0;
    std::vector<Recommendation> recs;
    RecIndex index;

    StatusTimelineTest() {
        Store::Transaction tx(*store);
        Tracker tracker(*store, tx, test_actor());
        // Recorded out of date order, two on one day, one retracted.
        tracker.set_status("R3", "partial", Date{2023, 5, 1}, {"E2"}, "");
        tracker.set_status("R3", "announced", Date{2022, 1, 1}, {"E1"}, "");
        same_day_second = tracker.set_status("R3", "proposed", Date{2023, 5, 1}, {}, "").id;
        retracted = tracker.set_status("R3", "implemented", Date{2023, 1, 1}, {}, "").id;
        tracker.correct(retracted, "entered in error");
        tx.commit();
        recs = store->recommendations();
        index = RecIndex(recs);
    }

    StatusTimeline timeline(Date through = Date{2100, 1, 1}) const {
        return StatusTimeline(*store, {}, index, store->scale(), through);
    }
};

}  // namespace

TEST_F(StatusTimelineTest, AStatusHoldsFromItsDateToTheNextAndTheLaterEventWinsADay) {
    const auto t = timeline();
    EXPECT_EQ(t.at("R3", Date{2021, 12, 31}), store->scale().lowest());
    EXPECT_EQ(t.at("R3", Date{2022, 1, 1}), "announced");
    EXPECT_EQ(t.at("R3", Date{2023, 4, 30}), "announced");  // the retracted one never held
    EXPECT_EQ(t.at("R3", Date{2023, 5, 1}), "proposed");
}

TEST_F(StatusTimelineTest, BeforeIsTheStatusJustBeforeAChangeOnTheSameDay) {
    const auto t = timeline();
    EXPECT_EQ(t.before("R3", Date{2023, 5, 1}, same_day_second), "partial");
    EXPECT_EQ(t.before("R3", Date{2022, 1, 1}, 1), store->scale().lowest());
    // A part's first change starts where its parent's own history stood: R2
    // has none, so not where its parts roll up to.
    EXPECT_EQ(t.before("R2.b", Date{2022, 1, 10}, 1), store->scale().lowest());
    EXPECT_NE(t.at("R2", Date{2022, 1, 10}), store->scale().lowest());
}

TEST_F(StatusTimelineTest, PartsRollUpIntoTheirParent) {
    const auto t = timeline();
    const Date later{2026, 1, 1};
    EXPECT_EQ(t.at("R2", later), store->scale().rollup({t.at("R2.a", later), t.at("R2.b", later)}));
}

TEST_F(StatusTimelineTest, CitedSourcesAreThoseOfChangesUpToTheDay) {
    const auto t = timeline();
    std::set<EvidenceId> cited;
    t.cited_until("R3", Date{2022, 12, 31}, cited);
    EXPECT_EQ(cited, (std::set<EvidenceId>{1}));
    t.cited_until("R3", Date{2023, 12, 31}, cited);
    EXPECT_EQ(cited, (std::set<EvidenceId>{1, 2}));
}

// A report asks about no day after its period: what was decided later
// neither shows in nor is cited by a timeline that stops at the period's end.
TEST_F(StatusTimelineTest, ATimelineThroughADayKeepsWhatHeldUpToIt) {
    const auto t = timeline(Date{2023, 4, 30});
    EXPECT_EQ(t.at("R3", Date{2023, 4, 30}), "announced");
    EXPECT_EQ(t.before("R3", Date{2022, 1, 1}, 1), store->scale().lowest());
    std::set<EvidenceId> cited;
    t.cited_until("R3", Date{2023, 4, 30}, cited);
    EXPECT_EQ(cited, (std::set<EvidenceId>{1}));
    // Up to its last day it answers as the whole timeline does.
    const auto whole = timeline();
    for (const Date d : {Date{2021, 12, 31}, Date{2022, 1, 1}, Date{2023, 4, 30}})
        for (const char* key : {"R1", "R2", "R2.a", "R2.b", "R3"})
            EXPECT_EQ(t.at(key, d), whole.at(key, d)) << key << " on " << d.str();
}

// Sources cited by a response are the follow-up's, not a status's.
TEST_F(StatusTimelineTest, OnlyStatusChangesCiteTheirSources) {
    {
        Store::Transaction tx(*store);
        Tracker tracker(*store, tx, test_actor());
        tracker.record_response("R3", "accepted", Date{2022, 6, 1}, {"E2"}, "");
        tx.commit();
    }
    std::set<EvidenceId> cited;
    timeline().cited_until("R3", Date{2022, 12, 31}, cited);
    EXPECT_EQ(cited, (std::set<EvidenceId>{1}));
}

// A trend asks for eight days at once: each answer is that day's own.
TEST_F(StatusTimelineTest, ManyDaysAtOnceAreEachDayOnItsOwn) {
    const auto t = timeline();
    const std::vector<Date> days = {Date{2023, 5, 1}, Date{2021, 12, 31}, Date{2022, 1, 1},
                                    Date{2023, 4, 30}, Date{2026, 1, 1}};
    const auto lowest = store->scale().lowest();
    EXPECT_EQ(t.at("R3", days),
              (std::vector<std::string>{"proposed", lowest, "announced", "announced", "proposed"}));
    EXPECT_EQ(t.at("R9", days), std::vector<std::string>(days.size(), lowest));
    const auto parent = t.at("R2", days);
    for (std::size_t i = 0; i < days.size(); ++i)
        EXPECT_EQ(parent[i], t.at("R2", days[i])) << days[i].str();
}
