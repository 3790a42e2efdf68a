// verify(): the hash chain, then the projections by their checksums or
// rebuilt from the journal (lib/store/store_verify.cpp).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "store/projection_digest.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

// Edits the database as someone with the sqlite3 shell would, behind
// rectrack's back; `rewrite_checksums` also makes the kept checksums agree
// with the edit, as a careful editor could.
void edit_outside(const std::string& path, const std::string& sql, bool rewrite_checksums = false) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(sql);
    if (rewrite_checksums) reset_digests(raw);
}

}  // namespace

TEST(StoreVerify, PassesOnAnUntouchedJournal) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    const VerifyResult r = store->verify();
    EXPECT_TRUE(r.ok) << r.problem;
    EXPECT_EQ(r.events, store->last_event_id());
}

TEST(StoreVerify, NamesTheFirstEditedEvent) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    const EventId edited = store->status_history("R2.a").at(0).event;
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_no_update");
        SQLite::Statement edit(raw,
                               "UPDATE events SET payload = replace(payload, 'partial', "
                               "'implemented') WHERE id = ?");
        edit.bind(1, static_cast<int64_t>(edited));
        EXPECT_EQ(edit.exec(), 1);
    }
    const VerifyResult r = store->verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_event, edited);
}

TEST(StoreVerify, CatchesAProjectionEditedBehindTheJournal) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"),
                 "UPDATE status_changes SET status = 'implemented' WHERE rec = 'R1'");
    const VerifyResult r = store->verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("status_changes"), std::string::npos);
}

TEST(StoreVerify, CatchesADeletedEvent) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"),
                 "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = 5");
    const VerifyResult r = store->verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_event, 6);
}

TEST(StoreVerify, ReadsAPayloadStoredInAnotherFormAsItsContent) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    {
        // Spaces change the stored text, not what it says.
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_no_update");
        raw.exec("UPDATE events SET payload = replace(payload, ':', ' : ') WHERE id = 3");
    }
    const VerifyResult r = store->verify();
    EXPECT_TRUE(r.ok) << r.problem;
}

TEST(StoreVerify, CatchesAJournalCutShortBehindTheProjections) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    const EventId last = store->last_event_id();
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_no_delete");
        SQLite::Statement cut(raw, "DELETE FROM events WHERE id = ?");
        cut.bind(1, static_cast<int64_t>(last));
        cut.exec();
    }
    const VerifyResult r = store->verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("not the journal's last (#" + std::to_string(last - 1) + ")"),
              std::string::npos)
        << r.problem;
}

// Someone who rewrites a table and its checksum alike passes the checksums;
// only the rebuild from the journal tells.
TEST(StoreVerify, FullRebuildFindsAnEditThatRewroteTheChecksumToo) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"),
                 "UPDATE status_changes SET status = 'implemented' WHERE rec = 'R1'", true);
    EXPECT_TRUE(store->verify(VerifyDepth::checksums).ok);
    const VerifyResult r = store->verify(VerifyDepth::full);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("the status_changes table holds a row the journal does not explain"),
              std::string::npos)
        << r.problem;
}

TEST(StoreVerify, ChecksumsNameTheTableEditedBehindTheJournal) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"),
                 "DELETE FROM citations WHERE event_id = (SELECT min(event_id) FROM citations)");
    const VerifyResult r = store->verify(VerifyDepth::checksums);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("the citations table does not hold what rectrack wrote"),
              std::string::npos)
        << r.problem;
    EXPECT_FALSE(store->verify(VerifyDepth::full).ok);
}

TEST(StoreVerify, FindsASearchIndexEditedApartFromItsText) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"),
                 "INSERT INTO search_index(rowid, text) VALUES ((SELECT max(id) FROM search_text), "
                 "'planted words')");
    for (const auto depth : {VerifyDepth::checksums, VerifyDepth::full}) {
        const VerifyResult r = store->verify(depth);
        EXPECT_FALSE(r.ok);
        EXPECT_NE(r.problem.find("the search index does not match its text"), std::string::npos)
            << r.problem;
    }
}

// Only the upgrade that starts keeping checksums takes them from the tables
// as they are; a later upgrade must not make an edit made before it pass.
TEST(StoreVerify, ALaterUpgradeKeepsTheChecksumsItFound) {
    TempDir dir;
    small_store(dir.file("a.db")).reset();
    edit_outside(dir.file("a.db"),
                 "UPDATE status_changes SET status = 'implemented' WHERE rec = 'R1'; DROP INDEX "
                 "status_changes_rec; CREATE INDEX status_changes_rec ON status_changes(rec, "
                 "effective, event_id); PRAGMA user_version = 12");
    Store store(dir.file("a.db"), {});
    EXPECT_EQ(store.schema_version(), Store::latest_schema_version());
    const VerifyResult r = store.verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("the status_changes table"), std::string::npos) << r.problem;
}

TEST(StoreVerify, CatchesAJournalEmptiedBehindItsProjections) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"), "DROP TRIGGER events_no_delete; DELETE FROM events");
    const VerifyResult r = store->verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("not the journal's last (#0)"), std::string::npos) << r.problem;
}

TEST(StoreVerify, SaysWhetherRowsWereAddedOrChanged) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"), "UPDATE status_changes SET note = 'rewritten'");
    EXPECT_NE(store->verify().problem.find("status_changes table does not hold what rectrack "
                                           "wrote to it (rows were changed)"),
              std::string::npos)
        << store->verify().problem;
    edit_outside(dir.file("a.db"), "DELETE FROM status_changes WHERE rec = 'R1'");
    const std::string problem = store->verify().problem;
    EXPECT_NE(problem.find("status_changes table does not hold what rectrack wrote to it ("),
              std::string::npos)
        << problem;
    EXPECT_NE(problem.find(" rows where "), std::string::npos) << problem;
}

// The search text compared as a multiset: a second copy of a row is a row the
// journal does not explain, even when the checksums were rewritten to match.
TEST(StoreVerify, FullRebuildFindsARowAddedTwice) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"),
                 "INSERT INTO search_text(subject, field, event_id, text) SELECT subject, field, "
                 "event_id, text FROM search_text WHERE id = (SELECT min(id) FROM search_text)",
                 true);
    const VerifyResult r = store->verify(VerifyDepth::full);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("the search_text table holds a row the journal does not explain"),
              std::string::npos)
        << r.problem;
}

// Row ids of the search text are not what the journal implies: the same rows
// numbered another way (as an upgrade numbers them) still match.
TEST(StoreVerify, FullRebuildAcceptsTheSearchTextNumberedAnotherWay) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec(
            "CREATE TEMP TABLE backwards AS SELECT subject, field, event_id, text FROM "
            "search_text ORDER BY id DESC; DELETE FROM search_text; INSERT INTO "
            "search_text(subject, field, event_id, text) SELECT * FROM backwards");
        reset_digests(raw);
        ASSERT_GT(raw.execAndGet("SELECT count(*) FROM search_text").getInt(), 1);
    }
    const VerifyResult r = store->verify(VerifyDepth::full);
    EXPECT_TRUE(r.ok) << r.problem;
}

// Each table is compared both ways: a row the rebuild has and the disk lost
// is named as well as one the disk gained.
TEST(StoreVerify, FullRebuildNamesARowTheTableLost) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    edit_outside(dir.file("a.db"),
                 "DELETE FROM links WHERE event_id = (SELECT max(event_id) FROM links)", true);
    const VerifyResult r = store->verify(VerifyDepth::full);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("the links table lacks a row the journal implies"), std::string::npos)
        << r.problem;
}
