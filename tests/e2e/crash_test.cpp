// What a killed process or a crowd of writers leaves behind: kill -9 at
// moments spread over an import and over writes, then `verify` and SQLite's
// integrity check pass and every command is wholly there or wholly absent;
// eight writers at once lose nothing.
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "e2e/cli_fixture.hpp"

namespace rectrack::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

class Crash : public CliTest {
  protected:
    // Runs rectrack ARGS and kills it with SIGKILL after `delay`.
    Result killed_after(std::chrono::microseconds delay, const std::vector<std::string>& args) {
        std::string script = "\"$0\" \"$@\" & pid=$!; sleep " +
                             std::to_string(delay.count() / 1e6) +
                             "; kill -9 $pid 2>/dev/null; wait $pid";
        std::vector<std::string> argv = {"-c", script, RECTRACK_BIN};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_process("/bin/sh", argv, env, dir.path().string());
    }
    void expect_sound(const std::string& when) {
        EXPECT_EQ(rt({"verify"}).code, 0) << when;
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok") << when;
    }
    std::int64_t events() {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        return raw.execAndGet("SELECT count(*) FROM events").getInt64();
    }
};

// The delays run from 0 to twice the time a whole command took once, so
// some kills land before, some during and some after its commit, even when
// a loaded machine makes later runs slower than the one measured.
std::vector<std::chrono::microseconds> spread_over(Clock::duration whole, int n) {
    std::vector<std::chrono::microseconds> delays;
    const auto span = std::chrono::duration_cast<std::chrono::microseconds>(whole) * 2;
    for (int k = 0; k < n; ++k) delays.push_back(span * k / (n - 1));
    return delays;
}

TEST_F(Crash, AKilledImportLeavesAWholeDatabaseOrNone) {
    const std::string data = RECTRACK_BUNDLED_DATA;
    const auto start = Clock::now();
    ok({"init", "--data", data});
    const auto whole = Clock::now() - start;
    const std::int64_t complete = events();
    int survived = 0, absent = 0;
    for (const auto delay : spread_over(whole, 16)) {
        for (const auto& entry : fs::directory_iterator(dir.path()))
            if (entry.path().filename().string().starts_with("rt.db")) fs::remove(entry.path());
        killed_after(delay, {"init", "--data", data});
        const std::string when = "killed after " + std::to_string(delay.count()) + " us";
        if (!fs::exists(db)) {
            EXPECT_FALSE(fs::exists(db + "-wal")) << when;
            EXPECT_EQ(rt({"init", "--data", data}).code, 0) << when << ": init again";
            ++absent;
        } else {
            ++survived;
        }
        expect_sound(when);
        EXPECT_EQ(events(), complete) << when;
    }
    // The spread reached both sides of the commit.
    EXPECT_GT(survived, 0);
    EXPECT_GT(absent, 0);
}

// `measure add` with two stages is three events in one command: after a
// kill, a measure is there with both its stages, or not at all.
TEST_F(Crash, AKilledWriteIsWhollyThereOrWhollyAbsent) {
    ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
    const std::int64_t before = events();
    const auto start = Clock::now();
    ok({"measure", "add", "timing", "--title", "Timing", "--type", "regulation", "--stage",
        "proposed=2021-01-01", "--stage", "adopted=2022-01-01"});
    const auto whole = Clock::now() - start;
    int k = 0;
    for (const auto delay : spread_over(whole, 16)) {
        const std::string key = "m" + std::to_string(k++);
        killed_after(delay, {"measure", "add", key, "--title", "Killed", "--type", "regulation",
                             "--stage", "proposed=2021-01-01", "--stage", "adopted=2022-01-01"});
        expect_sound("killed after " + std::to_string(delay.count()) + " us");
    }
    const auto measures = nlohmann::json::parse(ok({"measure", "list", "--format", "json"}));
    std::int64_t recorded = 3;  // "timing": the measure and its two stages
    for (const auto& m : measures) {
        if (m["key"] == "timing" || !m["key"].get<std::string>().starts_with("m")) continue;
        const auto shown = nlohmann::json::parse(
            ok({"measure", "show", m["key"].get<std::string>(), "--format", "json"}));
        EXPECT_EQ(shown["stages"].size(), 2u) << m["key"];
        recorded += 3;
    }
    EXPECT_EQ(events(), before + recorded);
}

TEST_F(Crash, EightConcurrentWritersLoseNothing) {
    ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
    const std::int64_t before = events();
    constexpr int kWriters = 8, kEach = 15;
    std::vector<std::thread> writers;
    std::atomic<int> failures = 0;
    for (int w = 0; w < kWriters; ++w)
        writers.emplace_back([&, w] {
            for (int i = 0; i < kEach; ++i)
                if (rt({"note", "R1", "writer " + std::to_string(w) + " note " + std::to_string(i)})
                        .code != 0)
                    ++failures;
        });
    for (auto& t : writers) t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(events(), before + kWriters * kEach);
    const std::string log = ok({"log", "R1"});
    for (int w = 0; w < kWriters; ++w)
        for (int i = 0; i < kEach; ++i)
            EXPECT_NE(log.find("writer " + std::to_string(w) + " note " + std::to_string(i)),
                      std::string::npos);
    expect_sound("after the writers");
}

}  // namespace
}  // namespace rectrack::test
