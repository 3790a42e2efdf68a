#include "dataset/journal_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>

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
