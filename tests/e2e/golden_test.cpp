// CLI cases kept as files, in the style of ledger's .test files: each
// tests/cli/NAME.test holds the commands that set the scene, the command
// run, its exit code, and what it prints, so a reader sees what was run
// without opening C++. The format:
//
//   # What the case shows, in a sentence (any number of comment lines).
//   given: init --data @DATA@/small.toml     (setup; must exit 0; repeatable)
//   run: show R1                             (the command under test)
//   exit: 0
//   stdout:
//   ...exactly what it prints...
//   stderr:
//   ...exactly what it prints on stderr...
//
// Arguments are split at spaces; "double quotes" keep spaces. @DATA@ is
// tests/data. RECTRACK_UPDATE_GOLDEN=1 rewrites exit, stdout and stderr
// from the actual run.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;
namespace fs = std::filesystem;

namespace {

struct GoldenCase {
    std::string header;  // comments, given: and run: lines, as written
    std::vector<std::vector<std::string>> given;
    std::vector<std::string> run;
    int exit = 0;
    std::string out, err;
};

std::vector<std::string> split_args(const std::string& line) {
    std::vector<std::string> args;
    std::string cur;
    bool quoted = false, any = false;
    for (char c : line) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any) args.push_back(cur);
            cur.clear();
            any = false;
        } else {
            cur += c;
            any = true;
        }
    }
    if (any) args.push_back(cur);
    for (auto& a : args)
        for (size_t at; (at = a.find("@DATA@")) != std::string::npos;)
            a.replace(at, 6, RECTRACK_TEST_DATA);
    return args;
}

GoldenCase read_case(const fs::path& file) {
    const std::string text = read_text(file.string());
    GoldenCase c;
    std::string* section = nullptr;  // stdout or stderr, once they begin
    size_t at = 0;
    while (at < text.size()) {
        const size_t end = text.find('\n', at);
        const std::string line = text.substr(at, end == std::string::npos ? end : end - at + 1);
        at = end == std::string::npos ? text.size() : end + 1;
        const std::string bare = line.substr(0, line.find_last_not_of("\r\n") + 1);
        if (bare == "stdout:" || bare == "stderr:") {
            section = bare == "stdout:" ? &c.out : &c.err;
        } else if (section) {
            *section += line;
        } else if (bare.starts_with("given: ")) {
            c.given.push_back(split_args(bare.substr(7)));
            c.header += line;
        } else if (bare.starts_with("run: ")) {
            c.run = split_args(bare.substr(5));
            c.header += line;
        } else if (bare.starts_with("exit: ")) {
            c.exit = std::stoi(bare.substr(6));
        } else {
            c.header += line;
        }
    }
    return c;
}

std::vector<std::string> case_names() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(RECTRACK_CLI_CASES))
        if (entry.path().extension() == ".test") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

class Golden : public CliTest, public ::testing::WithParamInterface<std::string> {};

}  // namespace

TEST_P(Golden, PrintsWhatItsFileSays) {
    const fs::path file = fs::path(RECTRACK_CLI_CASES) / (GetParam() + ".test");
    const GoldenCase c = read_case(file);
    ASSERT_FALSE(c.run.empty()) << file << " has no run: line";
    for (const auto& args : c.given) ok(args);
    const Result r = rt(c.run);
    if (std::getenv("RECTRACK_UPDATE_GOLDEN")) {
        write_text(file.string(), c.header + "exit: " + std::to_string(r.code) + "\nstdout:\n" +
                                      r.out + (r.err.empty() ? "" : "stderr:\n" + r.err));
        return;
    }
    EXPECT_EQ(r.code, c.exit) << file << "\n" << r.err;
    EXPECT_EQ(r.out, c.out) << file << " (RECTRACK_UPDATE_GOLDEN=1 rewrites it)";
    EXPECT_EQ(r.err, c.err) << file;
}

INSTANTIATE_TEST_SUITE_P(Cli, Golden, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             for (char& ch : name)
                                 if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                             return name;
                         });
