#include "tracker/tracker.hpp"

#include <gtest/gtest.h>

#include "model/error.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

class TrackerTest : public ::testing::Test {
  protected:
    TempDir dir;
    std::unique_ptr<Store> store = small_store(dir.file("t.db"));

    void write(const std::function<void(Tracker&)>& work) { record(*store, work); }
    std::string status_of(const std::string& key) {
        for (const auto& s : recommendation_summaries(*store, {test_now().date(), 30}))
            if (s.rec.key == key) return s.status;
        return "?";
    }
};

}  // namespace

TEST_F(TrackerTest, StatusChangeCitesEvidenceAndBecomesCurrent) {
    write([](Tracker& t) { t.set_status("R3", "announced", Date{2025, 1, 10}, {"E2"}, "why"); });
    const auto history = store->status_history("R3");
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].status, "announced");
    EXPECT_EQ(history[0].author, "tester");
    EXPECT_EQ(history[0].evidence, (std::vector<EvidenceId>{2}));
    EXPECT_EQ(status_of("R3"), "announced");
}

TEST_F(TrackerTest, CurrentStatusFollowsTheEffectiveDateNotTheOrderOfEntry) {
    write([](Tracker& t) { t.set_status("R3", "partial", Date{2025, 6, 1}, {}, ""); });
    write([](Tracker& t) { t.set_status("R3", "announced", Date{2024, 1, 1}, {}, "late entry"); });
    EXPECT_EQ(status_of("R3"), "partial");
}

TEST_F(TrackerTest, RejectsBadStatusInput) {
    auto attempt = [&](auto&& f) { EXPECT_THROW(write(f), InputError); };
    attempt([](Tracker& t) { t.set_status("R9", "partial", Date{2025, 1, 1}, {}, ""); });
    attempt([](Tracker& t) { t.set_status("R3", "done", Date{2025, 1, 1}, {}, ""); });
    attempt([](Tracker& t) { t.set_status("R3", "partial", Date{2026, 11, 28}, {}, ""); });
    attempt([](Tracker& t) { t.set_status("R3", "partial", Date{2025, 1, 1}, {"E99"}, ""); });
    attempt([](Tracker& t) {
        t.set_status("R3", "partial", Date{2025, 1, 1}, {"https://nope.org/"}, "");
    });
    attempt([](Tracker& t) {
        t.set_status("R2", "partial", Date{2025, 1, 1}, {}, "");
    });  // has parts
    attempt([](Tracker& t) {
        t.set_status("R3", "partial", Date{2019, 12, 31}, {}, "");
    });  // before the report was issued (2020-03-01)
    EXPECT_TRUE(store->status_history("R3").empty());
}

TEST_F(TrackerTest, ParentTakesTheLeastAdvancedPart) {
    EXPECT_EQ(status_of("R2"), "announced");  // R2.a partial, R2.b announced
    write([](Tracker& t) { t.set_status("R2.b", "implemented", Date{2025, 1, 1}, {}, ""); });
    EXPECT_EQ(status_of("R2"), "partial");
    write([](Tracker& t) { t.set_status("R2.a", "not_applicable", Date{2025, 2, 1}, {}, ""); });
    EXPECT_EQ(status_of("R2"), "implemented");  // closed parts do not hold it back
}

TEST_F(TrackerTest, APartBelongsWhereItsParentDoesUnlessToldOtherwise) {
    write([](Tracker& t) {
        Recommendation part;
        part.key = "R3.a";
        part.parent = "R3";
        part.title = "Fund China studies";
        t.add_recommendation(part);
        Recommendation whole;
        whole.key = "R12";
        whole.number = 12;
        whole.title = "A later addition";
        t.add_recommendation(whole);  // the only report tracked
    });
    const auto parent = store->recommendation("R3");
    const auto part = store->recommendation("R3.a");
    ASSERT_TRUE(parent && part);
    EXPECT_EQ(part->report, parent->report);
    EXPECT_EQ(part->number, parent->number);
    EXPECT_EQ(store->recommendation("R12")->report, parent->report);
}

TEST_F(TrackerTest, MeasuresNormaliseIdentifiersAndAllowPlannedStages) {
    write([](Tracker& t) {
        MeasureInput in;
        in.measure = Measure{"nis2",
                             "NIS 2",
                             "directive",
                             {},
                             "celex:32022l2555",
                             "https://eur-lex.europa.eu/eli/dir/2022/2555/oj",
                             "com(2020)823",
                             "2020/359(cod)",
                             ""};
        in.stages = {{"adopted", Date{2022, 12, 14}}, {"applies", Date{2030, 1, 1}}};
        t.add_measure(in);
    });
    const auto m = store->measure("nis2");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->celex, "32022L2555");
    EXPECT_EQ(m->eli, "http://data.europa.eu/eli/dir/2022/2555/oj");
    EXPECT_EQ(m->com_ref, "COM(2020) 823 final");
    EXPECT_EQ(m->procedure, "2020/0359(COD)");
    EXPECT_EQ(store->stages("nis2").size(), 2u);
}

