#include "store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "ids/url.hpp"
#include "model/error.hpp"
#include "store/migrations.hpp"
#include "test_support.hpp"
#include "tracker/tracker.hpp"

using namespace rectrack;
using namespace rectrack::test;

TEST(Store, RefusesAMissingDatabaseAndSaysHowToCreateOne) {
    TempDir dir;
    try {
        Store s(dir.file("none.db"), {});
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("rectrack init"), std::string::npos);
    }
}

TEST(Store, CreatesAVersionedSchemaInWalMode) {
    TempDir dir;
    Store s(dir.file("a.db"), {Access::create, 1000});
    EXPECT_EQ(s.schema_version(), Store::latest_schema_version());
    SQLite::Database raw(dir.file("a.db"));
    EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

// An import builds a new database under another name with its rollback
// journal in memory; the finished file is a WAL database like any other.
TEST(Store, BuildsANewFileThatIsInWalModeWhenClosed) {
    TempDir dir;
    std::size_t changes = 0;
    {
        auto store = small_store(dir.file("new.db"), Access::build);
        changes = store->status_history("R1").size();
        ASSERT_GT(changes, 0u);
        SQLite::Database raw(dir.file("new.db"));
        EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "delete");
        EXPECT_FALSE(std::filesystem::exists(dir.file("new.db-journal")));
    }
    SQLite::Database raw(dir.file("new.db"));
    EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
    Store again(dir.file("new.db"), {});
    EXPECT_EQ(again.status_history("R1").size(), changes);
    EXPECT_TRUE(again.verify(VerifyDepth::full).ok);
}

// The journal in memory still undoes a transaction that does not commit.
TEST(Store, ABuildRollsBackWhatItDidNotCommit) {
    TempDir dir;
    auto store = small_store(dir.file("new.db"), Access::build);
    const EventId last = store->last_event_id();
    const std::size_t changes = store->status_history("R1").size();
    {
        Store::Transaction tx(*store);
        Tracker t(*store, tx, test_actor());
        t.set_status("R1", "implemented", Date{2025, 1, 2}, {}, "never committed");
    }
    EXPECT_EQ(store->last_event_id(), last);
    EXPECT_EQ(store->status_history("R1").size(), changes);
    EXPECT_TRUE(store->verify(VerifyDepth::full).ok);
}

TEST(Store, BuildRefusesAFileThatExists) {
    TempDir dir;
    write_text(dir.file("there.db"), "");
    try {
        Store s(dir.file("there.db"), {Access::build, 1000});
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("the file exists"), std::string::npos) << e.what();
    }
}

TEST(Store, RefusesANewerSchema) {
    TempDir dir;
    { Store s(dir.file("a.db"), {Access::create, 1000}); }
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    try {
        Store s(dir.file("a.db"), {});
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos);
    }
}

TEST(Store, RefusesAForeignSqliteFile) {
    TempDir dir;
    {
        SQLite::Database raw(dir.file("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE t(x)");
    }
    EXPECT_THROW(Store(dir.file("other.db"), {}), StorageError);
    write_text(dir.file("text.db"), "this is not a database at all, just some text............");
    EXPECT_THROW(Store(dir.file("text.db"), {}), StorageError);
}

TEST(Store, JournalIsAppendOnlyAtTheDatabaseLevel) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
    EXPECT_THROW(raw.exec("UPDATE events SET author = 'x' WHERE id = 1"), SQLite::Exception);
    EXPECT_THROW(raw.exec("DELETE FROM events WHERE id = 1"), SQLite::Exception);
}

TEST(Store, EventsChainFromGenesis) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    std::string previous = kGenesisHash;
    EventId expected = 1;
    store->for_each_event([&](const Event& e) {
        EXPECT_EQ(e.id, expected++);
        EXPECT_EQ(e.hash, chain_hash(previous, e));
        previous = e.hash;
    });
    EXPECT_EQ(store->last_event_id(), expected - 1);
}

TEST(Store, AnEventOfAnUnknownKindIsAStorageErrorNotAGuess) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_no_update");
        raw.exec("UPDATE events SET kind = 'status_guessed' WHERE id = 5");
    }
    try {
        store->event(5);
        FAIL() << "an unknown kind was read";
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("#5 has an unknown kind 'status_guessed'"),
                  std::string::npos);
    }
}

