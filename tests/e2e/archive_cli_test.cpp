// End-to-end tests of `rectrack evidence archive`: local copies taken from
// the test server on 127.0.0.1, given back byte for byte, carried through
// export and import, and checked by `verify`.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <sstream>

#include "e2e/link_server_fixture.hpp"
#include "model/sha256.hpp"

using namespace rectrack::test;

namespace {

// What the test server serves at /doc.pdf: binary, NUL bytes included.
std::string served_pdf() {
    std::string body = "%PDF-1.4\n";
    for (int i = 0; i < 8; ++i)
        for (int b = 0; b < 256; ++b) body += static_cast<char>(b);
    return body + "\n%%EOF\n";
}

class ArchiveCli : public LinkServerTest {
  protected:
    void SetUp() override {
        LinkServerTest::SetUp();
        if (HasFatalFailure()) return;
        // E1 /ok, E2 /doc.pdf, E3 /missing, E4 /chain1 (two redirects to /ok), E5 /big.
        std::ostringstream data;
        data << "[report]\nkey='t'\ntitle='Test'\nissued=2020-01-01\n"
             << "[[recommendation]]\nkey='R1'\nnumber=1\ntitle='One'\n";
        for (const char* r : {"/ok", "/doc.pdf", "/missing", "/chain1", "/big"})
            data << "[[evidence]]\nurl='" << base << r << "'\ntitle='" << r
                 << "'\npublished=2021-01-01\n";
        data << "[[status_change]]\nrec='R1'\nstatus='partial'\ndate=2021-02-01\nevidence=['"
             << base << "/ok']\n";
        write_text(dir.file("data.toml"), data.str());
        ok({"init", "--data", dir.file("data.toml")});
    }
    std::vector<std::string> archive(std::vector<std::string> args) {
        args.insert(args.begin(), {"evidence", "archive"});
        for (const char* a :
             {"--allow-private", "--min-interval-ms", "0", "--timeout", "5", "--retries", "1"})
            args.emplace_back(a);
        return args;
    }
    std::set<std::string> unarchived() {
        std::set<std::string> out;
        const auto audit = nlohmann::json::parse(rt({"audit", "--format", "json"}).out);
        for (const auto& f : audit["findings"])
            if (f["kind"] == "no_archive") out.insert(f["subject"].get<std::string>());
        return out;
    }
};

}  // namespace

TEST_F(ArchiveCli, KeepsTheBytesServedAndClearsNoArchive) {
    EXPECT_TRUE(unarchived().contains("E2"));
    const std::string out = ok(archive({"E1", "E2", "E4"}));
    EXPECT_NE(out.find("E2 archived: " + std::to_string(served_pdf().size()) +
                       " bytes of application/pdf"),
              std::string::npos)
        << out;

    // Binary content comes back exactly, through a file and through a pipe.
    ok({"evidence", "archive", "--open", "E2", "--output", dir.file("copy.pdf")});
    EXPECT_EQ(read_text(dir.file("copy.pdf")), served_pdf());
    EXPECT_EQ(rt({"evidence", "archive", "--open", "E2"}).out, served_pdf());
    EXPECT_NE(ok({"evidence", "archive", "--open", base + "/ok"}).find("Official text"),
              std::string::npos);

    const auto show = nlohmann::json::parse(ok({"evidence", "show", "E2", "--format", "json"}));
    ASSERT_EQ(show["local_copies"].size(), 1u);
    EXPECT_EQ(show["local_copies"][0]["sha256"], rectrack::sha256_hex(served_pdf()));
    EXPECT_EQ(show["local_copies"][0]["fetched_at"], "2026-11-27T12:00:00Z");
    EXPECT_EQ(show["local_copies"][0]["http_status"], 200);
    // A redirected source is kept as served at the end of its redirects.
    const auto chain = nlohmann::json::parse(ok({"evidence", "show", "E4", "--format", "json"}));
    EXPECT_EQ(chain["local_copies"][0]["final_url"], base + "/ok");
    EXPECT_NE(ok({"evidence", "show", "E4"}).find("Copy:      2026-11-27T12:00:00Z"),
              std::string::npos);

    const auto left = unarchived();
    EXPECT_FALSE(left.contains("E1"));
    EXPECT_FALSE(left.contains("E2"));
    EXPECT_TRUE(left.contains("E3"));
    EXPECT_EQ(ok({"verify"}).find("ok"), 0u);
}

