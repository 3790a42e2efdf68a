// End-to-end tests of the legislative stages: the procedure's steps, labels
// that tell several dates of one stage apart, and `measure show` listing
// stages and notes in date order.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.hpp"

using namespace rectrack::test;

namespace {

class StagesCli : public CliTest {
  protected:
    void SetUp() override { ok({"init"}); }
};

}  // namespace

TEST_F(StagesCli, TheProcedureHasItsSteps) {
    ok({"measure", "add", "csa2", "--title", "Cybersecurity Act revision", "--type", "regulation"});
    for (const char* stage :
         {"proposed", "ep_first_reading", "council-general-approach", "provisional_agreement",
          "adopted", "signed", "published", "in_force", "applies", "annulled"})
        ok({"measure", "stage", "csa2", stage, "--date", "2026-01-20"});
    ok({"measure", "stage", "csa2", "withdrawn", "--date", "2026-02-01"});
    ok({"measure", "stage", "csa2", "rejected", "--date", "2026-02-02"});
    ok({"measure", "stage", "csa2", "repealed", "--date", "2026-02-03"});
    const auto j = nlohmann::json::parse(ok({"measure", "show", "csa2", "--format", "json"}));
    EXPECT_EQ(j["stages"].size(), 13u);
    EXPECT_EQ(j["stages"][2]["stage"], "council_general_approach");  // recorded as listed
}

TEST_F(StagesCli, LabelsTellSeveralApplicationDatesApart) {
    const std::string out = ok({"measure", "stage", "cyber-resilience-act", "applies", "--date",
                                "2026-09-11", "--label", "Art. 14 reporting obligations"});
    EXPECT_NE(out.find("cyber-resilience-act applies (Art. 14 reporting obligations) 2026-09-11"),
              std::string::npos)
        << out;
    ok({"note", "cyber-resilience-act", "Reporting platform opened", "--date", "2026-09-01"});
    const std::string show = ok({"measure", "show", "cyber-resilience-act"});
    // Stages and notes together, in date order.
    const auto note = show.find("2026-09-01  note: Reporting platform opened");
    const auto art14 = show.find("2026-09-11  applies (Art. 14 reporting obligations)");
    const auto all = show.find("2027-12-11  applies\n");
    ASSERT_NE(note, std::string::npos) << show;
    ASSERT_NE(art14, std::string::npos) << show;
    ASSERT_NE(all, std::string::npos) << show;
    EXPECT_LT(show.find("2024-12-10  in_force"), note);
    EXPECT_LT(note, art14);
    EXPECT_LT(art14, all);
    const auto j =
        nlohmann::json::parse(ok({"measure", "show", "cyber-resilience-act", "--format", "json"}));
    EXPECT_EQ(j["notes"][0]["text"], "Reporting platform opened");
    // The quarter's report says which step was reached.
    const std::string md = ok({"report", "--quarter", "2026-Q3"});
    EXPECT_NE(md.find("reached the stage: applies (Art. 14 reporting obligations)"),
              std::string::npos);
    EXPECT_NE(ok({"verify"}).find("projections match"), std::string::npos);
}
