// A bulk load (lib/store/bulk_load.cpp): a journal imported with its
// indexes, search index and checksums built at the end must leave exactly
// the database that appending its events one by one leaves.
#include "store/bulk_load.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "dataset/journal_file.hpp"
#include "model/error.hpp"
#include "store/projection_digest.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

// The small dataset and one event of every kind it lacks, a retraction
// and amendments among them, so that the replay rewrites rows and the
// search text as well as adding them.
std::unique_ptr<Store> busy_store(const std::string& path) {
    auto store = small_store(path);
    record(*store, [](Tracker& t) {
        t.set_status("R3", "partial", Date{2025, 3, 1}, {"E1"}, "a hollow gesture");
        t.add_note("R1", "sovereign cloud debate", Date{2025, 3, 2});
        t.amend_recommendation("R1", {{"title", "Renamed firewall title"}}, "typo");
        t.change_tags("R1", {{"cyber"}, {}}, {}, Date{2025, 3, 3});
        t.set_owner("R1", "desk 4", Date{2025, 3, 4});
        t.set_target("R1", Date{2026, 6, 30}, "", Date{2025, 3, 4});
        t.record_response("R1", "accepted", Date{2025, 3, 5}, {"E1"}, "welcomed");
        t.reach_stage("sanctions-2021", "applies", Date{2025, 3, 6});
        t.unlink("R2.a", "sanctions-2021", "wrong act", Date{2025, 3, 7});
        t.attach_evidence("E2", "R3", Date{2025, 3, 8});
    });
    const EventId note = store->last_event_id() - 8;
    record(*store, [note](Tracker& t) { t.correct(note, "said twice"); });
    return store;
}

using SchemaObjects = std::set<std::tuple<std::string, std::string, std::string>>;

SchemaObjects schema_objects(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master");
    SchemaObjects out;
    while (q.executeStep())
        out.emplace(q.getColumn(0).getString(), q.getColumn(1).getString(),
                    q.getColumn(2).getString());
    return out;
}

ImportResult import_into(Store& store, const std::string& file) {
    Store::Transaction tx(store);
    ImportResult r = import_file(store, tx, test_actor(), file);
    tx.commit();
    return r;
}

}  // namespace

TEST(BulkLoad, LeavesTheDatabaseThatAppendingEventByEventLeaves) {
    TempDir dir;
    auto original = busy_store(dir.file("a.db"));
    write_text(dir.file("j.json"), export_journal_json(*original));
    Store copy(dir.file("b.db"), {Access::create, 1000});
    EXPECT_EQ(import_into(copy, dir.file("j.json")).events, original->last_event_id());

    SQLite::Database a(dir.file("a.db"), SQLite::OPEN_READONLY);
    SQLite::Database b(dir.file("b.db"), SQLite::OPEN_READONLY);
    const auto rows = digests_of_rows(b);
    EXPECT_EQ(rows, digests_of_rows(a));  // every projection row, search text included
    EXPECT_EQ(kept_digests(b), rows);     // checksums kept as if row by row
    EXPECT_EQ(kept_head(b)->event_id, original->last_event_id());
    EXPECT_EQ(schema_objects(dir.file("b.db")), schema_objects(dir.file("a.db")));

    // The search index was rebuilt from the text as it ended: the amended
    // title, not the retracted note.
    EXPECT_EQ(copy.search({"renamed firewall"}, 10).size(), 1u);
    EXPECT_TRUE(copy.search({"sovereign cloud"}, 10).empty());
    EXPECT_EQ(copy.search({"hollow gesture"}, 10).size(), 1u);
    for (auto depth : {VerifyDepth::checksums, VerifyDepth::full}) {
        const VerifyResult r = copy.verify(depth);
        EXPECT_TRUE(r.ok) << r.problem;
    }
}

TEST(BulkLoad, AFailedImportLeavesTheSchemaAndTheChecksumsKeptAsBefore) {
    TempDir dir;
    auto original = busy_store(dir.file("a.db"));
    std::string journal = export_journal_json(*original);
    const auto at = journal.rfind("\"note\": \"welcomed\"");
    ASSERT_NE(at, std::string::npos);
    journal.replace(at, 18, "\"note\": \"rejected\"");  // the hash no longer matches
    write_text(dir.file("j.json"), journal);

    Store copy(dir.file("b.db"), {Access::create, 1000});
    const SchemaObjects before = schema_objects(dir.file("b.db"));
    EXPECT_THROW(import_into(copy, dir.file("j.json")), InputError);
    EXPECT_EQ(copy.last_event_id(), 0);
    EXPECT_EQ(schema_objects(dir.file("b.db")), before);

    // The store still keeps its checksums as it writes.
    record(copy, [](Tracker& t) { t.set_scale(StatusScale::default_scale(), Date{2025, 1, 1}); });
    SQLite::Database b(dir.file("b.db"), SQLite::OPEN_READONLY);
    EXPECT_EQ(kept_digests(b), digests_of_rows(b));
    EXPECT_TRUE(copy.verify().ok);
}

TEST(BulkLoad, NeedsAnEmptyJournal) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    Store::Transaction tx(*store);
    EXPECT_THROW(Store::BulkLoad(*store, tx), StorageError);
}

// Dropping and building again gives back every index and trigger, as the
// schema defines them.
TEST(DeferredIndexing, BuildsEveryIndexAndTriggerAgain) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    store.reset();
    const SchemaObjects before = schema_objects(dir.file("a.db"));
    {
        SQLite::Database db(dir.file("a.db"), SQLite::OPEN_READWRITE);
        SQLite::Transaction tx(db);
        DeferredIndexing deferred(db);
        EXPECT_FALSE(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = "
                                   "'status_changes_rec'")
                         .getInt());
        EXPECT_TRUE(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = "
                                  "'search_text_subject'")
                        .getInt());
        deferred.finish();
        tx.commit();
    }
    EXPECT_EQ(schema_objects(dir.file("a.db")), before);
}
