// Whole-journal commands on a large journal start again with huge pages for
// malloc (cli/huge_pages.hpp); what they print does not change.
#include "huge_pages.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "e2e/cli_fixture.hpp"
#include "model/error.hpp"

using namespace rectrack;
using namespace rectrack::test;

TEST(HugePages, TheTunableIsAddedToTheUsersOwn) {
    EXPECT_EQ(cli::tunables_with_huge_pages(nullptr), "glibc.malloc.hugetlb=1");
    EXPECT_EQ(cli::tunables_with_huge_pages(""), "glibc.malloc.hugetlb=1");
    EXPECT_EQ(cli::tunables_with_huge_pages("glibc.malloc.arena_max=2"),
              "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
    EXPECT_EQ(cli::tunables_with_huge_pages("glibc.malloc.hugetlbx=1"),
              "glibc.malloc.hugetlbx=1:glibc.malloc.hugetlb=1");
}

// A user who said what malloc is to do about huge pages is not overruled.
TEST(HugePages, AUsersOwnChoiceStands) {
    EXPECT_EQ(cli::tunables_with_huge_pages("glibc.malloc.hugetlb=0"), std::nullopt);
    EXPECT_EQ(cli::tunables_with_huge_pages("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2"),
              std::nullopt);
}

TEST(HugePages, FromALargeJournalOrAsTheUserSays) {
    EXPECT_FALSE(cli::wants_huge_pages(cli::kHugePagesFrom - 1, nullptr));
    EXPECT_TRUE(cli::wants_huge_pages(cli::kHugePagesFrom, nullptr));
    EXPECT_TRUE(cli::wants_huge_pages(cli::kHugePagesFrom, "auto"));
    EXPECT_TRUE(cli::wants_huge_pages(0, "always"));
    EXPECT_FALSE(cli::wants_huge_pages(cli::kHugePagesFrom * 10, "never"));
    try {
        cli::wants_huge_pages(0, "yes");
        FAIL() << "a value it does not know was taken";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "RECTRACK_HUGE_PAGES is 'yes': expected auto, always or never");
    }
}

// Programs the restarted command runs see the environment the user gave.
TEST(HugePages, TheRestartPutsTheUsersEnvironmentBack) {
    setenv("RECTRACK_RESTARTED", "1", 1);
    setenv("RECTRACK_USER_GLIBC_TUNABLES", "glibc.malloc.arena_max=2", 1);
    setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", 1);
    cli::restore_environment_after_restart();
    ASSERT_NE(std::getenv("GLIBC_TUNABLES"), nullptr);
    EXPECT_STREQ(std::getenv("GLIBC_TUNABLES"), "glibc.malloc.arena_max=2");
    EXPECT_EQ(std::getenv("RECTRACK_RESTARTED"), nullptr);
    EXPECT_EQ(std::getenv("RECTRACK_USER_GLIBC_TUNABLES"), nullptr);

    setenv("RECTRACK_RESTARTED", "1", 1);
    setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
    cli::restore_environment_after_restart();
    EXPECT_EQ(std::getenv("GLIBC_TUNABLES"), nullptr);
    EXPECT_EQ(std::getenv("RECTRACK_RESTARTED"), nullptr);
}

namespace {

class HugePagesCli : public CliTest {
  protected:
    void SetUp() override {
        CliTest::SetUp();
        ok({"import", RECTRACK_TEST_DATA "/small.toml"});
    }
    // The command run under strace: what it printed, and how many programs
    // it started (execve calls that succeeded), itself included.
    std::pair<Result, int> traced(const std::vector<std::string>& args) {
        std::vector<std::string> line = {"-f",        "-qq",         "-e", "trace=execve",
                                         "-e",        "signal=none", "-o", dir.file("trace.txt"),
                                         RECTRACK_BIN};
        line.insert(line.end(), args.begin(), args.end());
        const Result r = run_process("/usr/bin/strace", line, env, dir.path().string());
        std::ifstream trace(dir.file("trace.txt"));
        std::string call;
        int started = 0;
        while (std::getline(trace, call))
            if (call.find("execve(") != std::string::npos && call.find("= 0") != std::string::npos)
                ++started;
        return {r, started};
    }
};

}  // namespace

TEST_F(HugePagesCli, AWholeJournalCommandStartsAgainOnceWithThemAndPrintsTheSame) {
    const std::vector<std::vector<std::string>> commands = {
        {"report", "--quarter", "2022-Q1", "--format", "md"}, {"recs"}, {"verify"}};
    for (const auto& command : commands) {
        env["RECTRACK_HUGE_PAGES"] = "never";
        const auto [plain, plain_starts] = traced(command);
        env["RECTRACK_HUGE_PAGES"] = "always";
        const auto [huge, huge_starts] = traced(command);
        ASSERT_EQ(plain.code, 0) << command[0] << ": " << plain.err;
        ASSERT_EQ(huge.code, 0) << command[0] << ": " << huge.err;
        EXPECT_EQ(plain_starts, 1) << command[0];
        EXPECT_EQ(huge_starts, 2) << command[0];
        EXPECT_EQ(huge.out, plain.out) << command[0];
        EXPECT_EQ(huge.err, plain.err) << command[0];
    }
}

// The test database is a few kilobytes: starting again would cost more
// than huge pages give.
TEST_F(HugePagesCli, ASmallJournalDoesNotStartAgain) {
    env.erase("RECTRACK_HUGE_PAGES");
    EXPECT_EQ(traced({"recs"}).second, 1);
    env["RECTRACK_HUGE_PAGES"] = "auto";
    EXPECT_EQ(traced({"recs"}).second, 1);
}

// An import restarts before reading its file: the new database holds it once.
TEST_F(HugePagesCli, AnImportStartedAgainLoadsItsFileOnce) {
    const std::string journal = dir.file("journal.json");
    std::ofstream(journal) << ok({"export", "--format", "json"});
    env["RECTRACK_HUGE_PAGES"] = "always";
    env["RECTRACK_DB"] = dir.file("copy.db");
    const auto [r, starts] = traced({"import", journal});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(starts, 2);
    env.erase("RECTRACK_HUGE_PAGES");
    EXPECT_EQ(ok({"export", "--format", "json"}), ok({"--db", db, "export", "--format", "json"}));
}

TEST_F(HugePagesCli, AnUnknownSettingIsRefused) {
    env["RECTRACK_HUGE_PAGES"] = "sometimes";
    const Result r = rt({"recs"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "rectrack: error: RECTRACK_HUGE_PAGES is 'sometimes': expected auto, always or "
              "never\n");
}