TEST(Store, AnUnreadableStoredDateIsAStorageErrorNotADefault) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_no_update");
        raw.exec("UPDATE events SET effective = '1-01-01' WHERE id = 5");
    }
    EXPECT_THROW(store->event(5), StorageError);
}

TEST(Store, AsRecordedQueriesSeeOnlyWhatWasRecordedByThen) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));  // recorded at 2026-11-27T12:00:00Z
    {
        Store::Transaction tx(*store);
        Tracker t(*store, tx, Actor{"later", *parse_instant("2026-12-01T09:00:00Z")});
        t.set_status("R3", "announced", Date{2026, 11, 30}, {}, "late");
        tx.commit();
    }
    EXPECT_EQ(store->status_history("R3").size(), 1u);
    const auto by = [](const char* instant) { return AsRecorded(*parse_instant(instant)); };
    EXPECT_TRUE(store->status_history("R3", by("2026-11-30T23:59:59Z")).empty());
    EXPECT_EQ(store->status_history("R3", by("2026-12-01T09:00:00Z")).size(), 1u);
    EXPECT_FALSE(store->recommendation("R3", by("2020-01-01T00:00:00Z")));
}

TEST(Store, AWriterWaitsThenGivesUpOnALockedDatabase) {
    TempDir dir;
    { auto store = small_store(dir.file("a.db")); }
    SQLite::Database holder(dir.file("a.db"), SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    Store store(dir.file("a.db"), {Access::write, 100});
    try {
        Store::Transaction tx(store);
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos);
    }
    holder.exec("ROLLBACK");
    Store::Transaction tx(store);  // free again
}

TEST(Store, MigratesAVersionOneDatabaseForward) {
    TempDir dir;
    {
        // A database as the first release left it: schema version 1 only.
        SQLite::Database raw(dir.file("v1.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& m : rectrack::migrations())
            if (m.version == 1) raw.exec(std::string(m.sql));
        raw.exec("PRAGMA user_version = 1");
    }
    Store s(dir.file("v1.db"), {});
    EXPECT_EQ(s.schema_version(), Store::latest_schema_version());
    EXPECT_GE(Store::latest_schema_version(), 2);
    EXPECT_TRUE(s.evidence_health().empty());  // the version 2 tables are there
    EXPECT_TRUE(s.verify().ok);
}

TEST(Store, VersionFourKeepsTheMeasuresOfAnOlderDatabase) {
    TempDir dir;
    {
        SQLite::Database raw(dir.file("v3.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& m : rectrack::migrations())
            if (m.version <= 3) raw.exec(std::string(m.sql));
        raw.exec(
            "INSERT INTO measures(key, title, type, institutions, celex, eli, com_ref, procedure, "
            "url, event_id, recorded_at) VALUES ('dsa', 'Digital Services Act', 'regulation', "
            "'[]', '32022R2065', '', '', '', '', 7, '2026-01-01T00:00:00Z')");
        raw.exec("PRAGMA user_version = 3");
    }
    Store s(dir.file("v3.db"), {});
    ASSERT_GE(Store::latest_schema_version(), 4);
    const auto m = s.measure("dsa");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->title, "Digital Services Act");
    EXPECT_EQ(m->celex, "32022R2065");
}

TEST(Store, VersionElevenFindsTheSourcesOfAnOlderDatabaseByTheirUrlForm) {
    TempDir dir;
    small_store(dir.file("v10.db")).reset();
    {
        // As schema 10 left it: no URL forms.
        SQLite::Database raw(dir.file("v10.db"), SQLite::OPEN_READWRITE);
        raw.exec(
            "DROP INDEX evidence_url_form; UPDATE evidence SET url_form = ''; DROP TABLE "
            "projection_digests; DROP TABLE digested_through");
        raw.exec("PRAGMA user_version = 10");
    }
    {
        SQLite::Database raw(dir.file("v10.db"), SQLite::OPEN_READWRITE);
        raw.exec("ALTER TABLE evidence DROP COLUMN url_form");
    }
    Store s(dir.file("v10.db"), {});
    const auto found =
        s.evidence_by_url_form(comparable_url("HTTP://EUR-Lex.europa.eu/eli/reg/2024/1689/oj/"));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].url, "https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
    EXPECT_TRUE(s.verify().ok) << s.verify().problem;
}

// The whole-journal view reports read: by recommendation, effective date,
// then event, whatever order they were recorded in; retracted ones left out.
TEST(Store, AllStatusChangesComeByRecommendationDateAndEvent) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    EventId retracted = 0;
    {
        Store::Transaction tx(*store);
        Tracker tracker(*store, tx, test_actor());
        tracker.set_status("R3", "partial", Date{2025, 1, 2}, {"E2", "E1"}, "");
        tracker.set_status("R1", "announced", Date{2020, 5, 1}, {}, "backdated");
        retracted = tracker.set_status("R1", "partial", Date{2020, 6, 1}, {}, "").id;
        tracker.correct(retracted, "entered in error");
        tx.commit();
    }
    const auto all = store->all_status_changes({});
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 1; i < all.size(); ++i) {
        const auto &a = all[i - 1], &b = all[i];
        EXPECT_TRUE(std::tie(a.rec, a.date, a.event) < std::tie(b.rec, b.date, b.event))
            << a.event << " before " << b.event;
    }
    for (const auto& c : all) {
        EXPECT_NE(c.event, retracted);
        EXPECT_FALSE(c.author.empty());
        EXPECT_TRUE(std::is_sorted(c.evidence.begin(), c.evidence.end()));
        // The same change, field for field, as the per-recommendation query reads it.
        const auto own = store->status_history(c.rec);
        const auto same = std::find_if(own.begin(), own.end(),
                                       [&](const StatusChange& o) { return o.event == c.event; });
        ASSERT_NE(same, own.end());
        EXPECT_EQ(same->evidence, c.evidence);
        EXPECT_EQ(same->recorded_at, c.recorded_at);
        EXPECT_EQ(same->note, c.note);
    }
    EXPECT_EQ(all.front().rec, "R1");
    EXPECT_EQ(all.front().note, "backdated");
}

