#include "audit/audit.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "model/error.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

class AuditTest : public ::testing::Test {
  protected:
    TempDir dir;
    std::unique_ptr<Store> store = small_store(dir.file("a.db"));

    void write(const std::function<void(Tracker&)>& work) { record(*store, work); }
    std::vector<Finding> findings(std::vector<std::string> recs = {}) {
        return offline_findings(*store, {Date{2026, 11, 27}, 180, recs});
    }
    std::vector<Finding> of_kind(const std::string& kind, std::vector<std::string> recs = {}) {
        std::vector<Finding> out;
        for (auto& f : findings(recs))
            if (f.kind == kind) out.push_back(f);
        return out;
    }
};

CheckResult result(EvidenceId id, CheckOutcome outcome) {
    CheckResult r;
    r.evidence = id;
    r.url = "https://example.org/";
    r.result = outcome;
    return r;
}

}  // namespace

TEST_F(AuditTest, StatusChangesWithoutEvidence) {
    const auto f = of_kind("unsupported_status");
    ASSERT_EQ(f.size(), 1u);  // R2.b announced, citing nothing
    EXPECT_TRUE(f[0].subject.starts_with("R2.b #"));
}

TEST_F(AuditTest, StatusChangesCitingOnlyBrokenSources) {
    EXPECT_TRUE(of_kind("broken_evidence").empty());
    write([](Tracker& t) {
        t.record_audit({result(2, CheckOutcome::broken), result(1, CheckOutcome::ok)}, 0);
    });
    const auto f = of_kind("broken_evidence");
    ASSERT_EQ(f.size(), 1u);  // R2.a cites only E2
    EXPECT_TRUE(f[0].subject.starts_with("R2.a"));
}

TEST_F(AuditTest, ContradictingAndPrematureEvidence) {
    write([](Tracker& t) {
        t.add_evidence({Evidence{0,
                                 "https://example.org/denial",
                                 "Denial",
                                 "",
                                 Date{2025, 1, 1},
                                 {},
                                 "",
                                 "",
                                 "news",
                                 "contradicts"},
                        {}});
        t.add_evidence(
            {Evidence{
                 0, "https://example.org/old", "Old", "", Date{2019, 5, 1}, {}, "", "", "news", ""},
             {}});
        t.set_status("R3", "announced", Date{2025, 2, 1}, {"E3", "E4"}, "");
    });
    ASSERT_EQ(of_kind("contradicting_evidence").size(), 1u);
    const auto early = of_kind("evidence_before_report");
    ASSERT_EQ(early.size(), 1u);
    EXPECT_NE(early[0].detail.find("E4"), std::string::npos);
}

TEST_F(AuditTest, UncheckedStaleAndUnarchivedEvidence) {
    EXPECT_EQ(of_kind("evidence_unchecked").size(), 2u);
    EXPECT_EQ(of_kind("no_archive").size(), 2u);
    write([](Tracker& t) { t.record_audit({result(1, CheckOutcome::ok)}, 0); });  // on 2026-11-27
    EXPECT_EQ(of_kind("evidence_unchecked").size(), 1u);
    EXPECT_TRUE(of_kind("evidence_stale").empty());
    auto stale_on = [&](Date today, int days) {
        std::vector<Finding> out;
        for (auto& f : offline_findings(*store, {today, days, {}}))
            if (f.kind == "evidence_stale") out.push_back(f);
        return out;
    };
    const auto stale = stale_on(Date{2027, 8, 1}, 180);  // 247 days later
    ASSERT_EQ(stale.size(), 1u);
    EXPECT_EQ(stale[0].subject, "E1");
    EXPECT_TRUE(stale_on(Date{2027, 8, 1}, 300).empty());
}

TEST_F(AuditTest, OneSourceUnderTwoUrls) {
    write([](Tracker& t) {
        t.add_evidence({Evidence{0,
                                 "https://example.org/sanctions/?utm_source=mail#top",
                                 "Again",
                                 "",
                                 {},
                                 {},
                                 "",
                                 "",
                                 "",
                                 ""},
                        {}});
    });
    const auto f = of_kind("duplicate_source");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].detail.find("E2, E3"), std::string::npos);
}

TEST_F(AuditTest, MeasureIdentifiersThatDisagree) {
    write([](Tracker& t) {
        t.add_measure(
            {Measure{"bare", "No identifiers", "strategy", {}, "", "", "", "", ""}, {}, {}, {}});
        t.add_measure({Measure{"eli-clash",
                               "ELI clash",
                               "regulation",
                               {},
                               "32024R1689",
                               "http://data.europa.eu/eli/reg/2024/1690/oj",
                               "",
                               "",
                               ""},
                       {},
                       {},
                       {}});
        t.add_measure({Measure{"com-clash",
                               "COM clash",
                               "communication",
                               {},
                               "52020DC0065",
                               "",
                               "COM(2020) 66 final",
                               "",
                               ""},
                       {},
                       {},
                       {}});
        t.add_measure(
            {Measure{"year-clash", "Year clash", "regulation", {}, "32023R0001", "", "", "", ""},
             {{"adopted", Date{2024, 1, 5}}},
             {},
             {}});
    });
    const auto missing = of_kind("measure_without_identifier");
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].subject, "bare");
    std::set<std::string> clashes;
    for (const auto& f : of_kind("identifier_mismatch")) clashes.insert(f.subject);
    EXPECT_EQ(clashes, (std::set<std::string>{"com-clash", "eli-clash", "year-clash"}));
}

TEST_F(AuditTest, LinksToMeasuresWithoutEvidence) {
    const auto f = of_kind("link_without_evidence");
    ASSERT_EQ(f.size(), 1u);  // sanctions-2021 has none attached; widget-act has
    EXPECT_EQ(f[0].subject, "R2.a/sanctions-2021");
}

TEST_F(AuditTest, DormantRecommendationsCountTheirParts) {
    std::set<std::string> dormant;
    for (const auto& f : of_kind("dormant_recommendation")) dormant.insert(f.subject);
    // R3 never had an event; the rest last moved in 2021-2024.
    EXPECT_TRUE(dormant.contains("R3"));
    write([](Tracker& t) { t.add_note("R2.b", "still waiting", Date{2026, 11, 1}); });
    dormant.clear();
    for (const auto& f : of_kind("dormant_recommendation")) dormant.insert(f.subject);
    EXPECT_FALSE(dormant.contains("R2.b"));
    EXPECT_FALSE(dormant.contains("R2"));  // its part is active
}

TEST_F(AuditTest, JournalIntegrityIsPartOfTheAudit) {
    EXPECT_TRUE(of_kind("journal_integrity").empty());
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_no_update");
        raw.exec("UPDATE events SET author = 'mallory' WHERE id = 3");
    }
    const auto f = of_kind("journal_integrity");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].subject, "#3");
}

TEST_F(AuditTest, ScopedToRecommendations) {
    for (const auto& f : findings({"R1"})) EXPECT_FALSE(f.subject.starts_with("R2")) << f.subject;
    EXPECT_THROW(findings({"R99"}), InputError);
}
