#include "store/projection_digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "model/sha256.hpp"
#include "store/store.hpp"
#include "test_support.hpp"
#include "tracker/tracker.hpp"

using namespace rectrack;
using namespace rectrack::test;

TEST(TableDigest, RowsAddUpInAnyOrderAndTakingOneAwayUndoesIt) {
    TableDigest a, b;
    a.add(sha256("row 1"));
    a.add(sha256("row 2"));
    b.add(sha256("row 2"));
    b.add(sha256("row 1"));
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.rows, 2);
    b.add(sha256("row 3"));
    EXPECT_NE(a, b);
    b.remove(sha256("row 3"));
    EXPECT_EQ(a, b);
    a.remove(sha256("row 1"));
    a.remove(sha256("row 2"));
    EXPECT_TRUE(a.empty());
}

TEST(TableDigest, ReadsBackWhatItWrites) {
    TableDigest d;
    d.add(sha256("x"));
    d.remove(sha256("y"));  // lanes wrap below zero
    const auto back = TableDigest::parse(d.rows, d.hex());
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, d);
    EXPECT_FALSE(TableDigest::parse(0, "abc"));
    EXPECT_FALSE(TableDigest::parse(0, std::string(63, '0') + "G"));
}

namespace {

// The checksums kept, set against the tables' rows now.
void expect_kept_digests_match(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    const auto kept = kept_digests(db);
    for (const auto& [table, rows] : digests_of_rows(db)) {
        ASSERT_TRUE(kept.count(table)) << table;
        EXPECT_EQ(kept.at(table), rows) << table;
    }
}

}  // namespace

TEST(DigestWatch, KeepsEachTableInStepThroughInsertsUpdatesAndDeletes) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    {
        Store::Transaction tx(*store);
        Tracker tracker(*store, tx, test_actor());
        // A correction updates the row it retracts; a new scale deletes the old.
        tracker.correct(store->status_history("R1").at(0).event, "entered in error");
        StatusScale scale = tracker.scale();
        tracker.set_scale(scale, Date{2024, 1, 1});
        tx.commit();
    }
    expect_kept_digests_match(dir.file("a.db"));
    SQLite::Database db(dir.file("a.db"), SQLite::OPEN_READONLY);
    EXPECT_GT(kept_digests(db).at("status_changes").rows, 0);
    EXPECT_EQ(kept_head(db)->event_id, store->last_event_id());
}

TEST(DigestWatch, ARolledBackTransactionLeavesNothingPending) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    {
        Store::Transaction tx(*store);
        Tracker tracker(*store, tx, test_actor());
        tracker.add_note("R1", "never committed", Date{2024, 1, 1});
    }  // rolled back
    {
        Store::Transaction tx(*store);
        Tracker tracker(*store, tx, test_actor());
        tracker.add_note("R2", "committed", Date{2024, 1, 1});
        tx.commit();
    }
    expect_kept_digests_match(dir.file("a.db"));
}

// A column added by ALTER TABLE is missing from the rows written before it;
// an upgrade writes them again in full, or a later change to such a row
// would take away other bytes than were added.
TEST(DigestWatch, AnUpgradeKeepsRowsWrittenBeforeAColumnWasAdded) {
    TempDir dir;
    small_store(dir.file("a.db")).reset();
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec(
            "ALTER TABLE stages DROP COLUMN label; ALTER TABLE stages ADD COLUMN label TEXT NOT "
            "NULL DEFAULT ''; DROP TABLE projection_digests; DROP TABLE digested_through; "
            "PRAGMA user_version = 11");
    }
    Store store(dir.file("a.db"), {});
    {
        Store::Transaction tx(store);
        Tracker tracker(store, tx, test_actor());
        tracker.correct(store.stages("widget-act").at(0).event, "entered in error");
        tx.commit();
    }
    expect_kept_digests_match(dir.file("a.db"));
    EXPECT_TRUE(store.verify().ok) << store.verify().problem;
}
