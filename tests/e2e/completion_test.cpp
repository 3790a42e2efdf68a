// Shell completion and the man page, checked against the command tree the
// binary parses with: bash's completion function is run for real against a
// test database, and `man -l` must render every command and option.
#include <gtest/gtest.h>

#include <sstream>

#include "app.hpp"
#include "e2e/cli_fixture.hpp"

namespace rectrack::test {
namespace {

class Completion : public CliTest {
  protected:
    void SetUp() override {
        ok({"init", "--data", std::string(RECTRACK_TEST_DATA) + "/small.toml"});
    }
    // What bash offers after `rectrack WORDS` with the cursor on the last word.
    std::vector<std::string> bash_offers(const std::vector<std::string>& words) {
        std::string script = "source '" RECTRACK_SOURCE_DIR
                             "/completion/rectrack.bash'; COMP_WORDS=(\"$0\" \"$@\"); "
                             "COMP_CWORD=$#; _rectrack; printf '%s\\n' \"${COMPREPLY[@]}\"";
        std::vector<std::string> args = {"-c", script, RECTRACK_BIN};
        args.insert(args.end(), words.begin(), words.end());
        const Result r = run_process("/bin/bash", args, env, dir.path().string());
        EXPECT_EQ(r.code, 0) << r.err;
        std::vector<std::string> lines;
        std::istringstream in(r.out);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) lines.push_back(line);
        return lines;
    }
};

using Words = std::vector<std::string>;

TEST_F(Completion, BashOffersKeysFromTheDatabase) {
    EXPECT_EQ(bash_offers({"show", "R"}), (Words{"R1", "R2", "R2.a", "R2.b", "R3"}));
    EXPECT_EQ(bash_offers({"show", "R2."}), (Words{"R2.a", "R2.b"}));
    EXPECT_EQ(bash_offers({"link", "R1", ""}), (Words{"sanctions-2021", "widget-act"}));
    EXPECT_EQ(bash_offers({"status", "R1", "partial", "--evidence", ""}), (Words{"E1", "E2"}));
    const Words statuses = bash_offers({"status", "R1", ""});
    EXPECT_NE(std::find(statuses.begin(), statuses.end(), "substantial"), statuses.end());
    // A --db on the command line is the database completion reads.
    env["RECTRACK_DB"] = dir.file("elsewhere.db");
    EXPECT_TRUE(bash_offers({"show", "R"}).empty());
    EXPECT_EQ(bash_offers({"--db", db, "show", "R2."}), (Words{"R2.a", "R2.b"}));
}

TEST_F(Completion, BashOffersCommandsOptionsAndFixedWords) {
    const Words commands = bash_offers({""});
    EXPECT_NE(std::find(commands.begin(), commands.end(), "report"), commands.end());
    EXPECT_EQ(std::find(commands.begin(), commands.end(), "_man"), commands.end());
    EXPECT_EQ(bash_offers({"measure", "s"}), (Words{"stage", "show"}));
    EXPECT_EQ(bash_offers({"report", "--fo"}), (Words{"--format"}));
    EXPECT_EQ(bash_offers({"report", "--format", ""}), (Words{"md", "html", "csv", "json", "pdf"}));
    EXPECT_EQ(bash_offers({"measure", "stage", "widget-act", "in"}), (Words{"in_force"}));
}

// Every command and option of the tree appears on the rendered page.
void expect_documented(const CLI::App& app, const std::string& path, const std::string& page) {
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_group().empty()) continue;
        const std::string name = path + " " + sub->get_name();
        EXPECT_NE(page.find(name + "\n"), std::string::npos) << name;
        for (const CLI::Option* o : sub->get_options()) {
            for (const auto& l : o->get_lnames()) {
                if (l == "help") continue;
                EXPECT_NE(page.find("--" + l), std::string::npos) << name << " --" << l;
            }
        }
        expect_documented(*sub, name, page);
    }
}

TEST_F(Completion, TheManPageRendersEveryCommandAndOption) {
    const Result man =
        run_process("/usr/bin/man", {"-l", RECTRACK_MAN_PAGE}, {{"MANWIDTH", "200"}}, dir.path());
    ASSERT_EQ(man.code, 0) << man.err;
    EXPECT_EQ(man.err, "");
    EXPECT_NE(man.out.find("RECTRACK(1)"), std::string::npos);
    cli::Context ctx;
    expect_documented(*cli::make_app(ctx), "rectrack", man.out);
    EXPECT_NE(man.out.find("EXIT STATUS"), std::string::npos);
}

}  // namespace
}  // namespace rectrack::test