TEST_F(TrackerTest, RejectsBadMeasures) {
    auto add = [&](Measure m) {
        write([&](Tracker& t) { t.add_measure(MeasureInput{m, {}, {}, {}}); });
    };
    EXPECT_THROW(add({"widget-act", "dup", "regulation", {}, "", "", "", "", ""}), InputError);
    EXPECT_THROW(add({"x", "X", "law", {}, "", "", "", "", ""}), InputError);
    EXPECT_THROW(add({"x", "X", "regulation", {}, "3202R1", "", "", "", ""}), InputError);
    EXPECT_THROW(add({"x", "X", "regulation", {}, "", "", "COM 2021", "", ""}), InputError);
    EXPECT_THROW(add({"x", "X", "regulation", {}, "", "", "", "2021/0106", ""}), InputError);
    EXPECT_THROW(add({"x", "X", "regulation", {}, "", "", "", "", "file:///x"}), InputError);
    EXPECT_THROW(add({"bad key!", "X", "regulation", {}, "", "", "", "", ""}), InputError);
    EXPECT_FALSE(store->measure("x"));
}

TEST_F(TrackerTest, OneMeasureAdvancesSeveralRecommendations) {
    write([](Tracker& t) { t.link("R3", "widget-act", "partly_advances", "", Date{2025, 1, 1}); });
    EXPECT_EQ(store->links_of_measure("widget-act").size(), 3u);
    EXPECT_THROW(write([](Tracker& t) { t.link("R3", "widget-act", "advances", "", {}); }),
                 InputError);  // already linked
}

TEST_F(TrackerTest, UnlinkEndsALinkAndKeepsItsHistory) {
    EXPECT_THROW(write([](Tracker& t) {
                     t.unlink("R1", "widget-act", "early", Date{2021, 4, 20});
                 }),
                 InputError);  // the link holds from 2021-04-21
    write([](Tracker& t) { t.unlink("R1", "widget-act", "not relevant", {}); });
    EXPECT_TRUE(store->links_of_rec("R1").empty());
    EXPECT_EQ(store->links_of_rec("R1", AsRecorded(*parse_instant("2026-11-27T12:00:00Z"))).size(),
              0u);
    EXPECT_THROW(write([](Tracker& t) { t.unlink("R1", "widget-act", "again", {}); }), InputError);
    write([](Tracker& t) { t.link("R1", "widget-act", "related", "relinked", {}); });
    EXPECT_EQ(store->links_of_rec("R1").at(0).relation, "related");
}

TEST_F(TrackerTest, CorrectionRetractsAndIsItselfFinal) {
    EventId wrong = 0;
    write([&](Tracker& t) {
        wrong = t.set_status("R3", "implemented", Date{2025, 1, 1}, {}, "").id;
    });
    EXPECT_EQ(status_of("R3"), "implemented");
    EventId fix = 0;
    write([&](Tracker& t) { fix = t.correct(wrong, "wrong recommendation").back().id; });
    EXPECT_EQ(status_of("R3"), "not_started");
    EXPECT_EQ(store->retracted_by(wrong), fix);
    EXPECT_THROW(write([&](Tracker& t) { t.correct(wrong, "again"); }), InputError);
    EXPECT_THROW(write([&](Tracker& t) { t.correct(fix, "undo"); }), InputError);
    EXPECT_THROW(write([&](Tracker& t) { t.correct(999, "none"); }), InputError);
    EXPECT_THROW(write([&](Tracker& t) { t.correct(2, "report"); }), InputError);
    EXPECT_TRUE(store->verify().ok);
}

TEST_F(TrackerTest, AMeasureInUseCannotBeRetracted) {
    const auto events = store->log({measure_subject("sanctions-2021"), {}, {}});
    EXPECT_THROW(write([&](Tracker& t) { t.correct(events.front().id, "oops"); }), InputError);
}

TEST_F(TrackerTest, TheSameUrlIsOneEvidenceRecord) {
    EvidenceAdded first{}, second{};
    write([&](Tracker& t) {
        first = t.add_evidence(
            {Evidence{0, "https://example.org/new", "New", "", {}, {}, "", "", "news", ""}, {}});
        second = t.add_evidence(
            {Evidence{0, "HTTPS://EXAMPLE.ORG/new", "Other title", "", {}, {}, "", "", "", ""},
             {}});
    });
    EXPECT_TRUE(first.created);
    EXPECT_FALSE(second.created);
    EXPECT_EQ(first.id, second.id);
    EXPECT_EQ(store->evidence(first.id)->bearing, "supports");
}

TEST_F(TrackerTest, RejectsBadEvidence) {
    auto add = [&](Evidence v) { write([&](Tracker& t) { t.add_evidence({v, {}}); }); };
    EXPECT_THROW(add({0, "ftp://example.org/x", "T", "", {}, {}, "", "", "", ""}), InputError);
    EXPECT_THROW(add({0, "https://example.org/x", "", "", {}, {}, "", "", "", ""}), InputError);
    EXPECT_THROW(add({0, "https://example.org/x", "T", "", {}, {}, "", "zz", "", ""}), InputError);
    EXPECT_THROW(add({0, "https://example.org/x", "T", "", {}, {}, "", "", "blog", ""}),
                 InputError);
    EXPECT_THROW(add({0, "https://example.org/x", "T", "", Date{2027, 1, 1}, {}, "", "", "", ""}),
                 InputError);
    EXPECT_FALSE(store->evidence_by_url("https://example.org/x"));
}

TEST_F(TrackerTest, ProjectionsRebuiltFromTheJournalMatchAfterEveryKindOfEvent) {
    write([](Tracker& t) {
        t.add_note("R1", "A note", {});
        t.attach_evidence("E2", "R3", {});
        auto e = t.set_status("R3", "partial", Date{2025, 1, 1}, {"E2"}, "");
        t.correct(e.id, "premature");
        t.unlink("R1", "widget-act", "reason", {});
        t.reach_stage("sanctions-2021", "published", Date{2021, 3, 22});
    });
    const VerifyResult r = store->verify();
    EXPECT_TRUE(r.ok) << r.problem;
}
