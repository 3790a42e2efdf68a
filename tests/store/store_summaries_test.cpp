// Store::summaries(): every recommendation at once (store_summaries.cpp)
// must say what it says of each one alone.
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "test_support.hpp"
#include "tracker/tracker.hpp"

using namespace rectrack;
using namespace rectrack::test;

TEST(StoreSummaries, AllAtOnceSayWhatEachSaysAlone) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    {
        Store::Transaction tx(*store);
        Tracker tracker(*store, tx, test_actor());
        // A repeated status keeps its "since"; a retracted one never held.
        tracker.set_status("R3", "announced", Date{2022, 1, 1}, {"E1"}, "");
        tracker.set_status("R3", "announced", Date{2022, 6, 1}, {}, "again");
        tracker.correct(tracker.set_status("R3", "partial", Date{2023, 1, 1}, {"E2"}, "").id,
                        "entered in error");
        // Sources attached, and cited by a part's response; a link undone.
        tracker.attach_evidence("E2", "R1", Date{2024, 1, 1});
        tracker.record_response("R2.b", "accepted", Date{2024, 2, 1}, {"E1"}, "");
        tracker.link("R3", "widget-act", "advances", "", Date{2024, 3, 1});
        tracker.unlink("R3", "widget-act", "wrong act", Date{2024, 4, 1});
        tx.commit();
    }
    const auto all = store->summaries();
    ASSERT_EQ(all.size(), store->recommendations().size());
    int with_evidence = 0, with_measures = 0;
    for (const auto& s : all) {
        const auto alone = store->summaries(s.rec.key);
        ASSERT_FALSE(alone.empty()) << s.rec.key;
        const auto& one = alone.front();
        EXPECT_EQ(one.rec.key, s.rec.key);
        EXPECT_EQ(one.rec.title, s.rec.title) << s.rec.key;
        EXPECT_EQ(one.rec.addressees, s.rec.addressees) << s.rec.key;
        EXPECT_EQ(one.status, s.status) << s.rec.key;
        EXPECT_EQ(one.status_since, s.status_since) << s.rec.key;
        EXPECT_EQ(one.measures, s.measures) << s.rec.key;
        EXPECT_EQ(one.evidence, s.evidence) << s.rec.key;
        with_evidence += s.evidence > 0;
        with_measures += s.measures > 0;
    }
    EXPECT_GE(with_evidence, 3);
    EXPECT_GE(with_measures, 2);
    const auto r3 = store->summaries("R3").front();
    EXPECT_EQ(r3.status, "announced");
    EXPECT_EQ(r3.status_since, (Date{2022, 1, 1}));
}
