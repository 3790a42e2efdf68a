#include "dataset/journal_file.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "model/error.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {
ImportResult import_into(Store& store, const std::string& path) {
    Store::Transaction tx(store);
    auto r = import_file(store, tx, test_actor(), path);
    tx.commit();
    return r;
}
}  // namespace

TEST(JournalFile, TomlExportImportExportIsIdentical) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    const std::string first = export_journal_toml(*store);
    write_text(dir.file("j.toml"), first);
    Store copy(dir.file("b.db"), {Access::create, 1000});
    EXPECT_TRUE(import_into(copy, dir.file("j.toml")).journal);
    EXPECT_EQ(export_journal_toml(copy), first);
    EXPECT_TRUE(copy.verify().ok);
}

TEST(JournalFile, JsonExportImportExportIsIdentical) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    const std::string first = export_journal_json(*store);
    write_text(dir.file("j.json"), first);
    Store copy(dir.file("b.db"), {Access::create, 1000});
    import_into(copy, dir.file("j.json"));
    EXPECT_EQ(export_journal_json(copy), first);
}

// The JSON export is written an element at a time. It must be byte for
// byte the document dumped whole (sorted keys, two-space indents), as every
// export before it was, with and without archived copies and events.
TEST(JournalFile, StreamedJsonIsTheWholeDocumentDumped) {
    TempDir dir;
    auto whole = [](const std::string& text) { return nlohmann::json::parse(text).dump(2) + "\n"; };
    Store empty(dir.file("e.db"), {Access::create, 1000});
    const std::string none = export_journal_json(empty);
    EXPECT_EQ(none, whole(none));
    EXPECT_NE(none.find("\"events\": []"), std::string::npos);

    auto store = small_store(dir.file("a.db"));
    const std::string plain = export_journal_json(*store);
    EXPECT_EQ(plain, whole(plain));
    EXPECT_EQ(plain.find("\"objects\""), std::string::npos);

    CheckResult fetched;
    fetched.url = fetched.final_url = "https://example.org/a";
    fetched.result = CheckOutcome::ok;
    fetched.http_status = 200;
    fetched.body = "<html>a line\nand \"quotes\"</html>";
    fetched.content_type = "text/html";
    record(*store, [&](Tracker& t) { t.record_archive(1, fetched, "2026-11-27T11:59:00Z"); });
    const std::string with_copy = export_journal_json(*store);
    EXPECT_EQ(with_copy, whole(with_copy));
    EXPECT_EQ(nlohmann::json::parse(with_copy)["objects"].size(), 1u);
    EXPECT_EQ(nlohmann::json::parse(with_copy)["events"].size(),
              static_cast<size_t>(store->last_event_id()));

    std::ostringstream streamed;
    write_journal_json(*store, streamed);
    EXPECT_EQ(streamed.str(), with_copy);
}

// Events are written from their stored text when it is what was hashed; a
// payload stored in another form (spaces) is parsed and written as before.
TEST(JournalFile, APayloadStoredInAnotherFormExportsAsItsContent) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    const std::string before = export_journal_json(*store);
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_no_update");
        raw.exec("UPDATE events SET payload = replace(payload, ':', ' : ') WHERE id = 3");
    }
    EXPECT_EQ(export_journal_json(*store), before);
}

TEST(JournalFile, ImportRejectsAnEditedExport) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    std::string text = export_journal_json(*store);
    const size_t at = text.find("Regulate widgets");
    text.replace(at, 8, "Ignore  ");
    write_text(dir.file("j.json"), text);
    Store copy(dir.file("b.db"), {Access::create, 1000});
    EXPECT_THROW(import_into(copy, dir.file("j.json")), InputError);
    EXPECT_EQ(copy.last_event_id(), 0);
}

TEST(JournalFile, AJournalNeedsAnEmptyDatabase) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    write_text(dir.file("j.toml"), export_journal_toml(*store));
    EXPECT_THROW(import_into(*store, dir.file("j.toml")), InputError);
}

