// Every example in README.md runs as written. The ```sh blocks are taken
// from the README itself, so an example that goes stale fails here; a block
// that cannot run in a test (it installs packages as root or fetches from
// the web) says so in an HTML comment on the line before it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

// The commands of the README's runnable blocks, continuation lines joined.
std::vector<std::string> readme_commands(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    std::string line, previous, pending;
    bool inside = false, skipped = false;
    while (std::getline(in, line)) {
        if (!inside && line == "```sh") {
            inside = true;
            skipped = previous.starts_with("<!-- not run by the README test");
        } else if (inside && line == "```") {
            inside = false;
        } else if (inside && !skipped && !line.empty()) {
            if (line.ends_with("\\")) {
                pending += line.substr(0, line.size() - 1);
                continue;
            }
            out.push_back(pending + line);
            pending.clear();
        }
        previous = line;
    }
    return out;
}

}  // namespace

TEST_F(CliTest, EveryReadmeExampleRunsAsWritten) {
    const std::string readme = std::string(RECTRACK_E2E_DIR) + "/../../README.md";
    const auto commands = readme_commands(readme);
    ASSERT_GT(commands.size(), 20u) << "the README's examples were not found";
    // The examples assume a database started on 5 October 2026 (the README
    // says so), with `rectrack` on the PATH.
    env["RECTRACK_NOW"] = "2026-10-05T09:00:00Z";
    env["PATH"] = std::filesystem::path(RECTRACK_BIN).parent_path().string() + ":/usr/bin:/bin";
    env.erase("RECTRACK_DB");
    ok({"init"});  // ./rectrack.db, as a user's first command would make it
    for (const auto& command : commands) {
        Result r =
            run_process("/bin/bash", {"-euo", "pipefail", "-c", command}, env, dir.path().string());
        EXPECT_EQ(r.code, 0) << command << "\n" << r.out << r.err;
        // A comment that says what an example prints must be true.
        if (const auto at = command.find("# prints "); at != std::string::npos) {
            const std::string printed = command.substr(at + 9);
            EXPECT_TRUE(r.out.starts_with(printed)) << command << "\n" << r.out;
        }
        if (const auto at = command.find("# #"); at != std::string::npos) {
            EXPECT_NE(r.out.find("recorded " + command.substr(at + 2)), std::string::npos)
                << command << "\n"
                << r.out;
        }
    }
    EXPECT_TRUE(std::filesystem::exists(dir.file("q3.docx")));
    EXPECT_TRUE(std::filesystem::exists(dir.file("q3.pdf")));
    EXPECT_NE(ok({"verify"}).find("projections match"), std::string::npos);
}
