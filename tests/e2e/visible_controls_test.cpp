// Control characters in recorded text are shown escaped wherever rectrack
// prints it, so a title cannot rewrite the screen, ring the bell or retitle
// the window of the staff member who lists it; the journal keeps them as
// recorded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/cli_fixture.hpp"
#include "model/text.hpp"
#include "visible_controls.hpp"

namespace rectrack::test {
namespace {

bool has_raw_controls(const std::string& s) {
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && c != '\n' && c != '\t' && c != '\r') || b == 0x7F) return true;
    }
    return false;
}

class VisibleControls : public CliTest {
  protected:
    void SetUp() override {
        // NUL and the rest can come only from a dataset: argv cannot hold NUL.
        write_text(dir.file("data.toml"),
                   "[report]\nkey='t'\ntitle='Test'\nissued=2020-01-01\n"
                   "[[recommendation]]\nkey='R1'\nnumber=1\n"
                   "title=\"Null\\u0000 clear\\u001B[2J bell\\u0007\"\n");
        ok({"init", "--data", "data.toml"});
        ok({"rec", "add", "R2", "--number", "2", "--title", "Title\x1B]0;pwned\x07 here"});
    }
};

TEST_F(VisibleControls, TextCommandsShowThemEscaped) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"recs"},
             {"show", "R1"},
             {"show", "R2"},
             {"log"},
             {"report", "--from", "2026-10-01", "--to", "2026-11-27"}}) {
        const std::string out = ok(args);
        EXPECT_FALSE(has_raw_controls(out)) << args.front();
    }
    const std::string recs = ok({"recs"});
    EXPECT_NE(recs.find("Null\\x00 clear\\x1B[2J bell\\x07"), std::string::npos) << recs;
    EXPECT_NE(recs.find("Title\\x1B]0;pwned\\x07 here"), std::string::npos) << recs;
    const Result err = rt({"show", "R\x1B[31m"});
    EXPECT_EQ(err.code, 2);
    EXPECT_FALSE(has_raw_controls(err.err));
    EXPECT_NE(err.err.find("R\\x1B[31m"), std::string::npos) << err.err;

    ok({"report", "--from", "2026-10-01", "--to", "2026-11-27", "--output", "q4.md"});
    EXPECT_FALSE(has_raw_controls(read_text(dir.file("q4.md"))));
}

// JSON escapes controls itself, so the data reach a program intact.
TEST_F(VisibleControls, JsonAndExportsKeepThemExactly) {
    const auto recs = nlohmann::json::parse(ok({"recs", "--format", "json"}));
    EXPECT_EQ(recs[0]["title"], std::string("Null\0 clear\x1B[2J bell\x07", 21));
    EXPECT_EQ(recs[1]["title"], "Title\x1B]0;pwned\x07 here");
    for (const std::string format : {"json", "toml"}) {
        const std::string exported = ok({"export", "--format", format});
        EXPECT_FALSE(has_raw_controls(exported)) << format;
        write_text(dir.file("journal." + format), exported);
        env["RECTRACK_DB"] = dir.file("copy-" + format + ".db");
        ok({"import", "journal." + format});
        EXPECT_EQ(ok({"export", "--format", format}), exported) << format;
        env["RECTRACK_DB"] = db;
    }
}

// The filter keeps a buffer: what is written in pieces small and large
// arrives whole, in order and escaped when the stream is flushed, and the
// rest when the filter goes.
TEST(VisibleControlsBuffer, WritesOfAnySizeArriveWholeAndEscaped) {
    std::string text;
    for (int i = 0; i < 30000; ++i)
        text += "line " + std::to_string(i) + (i % 997 == 0 ? "\x1B[2J\x07" : "") + "\n";
    ASSERT_GT(text.size(), 300000u);
    std::ostringstream target;  // str() reads its own buffer, not the filter
    {
        const cli::VisibleControls filter(target);
        std::size_t at = 0;
        for (; at < 100000; at += 7) target << text.substr(at, 7);
        target.put(text[at++]);
        target << text.substr(at, 150000);  // more than the buffer holds
        at += 150000;
        target << std::flush;
        EXPECT_EQ(target.str(), escape_controls(text.substr(0, at)));
        target << text.substr(at);
    }
    EXPECT_EQ(target.str(), escape_controls(text));
}

}  // namespace
}  // namespace rectrack::test