TEST(JournalFile, MalformedJournalsAreInputErrors) {
    TempDir dir;
    Store copy(dir.file("b.db"), {Access::create, 1000});
    write_text(dir.file("no-events.json"), R"({"format": "rectrack-journal", "version": 1})");
    EXPECT_THROW(import_into(copy, dir.file("no-events.json")), InputError);
    write_text(dir.file("newer.json"),
               R"({"format": "rectrack-journal", "version": 2, "events": []})");
    EXPECT_THROW(import_into(copy, dir.file("newer.json")), InputError);
    write_text(dir.file("newer.toml"), "format = 'rectrack-journal'\nversion = 9\n");
    EXPECT_THROW(import_into(copy, dir.file("newer.toml")), InputError);
    // A correctly hashed event whose payload the projections cannot use.
    Event e;
    e.id = 1;
    e.kind = EventKind::measure_unlinked;
    e.subjects = {"rec:R1"};
    e.payload = {{"rec", "R1"}};  // no link_event
    e.effective = Date{2024, 1, 1};
    e.recorded_at = "2026-11-27T12:00:00Z";
    e.author = "mallory";
    e.hash = chain_hash(kGenesisHash, e);
    const nlohmann::json doc = {{"format", "rectrack-journal"},
                                {"version", 1},
                                {"events",
                                 {{{"id", e.id},
                                   {"kind", name(e.kind)},
                                   {"subjects", e.subjects},
                                   {"payload", e.payload},
                                   {"effective", "2024-01-01"},
                                   {"recorded_at", e.recorded_at},
                                   {"author", e.author},
                                   {"hash", e.hash}}}}};
    write_text(dir.file("crafted.json"), doc.dump());
    EXPECT_THROW(import_into(copy, dir.file("crafted.json")), InputError);
    EXPECT_EQ(copy.last_event_id(), 0);
}

// Inputs the fuzzers found (tests/fuzz/regressions): each is refused as bad
// input or imported, never an internal error.
TEST(JournalFile, FuzzFindingsAreInputErrors) {
    int files = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(RECTRACK_FUZZ_REGRESSIONS)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        TempDir dir;
        Store store(dir.file("f.db"), {Access::create, 1000});
        try {
            import_into(store, entry.path().string());
        } catch (const InputError&) {
        }
    }
    EXPECT_GE(files, 2);
}

TEST(JournalFile, ANumberTooLargeForJsonIsAnInputError) {
    TempDir dir;
    write_text(dir.file("big.json"),
               R"({"format": "rectrack-journal", "version": 1, "events": [4e8972]})");
    Store store(dir.file("f.db"), {Access::create, 1000});
    try {
        import_into(store, dir.file("big.json"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos) << e.what();
    }
}

// A forged journal whose hashes agree but whose events the projections
// cannot hold is bad input, not a storage failure.
TEST(JournalFile, AConsistentlyHashedButImpossibleJournalIsAnInputError) {
    Event e;
    e.id = 1;
    e.kind = EventKind::scale_set;
    e.subjects = {"scale"};
    e.payload = {{"statuses",
                  {{{"name", "a"}, {"label", "A"}, {"closed", false}},
                   {{"name", "a"}, {"label", "A"}, {"closed", false}}}}};
    e.effective = *parse_date("2020-01-01");
    e.recorded_at = "2026-11-27T12:00:00Z";
    e.author = "forger";
    e.hash = chain_hash(kGenesisHash, e);
    const nlohmann::json doc = {{"format", "rectrack-journal"},
                                {"version", 1},
                                {"events",
                                 {{{"id", e.id},
                                   {"kind", "scale_set"},
                                   {"subjects", e.subjects},
                                   {"payload", e.payload},
                                   {"effective", "2020-01-01"},
                                   {"recorded_at", e.recorded_at},
                                   {"author", e.author},
                                   {"hash", e.hash}}}}};
    TempDir dir;
    write_text(dir.file("forged.json"), doc.dump());
    Store store(dir.file("f.db"), {Access::create, 1000});
    try {
        import_into(store, dir.file("forged.json"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot be replayed"), std::string::npos) << e.what();
    }
}
