#include "audit/audit.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "dataset/dataset.hpp"
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
            if (name(f.kind) == kind) out.push_back(f);
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
            if (f.kind == FindingKind::evidence_stale) out.push_back(f);
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

TEST_F(AuditTest, AnActPublishedInTheCelexYearIsNoMismatch) {
    record(*store, [](Tracker& t) {
        t.add_measure(
            {Measure{"red-da", "Delegated act", "regulation", {}, "32022R0030", "", "", "", ""},
             {{"adopted", Date{2021, 10, 29}}},
             {},
             {}});
    });
    auto clashes = [&] {
        std::set<std::string> out;
        for (const auto& f : of_kind("identifier_mismatch")) out.insert(f.subject);
        return out;
    };
    EXPECT_TRUE(clashes().contains("red-da"));
    record(*store, [](Tracker& t) { t.reach_stage("red-da", "published", Date{2022, 1, 12}); });
    EXPECT_FALSE(clashes().contains("red-da"));
}

TEST_F(AuditTest, ANoteSayingWhyAMeasureHasNoIdentifierSettlesIt) {
    record(*store, [](Tracker& t) {
        t.add_measure(
            {Measure{"bare", "No identifiers", "other", {}, "", "", "", "", ""}, {}, {}, {}});
    });
    ASSERT_EQ(of_kind("measure_without_identifier").size(), 1u);
    record(*store, [](Tracker& t) {
        t.add_note("bare", "A call topic: it has no CELEX or COM number.", std::nullopt);
    });
    EXPECT_TRUE(of_kind("measure_without_identifier").empty());
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

// R1's changes cite the act published 2024-07-12: one dated 2021 (the
// proposal), one 2024-06-13 (adoption). Both claim more than was public.
TEST_F(AuditTest, EvidencePublishedAfterTheClaimIsAnError) {
    const auto f = of_kind("evidence_after_claim");
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].severity(), Severity::error);
    EXPECT_EQ(f[0].rec, "R1");
    EXPECT_NE(f[0].detail.find("E1, published 2024-07-12"), std::string::npos) << f[0].detail;
    // The fix names the earlier document: the linked measure's proposal.
    EXPECT_NE(f[0].fix.find("COM(2021) 206 final of widget-act"), std::string::npos) << f[0].fix;
    // A claim that cites what was public by its date is not flagged.
    write([](Tracker& t) {
        t.add_evidence({Evidence{0,
                                 "https://example.org/proposal",
                                 "Proposal",
                                 "",
                                 Date{2021, 4, 21},
                                 {},
                                 "",
                                 "",
                                 "official",
                                 ""},
                        {}});
        t.set_status("R3", "announced", Date{2021, 5, 1}, {"E3"}, "");
    });
    for (const auto& x : of_kind("evidence_after_claim")) EXPECT_NE(x.rec, "R3");
}

// An act older than the report still shows progress when the claim is
// dated at a later stage of that act, recorded on the measure it documents.
TEST_F(AuditTest, AnOldActCitedAtALaterStageIsNotPremature) {
    write([](Tracker& t) {
        t.add_evidence({Evidence{0,
                                 "https://example.org/fdi",
                                 "FDI Regulation",
                                 "",
                                 Date{2019, 3, 21},
                                 {},
                                 "",
                                 "",
                                 "legislation",
                                 ""},
                        {}});
        t.add_measure({Measure{"fdi",
                               "FDI",
                               "regulation",
                               {},
                               "32019R0452",
                               "",
                               "",
                               "",
                               "https://example.org/fdi"},
                       {{"published", Date{2019, 3, 21}}, {"applies", Date{2020, 10, 11}}},
                       {"E3"},
                       {}});
        t.set_status("R3", "partial", Date{2020, 10, 11}, {"E3"}, "");
        t.set_status("R3", "substantial", Date{2020, 11, 1}, {"E3"}, "");
    });
    const auto early = of_kind("evidence_before_report");
    ASSERT_EQ(early.size(), 1u);  // only the change not dated at a stage
    EXPECT_NE(early[0].detail.find("E3"), std::string::npos);
    EXPECT_NE(early[0].subject.find("R3"), std::string::npos);
    EXPECT_EQ(early[0].severity(), Severity::warning);
}

TEST_F(AuditTest, AClaimOnFailedSourcesNamesThem) {
    write([](Tracker& t) { t.record_audit({result(2, CheckOutcome::gone)}, 0); });
    const auto f = of_kind("broken_evidence");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].detail.find("E2 (gone, 2026-11-27)"), std::string::npos) << f[0].detail;
    EXPECT_NE(f[0].fix.find("rectrack audit --online --recs R2.a"), std::string::npos) << f[0].fix;
}

TEST_F(AuditTest, ErrorsComeFirstAndEveryFindingHasAFix) {
    const auto all = findings();
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all.front().severity(), Severity::error);
    for (size_t i = 1; i < all.size(); ++i)
        EXPECT_LE(all[i - 1].severity(), all[i].severity()) << all[i].subject;
    for (const auto& f : all) EXPECT_FALSE(f.fix.empty()) << name(f.kind);
}