// What a new status change is compared with: the latest valid change and
// the start of its run of equal statuses, a retracted change left out.
TEST(Store, TheCurrentStatusRunStartsAtItsFirstEqualChange) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    EXPECT_FALSE(store->current_status_run("R3"));
    record(*store, [](Tracker& t) {
        t.set_status("R3", "announced", Date{2021, 1, 5}, {}, "");
        t.set_status("R3", "partial", Date{2022, 2, 1}, {}, "");
        t.set_status("R3", "partial", Date{2023, 3, 1}, {}, "");
        const EventId wrong = t.set_status("R3", "implemented", Date{2024, 4, 1}, {}, "").id;
        t.correct(wrong, "entered in error");
        // Recorded last, dated first: the run is read in date order.
        t.set_status("R3", "proposed", Date{2020, 12, 1}, {}, "");
    });
    const auto run = store->current_status_run("R3");
    ASSERT_TRUE(run);
    EXPECT_EQ(run->status, "partial");
    EXPECT_EQ(run->since, (Date{2022, 2, 1}));
    const auto r1 = store->current_status_run("R1");
    ASSERT_TRUE(r1);
    EXPECT_EQ(r1->status, "partial");
    EXPECT_EQ(r1->since, (Date{2024, 6, 13}));
}

// Events are hashed from the texts they are stored as; the hash must still
// be chain_hash() of the event, the definition every reader checks against.
TEST(Store, EveryEventIsHashedAsChainHashDefinesIt) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    {
        Store::Transaction tx(*store);
        Tracker tracker(*store, tx, Actor{"Zoë \"Q\" Müller\t", test_now()});
        tracker.add_note("R1", "quotes \" backslash \\ control \x01 and ünïcödé", Date{2024, 1, 1});
        tx.commit();
    }
    std::string previous = kGenesisHash;
    store->for_each_event([&](const Event& e) {
        EXPECT_EQ(chain_hash(previous, e), e.hash) << "event #" << e.id;
        previous = e.hash;
    });
}