TEST_F(ArchiveCli, CopiesSurviveExportAndImport) {
    ok(archive({"E2"}));
    for (const char* format : {"json", "toml"}) {
        SCOPED_TRACE(format);
        const std::string exported = dir.file(std::string("journal.") + format);
        write_text(exported, ok({"export", "--format", format}));
        env["RECTRACK_DB"] = dir.file(std::string("imported-") + format + ".db");
        ok({"import", exported});
        EXPECT_EQ(rt({"evidence", "archive", "--open", "E2"}).out, served_pdf());
        EXPECT_FALSE(unarchived().contains("E2"));
        EXPECT_EQ(ok({"export", "--format", format}), read_text(exported));
        env["RECTRACK_DB"] = db;
    }
}

TEST_F(ArchiveCli, ImportRefusesAMissingOrAlteredCopy) {
    ok(archive({"E2"}));
    write_text(dir.file("journal.json"), ok({"export", "--format", "json"}));
    auto doc = nlohmann::json::parse(read_text(dir.file("journal.json")));
    ASSERT_EQ(doc["objects"].size(), 1u);

    auto without = doc;
    without.erase("objects");
    write_text(dir.file("without.json"), without.dump(2));
    env["RECTRACK_DB"] = dir.file("a.db");
    Result r = rt({"import", dir.file("without.json")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("copy of E2 archived by event #"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("a.db")));

    auto altered = doc;
    altered["objects"][0]["size"] = altered["objects"][0]["size"].get<int>() - 1;
    write_text(dir.file("altered.json"), altered.dump(2));
    r = rt({"import", dir.file("altered.json")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("zlib-compressed content"), std::string::npos) << r.err;
}

TEST_F(ArchiveCli, VerifyFindsADamagedCopy) {
    ok(archive({"E2"}));
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("UPDATE objects SET zlib = x'789c4b4c4a0600024d0127'");  // zlib of "abc"
    }
    Result r = rt({"verify"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("copy of E2 archived by event #"), std::string::npos) << r.out << r.err;
    r = rt({"evidence", "archive", "--open", "E2"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("damaged"), std::string::npos) << r.err;
}

TEST_F(ArchiveCli, FailuresAreNamedAndRecordNothingForThem) {
    Result r = rt(archive({"E1", "E3"}));
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("could not archive E3 " + base + "/missing: broken (HTTP 404)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("E1 archived"), std::string::npos) << r.out;
    EXPECT_TRUE(unarchived().contains("E3"));

    r = rt(archive({"E5", "--max-body", "1000"}));
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("too large to keep"), std::string::npos) << r.err;

    // Loopback needs --allow-private, as in the online audit.
    r = rt({"evidence", "archive", "E2"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("loopback or private address"), std::string::npos) << r.err;
    EXPECT_TRUE(requests_to("/doc.pdf").empty());
    EXPECT_TRUE(unarchived().contains("E2"));

    r = rt({"evidence", "archive", "--open", "E3"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("E3 has no local copy"), std::string::npos) << r.err;
    EXPECT_EQ(rt({"evidence", "archive"}).code, 2);
    EXPECT_EQ(rt({"evidence", "archive", "E9"}).code, 2);
}

TEST_F(ArchiveCli, AllFetchesOnlySourcesWithoutACopy) {
    ok(archive({"E2"}));
    ASSERT_EQ(requests_to("/doc.pdf", 1).size(), 1u);
    Result r = rt(archive({"--all"}));
    EXPECT_EQ(r.code, 1);  // /missing cannot be kept
    EXPECT_EQ(requests_to("/missing", 1).size(), 1u);
    EXPECT_EQ(requests_to("/doc.pdf").size(), 1u);
    EXPECT_EQ(unarchived(), (std::set<std::string>{"E3"}));
}

TEST_F(ArchiveCli, ACorrectedArchiveNoLongerCounts) {
    const std::string out = ok(archive({"E2"}));
    const std::string event = out.substr(out.find('#') + 1, out.find(':') - out.find('#') - 1);
    ok({"correct", event, "--reason", "archived the wrong page"});
    EXPECT_TRUE(unarchived().contains("E2"));
    const auto show = nlohmann::json::parse(ok({"evidence", "show", "E2", "--format", "json"}));
    EXPECT_TRUE(show["local_copies"].empty());
    EXPECT_EQ(rt({"evidence", "archive", "--open", "E2"}).code, 2);
}