// --recs R1 leaves out what only concerns others: sanctions-2021 is linked
// to R2.a alone, and its evidence (E2) is attached to it.
TEST_F(AuditTest, ScopeNarrowsMeasuresAndTheirEvidence) {
    write([](Tracker& t) { t.attach_evidence("E2", "sanctions-2021", std::nullopt); });
    for (const auto& f : findings({"R1"})) {
        EXPECT_NE(f.subject, "E2") << name(f.kind);
        EXPECT_EQ(f.subject.find("sanctions"), std::string::npos) << name(f.kind);
    }
    bool e2 = false;
    for (const auto& f : findings({"R2"})) e2 |= f.subject == "E2";
    EXPECT_TRUE(e2);
}

TEST(Finding, SortsBySeverityThenRecommendationNaturally) {
    std::vector<Finding> f = {
        {FindingKind::no_archive, "E10", "", "x", ""},
        {FindingKind::dormant_recommendation, "R10", "", "x", "R10"},
        {FindingKind::unsupported_status, "R10 #5", "", "x", "R10"},
        {FindingKind::dormant_recommendation, "R2", "", "x", "R2"},
        {FindingKind::no_archive, "E2", "", "x", ""},
        {FindingKind::unsupported_status, "R2 #9", "", "x", "R2"},
    };
    sort_findings(f);
    std::vector<std::string> order;
    for (const auto& x : f) order.push_back(x.subject);
    EXPECT_EQ(order, (std::vector<std::string>{"R2 #9", "R10 #5", "R2", "R10", "E2", "E10"}));
}

TEST(Finding, KindsAndSeveritiesReadBack) {
    for (const auto& k : finding_kinds()) EXPECT_EQ(parse_finding_kind(k.name), k.kind);
    EXPECT_EQ(parse_severity("warning"), Severity::warning);
    EXPECT_FALSE(parse_severity("fatal"));
}

// The record a user gets on day one makes no claim the audit calls an error:
// no status change without evidence, on failed or contradicting sources, or
// citing evidence published after it.
TEST(BundledData, HasNoAuditErrors) {
    TempDir dir;
    Store store(dir.file("b.db"), {Access::create, 1000});
    record(store, [](Tracker& t) {
        load_dataset(t, toml::parse_file(RECTRACK_BUNDLED_DATA), "made-in-china.toml");
    });
    // Nor does it leave an identifier unexplained or inconsistent.
    for (const auto& f : offline_findings(store, {Date{2026, 11, 27}, 180, {}})) {
        EXPECT_NE(f.kind, FindingKind::measure_without_identifier) << f.subject;
        EXPECT_NE(f.kind, FindingKind::identifier_mismatch) << f.subject << ": " << f.detail;
        EXPECT_NE(f.severity(), Severity::error)
            << name(f.kind) << " " << f.subject << ": " << f.detail;
    }
}

// An online audit fetches only what its freshness window does not cover.
TEST_F(AuditTest, RecentlyCheckedSourcesAreNotFetchedAgain) {
    const auto targets = check_targets(*store);
    ASSERT_GE(targets.size(), 2u);
    CheckResult checked = result(targets[0].evidence, CheckOutcome::broken);
    checked.url = targets[0].url;
    checked.http_status = 404;
    checked.detail = "HTTP 404";
    write([&](Tracker& t) { t.record_audit({checked}, 0); });  // at test_now()
    const Instant now = test_now();

    auto plan = plan_checks(*store, targets, Instant{now.seconds + 3600}, 24);
    ASSERT_EQ(plan.recent.size(), 1u);
    EXPECT_EQ(plan.fetch.size(), targets.size() - 1);  // never checked: fetched
    const CheckResult& r = plan.recent[0];
    EXPECT_EQ(r.evidence, targets[0].evidence);
    EXPECT_EQ(r.result, CheckOutcome::broken);  // a problem stays a problem
    EXPECT_EQ(r.http_status, 404);
    EXPECT_EQ(r.detail, "HTTP 404");
    EXPECT_EQ(r.checked_at, now.str());
    EXPECT_EQ(r.attempts, 0);

    // Past the window, with no window, or with a check "from the future": fetched.
    for (const auto& [at, hours] :
         {std::pair{now.seconds + 24 * 3600, 24}, {now.seconds + 60, 0}, {now.seconds - 60, 24}}) {
        plan = plan_checks(*store, targets, Instant{at}, hours);
        EXPECT_TRUE(plan.recent.empty()) << at << " " << hours;
        EXPECT_EQ(plan.fetch.size(), targets.size());
    }

    // A check of another URL says nothing of the URL recorded now.
    auto moved = targets;
    moved[0].url = "https://example.org/moved";
    plan = plan_checks(*store, moved, Instant{now.seconds + 60}, 24);
    EXPECT_TRUE(plan.recent.empty());
}
