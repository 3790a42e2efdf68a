// The base of the end-to-end tests: a temporary directory and database, the
// clock and author fixed, and the real binary run in that directory.
#pragma once
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "e2e/process.hpp"
#include "test_support.hpp"

namespace rectrack::test {

class CliTest : public ::testing::Test {
  protected:
    TempDir dir;
    std::string db = dir.file("rt.db");
    std::map<std::string, std::string> env = {{"RECTRACK_NOW", "2026-11-27T12:00:00Z"},
                                              {"RECTRACK_AUTHOR", "tester"},
                                              {"RECTRACK_DB", db}};

    Result rt(const std::vector<std::string>& args) {
        return run_process(RECTRACK_BIN, args, env, dir.path().string());
    }
    // Runs a command that must succeed and returns what it printed.
    std::string ok(const std::vector<std::string>& args) {
        Result r = rt(args);
        EXPECT_EQ(r.code, 0) << "rectrack " << ::testing::PrintToString(args) << "\n" << r.err;
        return r.out;
    }
    Result tool(const std::string& program, const std::vector<std::string>& args) {
        return run_process(program, args, {}, dir.path().string());
    }
};

}  // namespace rectrack::test
