// A database someone may read but not write: on read-only media, or in a
// folder that belongs to someone else. Read commands work and change nothing;
// writes fail with exit 3 and a plain message. Root ignores file modes, so
// the tests take the two real routes that bind root too: another user
// (setpriv), and a read-only bind mount in a private mount namespace.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "e2e/cli_fixture.hpp"
#include "store/migrations.hpp"

namespace rectrack::test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::vector<std::string>> kReads = {
    {"recs"},
    {"show", "R1"},
    {"log"},
    {"verify"},
    {"export", "--format", "json"},
    {"report", "--quarter", "2021-Q1", "--format", "json"},
    {"audit", "--format", "json", "--fail-on", "identifier_mismatch"},
};

class ReadOnly : public CliTest {
  protected:
    std::string folder = dir.file("shared");

    void SetUp() override {
        if (geteuid() != 0) GTEST_SKIP() << "needs root to change user or mount";
        fs::create_directory(folder);
        env["RECTRACK_DB"] = folder + "/rt.db";
        ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
        ok({"note", "R1", "a note before the database was made read-only"});
        for (const auto& args : kReads) expected.push_back(ok(args));
        // Readers leave SQLite's -wal (empty: readers write nothing) and -shm
        // behind; remove them to see whether the read-only runs create any.
        ASSERT_EQ(fs::file_size(folder + "/rt.db-wal"), 0u);
        fs::remove(folder + "/rt.db-wal");
        fs::remove(folder + "/rt.db-shm");
    }
    std::vector<std::string> expected;  // what each of kReads prints
    // Runs rectrack as the unprivileged user `nobody`.
    Result as_nobody(std::vector<std::string> args) {
        args.insert(args.begin(),
                    {"--reuid=65534", "--regid=65534", "--clear-groups", RECTRACK_BIN});
        return run_process("/usr/bin/setpriv", args, env, dir.path().string());
    }
    // Runs rectrack where `folder` is mounted read-only.
    Result on_read_only_mount(const std::vector<std::string>& args) {
        std::string script = "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"";
        std::vector<std::string> argv = {"--mount", "sh", "-c", script, folder, RECTRACK_BIN};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_process("/usr/bin/unshare", argv, env, dir.path().string());
    }
    std::vector<std::string> files() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(folder))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    // Every read command gives what it gives on a writable database, and
    // writes get exit 3 naming the database; the file is left as it was.
    template <typename Run>
    void reads_work_and_writes_are_refused(Run run) {
        const std::string before = read_text(folder + "/rt.db");
        for (std::size_t i = 0; i < kReads.size(); ++i) {
            const Result r = run(kReads[i]);
            EXPECT_EQ(r.code, 0) << kReads[i].front() << ": " << r.err;
            EXPECT_EQ(r.out, expected[i]) << kReads[i].front();
        }
        const Result write = run({"note", "R1", "one more"});
        EXPECT_EQ(write.code, 3) << write.err;
        EXPECT_NE(write.err.find("cannot write to the database '" + folder + "/rt.db'"),
                  std::string::npos)
            << write.err;
        EXPECT_EQ(read_text(folder + "/rt.db"), before);
        EXPECT_EQ(files(), std::vector<std::string>{"rt.db"});
    }
};

TEST_F(ReadOnly, AFolderAndFileOfAnotherUserCanBeRead) {
    fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(folder + "/rt.db",
                    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    reads_work_and_writes_are_refused(
        [&](const std::vector<std::string>& args) { return as_nobody(args); });
}

TEST_F(ReadOnly, ADatabaseOnReadOnlyMediaCanBeRead) {
    reads_work_and_writes_are_refused(
        [&](const std::vector<std::string>& args) { return on_read_only_mount(args); });
}

// An older schema is upgraded by whoever opens it first; a reader that
// cannot write must say so rather than fail obscurely or read a wrong layout.
TEST_F(ReadOnly, AnOldSchemaThatCannotBeUpgradedIsExplained) {
    fs::remove(folder + "/rt.db");
    {
        SQLite::Database raw(folder + "/rt.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& m : migrations())
            if (m.version == 1) raw.exec(std::string(m.sql));
        raw.exec("PRAGMA user_version = 1");
    }
    const Result r = on_read_only_mount({"recs"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("has schema version 1"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("read-only and cannot be upgraded"), std::string::npos) << r.err;
    // Where it can write, the same reader upgrades it and goes on.
    EXPECT_EQ(rt({"recs"}).code, 0);
}

}  // namespace
}  // namespace rectrack::test
