// End-to-end tests: the real rectrack binary on temporary databases, with
// the clock fixed so that output is stable enough for golden files.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "app.hpp"
#include "e2e/cli_fixture.hpp"
#include "store/projection_digest.hpp"

using namespace rectrack::test;

namespace {

class Cli : public CliTest {
  protected:
    void init_small() { ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"}); }
    std::string journal() { return ok({"export"}); }
};

nlohmann::json parse(const std::string& s) {
    return nlohmann::json::parse(s);
}

}  // namespace

// Every command path in the CLI11 tree the binary runs ({}, {"measure"},
// {"measure", "add"}, ...), so that a new command cannot be missed.
void command_paths(const CLI::App& app, std::vector<std::string> path,
                   std::vector<std::vector<std::string>>& out) {
    out.push_back(path);
    for (const CLI::App* sub : app.get_subcommands({})) {
        path.push_back(sub->get_name());
        command_paths(*sub, path, out);
        path.pop_back();
    }
}

TEST_F(Cli, HelpWorksForEveryCommandInTheTree) {
    rectrack::cli::Context ctx;
    const auto app = rectrack::cli::make_app(ctx);
    std::vector<std::vector<std::string>> paths;
    command_paths(*app, {}, paths);
    EXPECT_GT(paths.size(), 25u);  // the tree was walked, not just its root
    for (auto args : paths) {
        const std::string name = ::testing::PrintToString(args);
        args.push_back("--help");
        Result r = rt(args);
        EXPECT_EQ(r.code, 0) << name;
        EXPECT_NE(r.out.find("Usage"), std::string::npos) << name;
        if (args.size() > 1) {
            EXPECT_NE(r.out.find(args[args.size() - 2]), std::string::npos) << name;
        }
    }
}

// A command named on the command line is built alone, from its family: each
// family must add exactly the commands it claims, or one would be missing
// when named; the man page and a line naming no command get every one.
TEST_F(Cli, EachCommandFamilyBuildsTheCommandsItNames) {
    rectrack::cli::Context ctx;
    auto names_in = [](const CLI::App& app) {
        std::vector<std::string> names;
        for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
        return names;
    };
    const std::vector<std::string> all = names_in(*rectrack::cli::make_app(ctx));
    std::vector<std::string> listed;
    for (const auto& family : rectrack::cli::command_families())
        for (const auto& name : family.names) {
            listed.push_back(name);
            const auto alone =
                rectrack::cli::make_app(ctx, {"--db", "a.db", "--strict", name, "--help"});
            EXPECT_EQ(names_in(*alone), name == "_man" ? all : family.names) << name;
        }
    EXPECT_EQ(listed, all);
    EXPECT_EQ(names_in(*rectrack::cli::make_app(ctx, {"--help"})), all);
    EXPECT_EQ(names_in(*rectrack::cli::make_app(ctx, {"staus"})), all);
    const Result help = rt({"--help"});
    for (const auto& name : {"status", "report", "untag", "response"})
        EXPECT_NE(help.out.find(name), std::string::npos) << name;
}

TEST_F(Cli, InitLoadsTheBundledDataAndNeverOverwrites) {
    ok({"init"});
    const auto recs = parse(ok({"recs", "--format", "json"}));
    ASSERT_EQ(recs.size(), 11u);
    EXPECT_EQ(recs[3]["key"], "R4");
    const std::string before = journal();
    Result again = rt({"init"});
    EXPECT_EQ(again.code, 2);
    EXPECT_NE(again.err.find("never overwritten"), std::string::npos);
    EXPECT_EQ(journal(), before);
    EXPECT_EQ(rt({"init", "--exists-ok"}).code, 0);
    EXPECT_EQ(journal(), before);
    EXPECT_EQ(rt({"verify"}).code, 0);
}

// A listing or report cut off by a full disk must not pass for a whole one.
TEST_F(Cli, OutputThatCannotBeWrittenIsAnError) {
    init_small();
    for (const std::string command : {"recs", "report --quarter 2022-Q1", "export"}) {
        const Result r = tool("/bin/sh", {"-c", std::string("'") + RECTRACK_BIN + "' --db '" + db +
                                                    "' " + command + " > /dev/full"});
        EXPECT_EQ(r.code, 3) << command << "\n" << r.err;
        EXPECT_NE(r.err.find("could not write all of the output"), std::string::npos) << r.err;
    }
    EXPECT_EQ(rt({"recs"}).code, 0);
}

TEST_F(Cli, RecsFiltersByStatus) {
    init_small();
    const auto partial = parse(ok({"recs", "--status", "partial", "--format", "json"}));
    std::vector<std::string> keys;
    for (const auto& r : partial) keys.push_back(r["key"]);
    EXPECT_EQ(keys, (std::vector<std::string>{"R1", "R2.a"}));
    const auto two =
        parse(ok({"recs", "--status", "partial", "--status", "not_started", "--format", "json"}));
    EXPECT_EQ(two.size(), 3u);
}

TEST_F(Cli, RecsJsonHasTheDocumentedFields) {
    init_small();
    const auto r1 = parse(ok({"recs", "--format", "json"}))[0];
    EXPECT_EQ(r1["key"], "R1");
    EXPECT_EQ(r1["title"], "Regulate widgets");
    EXPECT_EQ(r1["status"], "partial");
    EXPECT_EQ(r1["status_since"], "2024-06-13");
    EXPECT_EQ(r1["measures"], 1);
    EXPECT_EQ(r1["evidence"], 1);
}

TEST_F(Cli, ShowJsonHasTheDocumentedFields) {
    init_small();
    const auto s = parse(ok({"show", "R1", "--format", "json"}));
    for (const char* f : {"key", "title", "text", "status", "history", "measures", "evidence"})
        EXPECT_TRUE(s.contains(f)) << f;
    ASSERT_EQ(s["history"].size(), 2u);
    for (const char* f : {"event", "date", "status", "note", "author", "recorded_at", "evidence"})
        EXPECT_TRUE(s["history"][0].contains(f)) << f;
    EXPECT_EQ(s["history"][0]["note"], "Proposal tabled");
    EXPECT_EQ(s["history"][0]["evidence"][0], "E1");
    ASSERT_EQ(s["measures"].size(), 1u);
    for (const char* f : {"key", "title", "relation", "celex", "stages"})
        EXPECT_TRUE(s["measures"][0].contains(f)) << f;
    EXPECT_EQ(s["measures"][0]["celex"], "32024R1689");
    EXPECT_EQ(s["measures"][0]["stages"].size(), 3u);
}

// Every rejected command: exit code, one clear line on stderr, nothing written.
TEST_F(Cli, RejectedCommandsLeaveTheJournalByteForByteUnchanged) {
    init_small();
    struct Case {
        std::vector<std::string> args;
        int code;
        std::string says;
    };
    const std::vector<Case> cases = {
        {{"status", "R9", "partial", "--date", "2025-01-01"}, 2, "unknown recommendation 'R9'"},
        {{"status", "R3", "done", "--date", "2025-01-01"}, 2, "unknown status 'done'"},
        {{"status", "R3", "partial", "--date", "2026-02-30"}, 2, "invalid date '2026-02-30'"},
        {{"status", "R3", "partial", "--date", "2026-11-28"}, 2, "in the future"},
        {{"status", "R3", "partial", "--date", "2025-01-01", "--evidence", "E42"},
         2,
         "unknown evidence E42"},
        {{"status", "R2", "partial", "--date", "2025-01-01"}, 2, "tracked through its parts"},
        {{"measure", "add", "widget-act", "--title", "T", "--type", "regulation"},
         2,
         "already exists"},
        {{"measure", "add", "m", "--title", "T", "--type", "law"}, 2, "unknown measure type 'law'"},
        {{"measure", "add", "m", "--title", "T", "--type", "regulation", "--celex", "3202R1"},
         2,
         "malformed CELEX"},
        {{"measure", "add", "m", "--title", "T", "--type", "regulation", "--com", "COM 2021 5"},
         2,
         "malformed Commission document reference"},
        {{"measure", "add", "m", "--title", "T", "--type", "regulation", "--procedure",
          "2021/0106"},
         2,
         "malformed procedure reference"},
        {{"measure", "add", "m", "--title", "T", "--type", "regulation", "--stage",
          "passed=2024-01-01"},
         2,
         "unknown stage 'passed'"},
        {{"measure", "stage", "nope", "adopted", "--date", "2024-01-01"},
         2,
         "unknown measure 'nope'"},
        {{"measure", "stage", "widget-act", "voted", "--date", "2024-01-01"},
         2,
         "unknown stage 'voted'"},
        {{"link", "R3", "widget-act", "--relation", "helps"}, 2, "unknown relation 'helps'"},
        {{"link", "R1", "widget-act"}, 2, "already linked"},
        {{"unlink", "R3", "widget-act", "--reason", "x"}, 2, "not linked"},
        {{"evidence", "add", "file:///etc/passwd", "--title", "x"}, 2, "only http and https"},
        {{"evidence", "add", "javascript:alert(1)", "--title", "x"}, 2, "invalid evidence URL"},
        {{"note", "R9", "text"}, 2, "neither a recommendation nor a measure"},
        {{"correct", "9999", "--reason", "x"}, 2, "no event #9999"},
        {{"correct", "abc", "--reason", "x"}, 2, "invalid event number"},
        {{"status", "R3"}, 2, "required"},
        {{"frobnicate"}, 2, ""},
    };
    const std::string before = journal();
    for (const auto& c : cases) {
        Result r = rt(c.args);
        const std::string what = ::testing::PrintToString(c.args);
        EXPECT_EQ(r.code, c.code) << what << "\n" << r.err;
        EXPECT_TRUE(r.err.starts_with("rectrack: error: ")) << what << ": " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << what << ": " << r.err;
        EXPECT_NE(r.err.find(c.says), std::string::npos) << what << ": " << r.err;
        EXPECT_TRUE(r.out.empty()) << what << ": " << r.out;
    }
    EXPECT_EQ(journal(), before);
    EXPECT_EQ(rt({"verify"}).code, 0);
}

TEST_F(Cli, MissingDatabaseSaysHowToCreateOne) {
    Result r = rt({"recs"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("rectrack init"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(Cli, NewerSchemaIsRefused) {
    init_small();
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    Result r = rt({"recs"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("newer"), std::string::npos);
}

TEST_F(Cli, ALockedDatabaseFailsCleanlyAfterTheTimeout) {
    init_small();
    const std::string before = journal();
    {
        SQLite::Database holder(db, SQLite::OPEN_READWRITE);
        holder.exec("BEGIN IMMEDIATE");
        env["RECTRACK_BUSY_TIMEOUT_MS"] = "200";
        Result r = rt({"status", "R3", "partial", "--date", "2025-01-01"});
        EXPECT_EQ(r.code, 3);
        EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
        holder.exec("ROLLBACK");
    }
    EXPECT_EQ(journal(), before);
}

TEST_F(Cli, VerifyNamesTheFirstTamperedEvent) {
    init_small();
    EXPECT_NE(ok({"verify"}).find("ok:"), std::string::npos);
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_no_update");
        raw.exec("UPDATE events SET author = 'mallory' WHERE id = 12");
    }
    Result r = rt({"verify"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("event #12"), std::string::npos) << r.out;
}

// A table edited with its checksum passes the checksums; --full rebuilds
// the tables from the journal and says which row it does not explain.
TEST_F(Cli, VerifyFullFindsWhatTheChecksumsCannot) {
    init_small();
    EXPECT_NE(ok({"verify"}).find("projections match (by their checksums)"), std::string::npos);
    EXPECT_NE(ok({"verify", "--full"}).find("projections match (rebuilt from the journal)"),
              std::string::npos);
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("UPDATE status_changes SET note = 'rewritten'");
    }
    Result r = rt({"verify"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("the status_changes table does not hold what rectrack wrote"),
              std::string::npos)
        << r.out;
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        rectrack::reset_digests(raw);  // as a careful forger would
    }
    EXPECT_EQ(rt({"verify"}).code, 0);
    r = rt({"verify", "--full"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(
        r.out.find("FAILED: the status_changes table holds a row the journal does not explain"),
        std::string::npos)
        << r.out;
}

TEST_F(Cli, ExportImportExportIsIdentical) {
    init_small();
    ok({"status", "R3", "announced", "--date", "2025-03-01", "--note", "late"});
    for (const std::string format : {"toml", "json"}) {
        const std::string first = ok({"export", "--format", format});
        write_text(dir.file("journal." + format), first);
        const std::string copy = dir.file("copy-" + format + ".db");
        ok({"--db", copy, "import", dir.file("journal." + format)});
        EXPECT_EQ(ok({"--db", copy, "export", "--format", format}), first) << format;
        EXPECT_EQ(rt({"--db", copy, "verify"}).code, 0);
    }
}

TEST_F(Cli, SplittingARecommendationIntoParts) {
    init_small();
    ok({"rec", "add", "R3.a", "--parent", "R3", "--title", "Fund China studies", "--text",
        "The EU should fund China studies."});
    // The line names the event that the journal holds, once it is committed.
    const std::string added =
        ok({"rec", "add", "R3.b", "--parent", "R3", "--title", "Fund language institutes"});
    const auto logged = parse(ok({"log", "R3.b", "--format", "json"}));
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(added, "recorded #" + std::to_string(logged[0]["id"].get<int>()) +
                         ": R3.b added: Fund language institutes\n");
    ok({"status", "R3.a", "partial", "--date", "2025-01-01", "--evidence", "E1"});
    ok({"status", "R3.b", "announced", "--date", "2025-02-01", "--evidence", "E2"});
    const auto recs = parse(ok({"recs", "--format", "json"}));
    std::map<std::string, std::string> status;
    for (const auto& r : recs) status[r["key"]] = r["status"];
    EXPECT_EQ(status["R3"], "announced");  // its least advanced part
    EXPECT_EQ(status["R3.a"], "partial");
    EXPECT_EQ(rt({"status", "R3", "partial", "--date", "2025-03-01"}).code, 2);
    EXPECT_EQ(rt({"rec", "add", "R3.a.i", "--parent", "R3.a", "--title", "x"}).code, 2);
    EXPECT_EQ(rt({"rec", "add", "R9.a", "--parent", "R9", "--title", "x"}).code, 2);
    EXPECT_EQ(rt({"rec", "add", "R1", "--title", "again"}).code, 2);
    // A recommendation with a status of its own is split keeping it (see
    // split_cli_test.cpp), but never before its last status change.
    EXPECT_EQ(
        rt({"rec", "add", "R1.a", "--parent", "R1", "--title", "x", "--date", "2020-03-02"}).code,
        2);
}

TEST_F(Cli, ADatasetCanAddToAReportAlreadyTracked) {
    init_small();
    write_text(dir.file("more.toml"),
               "[report]\nkey='test-report'\ntitle='A Test Report'\nissued=2020-03-01\n"
               "[[measure]]\nkey='new-act'\ntitle='New Act'\ntype='regulation'\n"
               "celex='32023R2675'\n[[link]]\nrec='R3'\nmeasure='new-act'\ndate=2024-01-01\n");
    ok({"import", dir.file("more.toml")});
    EXPECT_EQ(parse(ok({"show", "R3", "--format", "json"}))["measures"][0]["key"], "new-act");
    write_text(dir.file("clash.toml"),
               "[report]\nkey='test-report'\ntitle='Another title'\nissued=2020-03-01\n");
    const std::string before = journal();
    Result clash = rt({"import", dir.file("clash.toml")});
    EXPECT_EQ(clash.code, 2);
    EXPECT_NE(clash.err.find("tracks 'test-report'"), std::string::npos) << clash.err;
    EXPECT_EQ(journal(), before);
}

TEST_F(Cli, AFailedImportLeavesNoDatabaseBehind) {
    write_text(dir.file("broken.toml"), "[report]\nkey='r'\ntitle='T'\n");  // no issued date
    Result r = rt({"import", dir.file("broken.toml")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("issued"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(db));
    write_text(dir.file("empty.json"), R"({"format": "rectrack-journal", "version": 1})");
    Result journal = rt({"import", dir.file("empty.json")});
    EXPECT_EQ(journal.code, 2);
    EXPECT_NE(journal.err.find("\"events\" array"), std::string::npos) << journal.err;
    EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(Cli, RecordingAndCorrectingAStatus) {
    init_small();
    EXPECT_EQ(
        ok({"evidence", "add", "https://example.org/news", "--title", "News", "--kind", "news"}),
        "E3\n");
    EXPECT_EQ(ok({"evidence", "add", "https://example.org/news", "--title", "Again"}),
              "E3 (already recorded)\n");
    const std::string recorded =
        ok({"status", "R3", "partial", "--date", "2025-05-01", "--evidence", "E3"});
    const std::string id =
        recorded.substr(recorded.find('#') + 1, recorded.find(':') - recorded.find('#') - 1);
    EXPECT_EQ(parse(ok({"show", "R3", "--format", "json"}))["status"], "partial");
    ok({"correct", id, "--reason", "wrong recommendation"});
    const auto shown = parse(ok({"show", "R3", "--format", "json"}));
    EXPECT_EQ(shown["status"], "not_started");
    EXPECT_TRUE(shown["history"].empty());
    EXPECT_NE(ok({"log", "R3"}).find("[retracted by #"), std::string::npos);
    EXPECT_EQ(rt({"verify"}).code, 0);
}

TEST_F(Cli, MeasuresStagesLinksAndNotes) {
    init_small();
    ok({"measure", "add", "ai-act", "--title", "AI Act", "--type", "regulation", "--celex",
        "32024r1689", "--com", "COM(2021) 206 final", "--procedure", "2021/0106(COD)", "--stage",
        "proposed=2021-04-21", "--stage", "applies=2026-08-02"});
    ok({"measure", "stage", "ai-act", "adopted", "--date", "2024-06-13"});
    ok({"link", "R3", "ai-act", "--relation", "partly_advances", "--note", "bans social scoring"});
    const auto m = parse(ok({"measure", "show", "ai-act", "--format", "json"}));
    EXPECT_EQ(m["celex"], "32024R1689");
    EXPECT_EQ(m["eur_lex"], "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689");
    EXPECT_EQ(m["stages"].size(), 3u);
    EXPECT_EQ(m["recommendations"][0]["rec"], "R3");
    EXPECT_NE(ok({"measure", "list"}).find("ai-act"), std::string::npos);
    ok({"unlink", "R3", "ai-act", "--reason", "too indirect"});
    EXPECT_TRUE(parse(ok({"show", "R3", "--format", "json"}))["measures"].empty());
    ok({"note", "R3", "Watch the 2027 review", "--date", "2026-01-15"});
    EXPECT_NE(ok({"show", "R3"}).find("Watch the 2027 review"), std::string::npos);
    const auto since =
        parse(ok({"log", "--since", "2026-01-01", "--until", "2026-06-30", "--format", "json"}));
    ASSERT_EQ(since.size(), 1u);
    EXPECT_EQ(since[0]["kind"], "note_added");
}

TEST_F(Cli, TextThatIsNotUtf8IsRefusedAsInputNamingTheField) {
    init_small();
    const std::string before = journal();
    Result r = rt({"note", "R1", "caf\xE9 latin-1"});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_EQ(r.err, "rectrack: error: the text is not valid UTF-8; enter it as UTF-8 text\n");
    r = rt({"status", "R3", "announced", "--date", "2024-01-01", "--note", "\xFF"});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("the note is not valid UTF-8"), std::string::npos) << r.err;
    EXPECT_EQ(journal(), before);
}

TEST_F(Cli, ADeeplyNestedJournalIsRefusedAndLeavesNoDatabase) {
    const std::string nested = std::string(200000, '[') + std::string(200000, ']');
    write_text(dir.file("deep.json"),
               R"({"format":"rectrack-journal","version":1,"events":[{"id":1,"kind":"note_added",)"
               R"("subjects":[],"effective":"2024-01-01","recorded_at":"2024-01-01T00:00:00Z",)"
               R"("author":"x","hash":"00","payload":)" +
                   nested + "}]}");
    Result r = rt({"--db", dir.file("new.db"), "import", dir.file("deep.json")});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("nested more than"), std::string::npos) << r.err;
    for (const char* suffix : {"", "-wal", "-shm"})
        EXPECT_FALSE(std::filesystem::exists(dir.file("new.db") + suffix)) << suffix;
}

TEST_F(Cli, VersionNamesTheSchemaItWrites) {
    EXPECT_EQ(ok({"--version"}),
              std::string("rectrack ") + RECTRACK_VERSION + " (database schema " +
                  std::to_string(rectrack::Store::latest_schema_version()) + ")\n");
}
