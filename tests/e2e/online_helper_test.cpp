// `rectrack` starts without the network stack and hands the commands that
// fetch to rectrack-online (cli/online_helper.cpp).
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class OnlineHelper : public CliTest {
  protected:
    // The shared libraries a binary asks the loader for.
    std::string needed(const std::string& binary) {
        const Result r = tool("/usr/bin/readelf", {"-d", binary});
        EXPECT_EQ(r.code, 0) << r.err;
        return r.out;
    }
    // A copy of `rectrack` alone in a folder: no helper beside it or under
    // ../libexec, as after a broken installation.
    std::string lone_binary() {
        std::filesystem::create_directories(dir.file("bin"));
        std::filesystem::copy_file(RECTRACK_BIN, dir.file("bin/rectrack"));
        return dir.file("bin/rectrack");
    }
};

}  // namespace

TEST_F(OnlineHelper, TheCoreBinaryDoesNotLoadLibcurl) {
    EXPECT_EQ(needed(RECTRACK_BIN).find("libcurl"), std::string::npos);
    EXPECT_NE(needed(RECTRACK_ONLINE_BIN).find("libcurl"), std::string::npos);
}

// `rectrack` asks libcrypto for SHA-256 and base64 alone and carries them:
// loading the shared library cost about 3 ms of every command.
// rectrack-online keeps the shared one, which libcurl's libssl uses too
// (not in a sanitized build).
TEST_F(OnlineHelper, TheCoreBinaryCarriesItsHashing) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "a sanitized build links the shared libraries";
#endif
    EXPECT_EQ(needed(RECTRACK_BIN).find("libcrypto"), std::string::npos);
    EXPECT_NE(needed(RECTRACK_ONLINE_BIN).find("libcrypto"), std::string::npos);
}

// Resolving libstdc++'s symbols was a fifth of a short command's start-up:
// both binaries carry the C++ runtime (not in a sanitized build).
TEST_F(OnlineHelper, TheBinariesCarryTheirCxxRuntime) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "a sanitized build links the shared runtime";
#endif
    for (const char* binary : {RECTRACK_BIN, RECTRACK_ONLINE_BIN}) {
        const std::string libs = needed(binary);
        EXPECT_EQ(libs.find("libstdc++"), std::string::npos) << binary;
        EXPECT_EQ(libs.find("libtomlplusplus"), std::string::npos) << binary;
        EXPECT_NE(libs.find("libsqlite3"), std::string::npos) << binary;  // C libraries stay shared
    }
}

TEST_F(OnlineHelper, OfflineCommandsNeedNoHelper) {
    ok({"init"});
    const std::string rectrack = lone_binary();
    const Result audit = run_process(rectrack, {"audit"}, env, dir.path().string());
    EXPECT_LE(audit.code, 1) << audit.err;  // 1: the bundled data has findings
    EXPECT_NE(audit.out.find("evidence"), std::string::npos) << audit.out;
    const Result show = run_process(rectrack, {"show", "R1"}, env, dir.path().string());
    EXPECT_EQ(show.code, 0) << show.err;
}

TEST_F(OnlineHelper, WithoutItsHelperACommandThatFetchesSaysSoAndWritesNothing) {
    ok({"init"});
    const std::string before = ok({"log"});
    const std::string rectrack = lone_binary();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"audit", "--online"},
          {"evidence", "capture", "E1"},
          {"evidence", "archive", "--all"},
          {"evidence", "add", "https://example.org/x", "--title", "X", "--capture"}}) {
        const Result r = run_process(rectrack, args, env, dir.path().string());
        EXPECT_EQ(r.code, 3) << ::testing::PrintToString(args);
        EXPECT_NE(r.err.find("cannot run the network helper"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("libexec/rectrack/rectrack-online"), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
    EXPECT_EQ(ok({"log"}), before);
}
