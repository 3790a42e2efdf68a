// The report scenario of issue 3: status changes before, inside and after the
// period, a late entry, a correction, a recommendation with parts and a
// measure linked to two recommendations; the expected start and end statuses
// are asserted in every format.
#include "report/report.hpp"

#include <gtest/gtest.h>

#include <toml++/toml.h>

#include <set>
#include <sstream>

#include "dataset/dataset.hpp"
#include "model/error.hpp"
#include "report/escape.hpp"
#include "report/report_render.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

struct Expected {
    std::string key, start, end, direction;
};

class ReportTest : public ::testing::Test {
  protected:
    TempDir dir;
    Store store{dir.file("r.db"), {Access::create, 1000}};
    const Period q2 = resolve_period("2025-Q2", "", "", Date{2026, 1, 1});

    void at(const char* instant, const std::function<void(Tracker&)>& work) {
        record(store, work, Actor{"clerk", *parse_instant(instant)});
    }

    void SetUp() override {
        at("2025-01-05T10:00:00Z", [](Tracker& t) {
            load_dataset(t, toml::parse_file(std::string(RECTRACK_TEST_DATA) + "/small.toml"),
                         "small");
        });
        // Before the period.
        at("2025-02-02T09:00:00Z", [](Tracker& t) {
            t.set_status("R3", "announced", Date{2025, 2, 1}, {"E2"}, "");
        });
        // Inside, recorded on time; one cites no evidence.
        at("2025-04-16T09:00:00Z", [&](Tracker& t) {
            wrong = t.set_status("R2.a", "implemented", Date{2025, 4, 15}, {"E2"}, "").id;
        });
        at("2025-04-20T09:00:00Z", [](Tracker& t) {
            t.link("R3", "sanctions-2021", "related", "", Date{2025, 4, 20});
        });
        at("2025-05-02T09:00:00Z", [](Tracker& t) {
            t.reach_stage("widget-act", "published", Date{2025, 5, 1});
        });
        at("2025-05-11T09:00:00Z", [](Tracker& t) {
            t.set_status("R3", "partial", Date{2025, 5, 10}, {"E2"}, "listed");
        });
        at("2025-05-20T09:00:00Z", [&](Tracker& t) { t.correct(wrong, "it was R2.b"); });
        at("2025-06-02T09:00:00Z", [](Tracker& t) {
            t.set_status("R1", "substantial", Date{2025, 6, 1}, {}, "claimed");
        });
        // A late entry: effective in the period, recorded after it ended.
        at("2025-07-15T09:00:00Z", [](Tracker& t) {
            t.set_status("R2.b", "partial", Date{2025, 6, 20}, {"E2"}, "late");
        });
        // After the period.
        at("2025-08-02T09:00:00Z", [](Tracker& t) {
            t.set_status("R1", "implemented", Date{2025, 8, 1}, {"E1"}, "");
        });
    }

    StatusReport report(std::optional<std::string> as_recorded = {}) {
        ReportOptions o{q2, {}, *parse_instant("2026-01-01T00:00:00Z"), {}, {}, {}};
        if (as_recorded) o.as_recorded = AsRecorded(parse_instant(*as_recorded));
        return build_report(store, o);
    }

    EventId wrong = 0;
};

const std::vector<Expected> kCurrent = {{"R1", "partial", "substantial", "advanced"},
                                        {"R2", "announced", "partial", "advanced"},
                                        {"R2.a", "partial", "partial", "unchanged"},
                                        {"R2.b", "announced", "partial", "advanced"},
                                        {"R3", "announced", "partial", "advanced"}};

// As issued on 1 July, before the late entry was recorded.
const std::vector<Expected> kIssued = {{"R1", "partial", "substantial", "advanced"},
                                       {"R2", "announced", "announced", "unchanged"},
                                       {"R2.a", "partial", "partial", "unchanged"},
                                       {"R2.b", "announced", "announced", "unchanged"},
                                       {"R3", "announced", "partial", "advanced"}};

std::string label(const std::string& status) {
    return StatusScale::default_scale().find(status)->label;
}

void expect_in_every_format(const StatusReport& r, const std::vector<Expected>& expected) {
    const auto json = nlohmann::json::parse(render_json(r));
    const std::string csv = render_csv(r), md = render_markdown(r), html = render_html(r);
    ASSERT_EQ(json["recommendations"].size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto& e = expected[i];
        const auto& j = json["recommendations"][i];
        EXPECT_EQ(j["key"], e.key);
        EXPECT_EQ(j["status_start"], e.start) << e.key;
        EXPECT_EQ(j["status_end"], e.end) << e.key;
        EXPECT_EQ(j["direction"], e.direction) << e.key;
        // CSV: the row starts with the period, then key, title, start, end, direction.
        std::istringstream lines(csv);
        std::string line, found;
        while (std::getline(lines, line))
            if (line.starts_with("2025-04-01,2025-06-30," + e.key + ",")) found = line;
        EXPECT_NE(found.find("," + e.start + "," + e.end + "," + e.direction + ","),
                  std::string::npos)
            << e.key << ": " << found;
        // Markdown: the overview row.
        const bool part = e.key.find('.') != std::string::npos;
        const size_t row = md.find("| " + std::string(part ? "↳ " : "") + e.key + " ");
        ASSERT_NE(row, std::string::npos) << e.key;
        const std::string md_row = md.substr(row, md.find('\n', row) - row);
        EXPECT_NE(
            md_row.find("| " + label(e.start) + " | " + label(e.end) + " | " + e.direction + " |"),
            std::string::npos)
            << md_row;
        // HTML: the overview row, found by its data-rec attribute.
        const size_t tr = html.find("<tr data-rec=\"" + e.key + "\"");
        ASSERT_NE(tr, std::string::npos) << e.key;
        const std::string html_row = html.substr(tr, html.find("</tr>", tr) - tr);
        const size_t s = html_row.find(">" + label(e.start) + "<");
        const size_t en = html_row.find(">" + label(e.end) + "<", s + 1);
        EXPECT_NE(s, std::string::npos) << html_row;
        EXPECT_NE(en, std::string::npos) << html_row;
        EXPECT_NE(html_row.find(">" + e.direction + "</"), std::string::npos) << html_row;
    }
}

}  // namespace

TEST_F(ReportTest, StartAndEndStatusesInEveryFormat) {
    expect_in_every_format(report(), kCurrent);
}

TEST_F(ReportTest, AsRecordedReplaysOnlyWhatWasKnownThen) {
    expect_in_every_format(report("2025-07-01T00:00:00Z"), kIssued);
}

TEST_F(ReportTest, RetractedEventsNeverCountAndTheCorrectionIsShown) {
    const StatusReport r = report();
    const auto& r2a = r.recommendations[2];
    ASSERT_EQ(r2a.key, "R2.a");
    EXPECT_TRUE(r2a.events.empty());  // the retracted "implemented" is gone
    ASSERT_EQ(r.corrections.size(), 1u);
    EXPECT_EQ(r.corrections[0].retracts, wrong);
    EXPECT_EQ(r.corrections[0].reason, "it was R2.b");
}

TEST_F(ReportTest, LateEntriesAreListedAsSuch) {
    const StatusReport r = report();
    ASSERT_EQ(r.late_entries.size(), 1u);
    EXPECT_EQ(r.late_entries[0]->date, (Date{2025, 6, 20}));
    EXPECT_TRUE(r.recommendations[3].events.at(0).late);
    EXPECT_TRUE(report("2025-07-01T00:00:00Z").late_entries.empty());
}

// Late entries under a recommendation are its row's own events, not
// copies (a backfilled journal makes every event late); the others (a
// measure's stage) are held apart; all in journal order, and a report moved
// elsewhere keeps them.
TEST_F(ReportTest, LateEntriesAreTheRowsOwnEventsInJournalOrder) {
    at("2025-07-20T09:00:00Z", [](Tracker& t) {
        t.reach_stage("widget-act", "adopted", Date{2025, 6, 25});
    });
    at("2025-07-25T09:00:00Z", [](Tracker& t) {
        t.set_status("R3", "substantial", Date{2025, 6, 26}, {"E2"}, "late too");
    });
    StatusReport built = report();
    const StatusReport r = std::move(built);
    ASSERT_EQ(r.late_entries.size(), 3u);
    EXPECT_EQ(r.late_entries[0]->subject, "R2.b");
    EXPECT_EQ(r.late_entries[1]->subject, "widget-act");
    EXPECT_EQ(r.late_entries[2]->subject, "R3");
    EXPECT_LT(r.late_entries[0]->id, r.late_entries[1]->id);
    EXPECT_LT(r.late_entries[1]->id, r.late_entries[2]->id);
    auto row_events = [&](const std::string& key) -> const std::vector<ReportEvent>& {
        for (const auto& row : r.recommendations)
            if (row.key == key) return row.events;
        throw std::runtime_error("no row " + key);
    };
    EXPECT_EQ(r.late_entries[0], &row_events("R2.b").back());
    EXPECT_EQ(r.late_entries[2], &row_events("R3").back());
    ASSERT_EQ(r.late_unlisted.size(), 1u);
    EXPECT_EQ(r.late_entries[1], &r.late_unlisted[0]);
    EXPECT_EQ(r.late_unlisted[0].kind, EventKind::stage_reached);
    EXPECT_TRUE(r.late_unlisted[0].late);
    const std::string md = render_markdown(r);
    const std::string late = md.substr(md.find("## Late entries"));
    EXPECT_LT(late.find("R2.b: recorded"), late.find("widget-act: recorded"));
    EXPECT_LT(late.find("widget-act: recorded"), late.find("R3: recorded"));
    EXPECT_EQ(nlohmann::json::parse(render_json(r))["late_entries"][2]["subject"], "R3");
}

TEST_F(ReportTest, UnsupportedClaimsAreCounted) {
    const StatusReport r = report();
    EXPECT_EQ(r.recommendations[0].unsupported, 1);  // R1 substantial without evidence
    EXPECT_EQ(r.recommendations[4].unsupported, 0);
    const auto json = nlohmann::json::parse(render_json(r));
    EXPECT_EQ(json["recommendations"][0]["unsupported"].size(), 1u);
}

TEST_F(ReportTest, SummaryCountsWholeRecommendationsAndThePeriodsActivity) {
    const ReportSummary s = report().summary;
    EXPECT_EQ(s.end.at("partial"), 2);      // R2 (rolled up) and R3
    EXPECT_EQ(s.end.at("substantial"), 1);  // R1
    EXPECT_EQ(s.start.at("announced"), 2);  // R2 and R3
    EXPECT_EQ(s.advanced, 3);
    EXPECT_EQ(s.unchanged, 0);
    EXPECT_EQ(s.measures_linked, 1);
    EXPECT_EQ(s.stages_reached, 1);
}

TEST_F(ReportTest, AMeasureLinkedToTwoRecommendationsShowsUnderBoth) {
    const StatusReport r = report();
    auto has = [](const ReportRecommendation& rec, const std::string& key) {
        return std::any_of(rec.measures.begin(), rec.measures.end(),
                           [&](const ReportMeasure& m) { return m.key == key; });
    };
    EXPECT_TRUE(has(r.recommendations[0], "widget-act"));  // R1
    EXPECT_TRUE(has(r.recommendations[2], "widget-act"));  // R2.a
    EXPECT_EQ(r.recommendations[0].measures[0].in_period.at(0).stage, "published");
}

TEST_F(ReportTest, AnEarlierReportIsReproducedByteForByte) {
    const std::string issued = render_html(report("2025-07-01T00:00:00Z"));
    at("2025-09-01T09:00:00Z", [](Tracker& t) {
        t.set_status("R3", "substantial", Date{2025, 6, 30}, {"E2"}, "even later");
        t.add_note("R1", "a note in the period", Date{2025, 5, 5});
    });
    EXPECT_EQ(render_html(report("2025-07-01T00:00:00Z")), issued);
    EXPECT_NE(render_html(report()), issued);
}

TEST_F(ReportTest, TrendCoversEightQuartersEndingWithThePeriod) {
    const StatusReport r = report();
    ASSERT_EQ(r.trend.size(), 8u);
    EXPECT_EQ(r.trend.front().quarter.str(), "2023-Q3");
    EXPECT_EQ(r.trend.back().quarter.str(), "2025-Q2");
    EXPECT_EQ(r.trend.back().counts, r.summary.end);
}

// A period that ends before its quarter does still trends to the quarter's
// end: R1's change of 1 June, after the period, counts there.
TEST_F(ReportTest, TrendOfAPeriodEndingMidQuarterReachesTheQuartersEnd) {
    const Period april_may = resolve_period("", "2025-04-01", "2025-05-31", Date{2026, 1, 1});
    const StatusReport r = build_report(
        store, ReportOptions{april_may, {}, *parse_instant("2026-01-01T00:00:00Z"), {}, {}, {}});
    EXPECT_FALSE(r.summary.end.contains("substantial"));  // R1 not yet, on 31 May
    ASSERT_EQ(r.trend.size(), 8u);
    EXPECT_EQ(r.trend.back().quarter.str(), "2025-Q2");
    EXPECT_EQ(r.trend.back().counts, report().summary.end);
    EXPECT_EQ(r.trend.back().counts.at("substantial"), 1);
}

// Loading a dataset in the period must not make its old sources count as
// added this quarter: a source counts when it was published in the period
// or, its publication date unknown, first recorded in it.
TEST_F(ReportTest, OldSourcesLoadedInThePeriodAreNotCountedAsAdded) {
    at("2025-04-03T09:00:00Z", [](Tracker& t) {
        t.add_evidence({Evidence{0,
                                 "https://example.org/2021-press",
                                 "Old press release",
                                 "",
                                 Date{2021, 3, 22},
                                 {},
                                 "",
                                 "",
                                 "official",
                                 ""},
                        Date{2025, 4, 3}});
        t.add_evidence({Evidence{0,
                                 "https://example.org/2025-press",
                                 "New press release",
                                 "",
                                 Date{2025, 4, 2},
                                 {},
                                 "",
                                 "",
                                 "official",
                                 ""},
                        Date{2025, 4, 3}});
        t.add_evidence(
            {Evidence{
                 0, "https://example.org/undated", "Undated page", "", {}, {}, "", "", "news", ""},
             Date{2025, 4, 3}});
    });
    EXPECT_EQ(report().summary.evidence_added, 2);  // the 2025 release and the undated page
}

TEST_F(ReportTest, AsRecordedBeforeAnythingWasRecordedIsRefused) {
    try {
        report("2024-12-31T23:59:59Z");  // the dataset was loaded on 2025-01-05
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("nothing had been recorded by 2024-12-31T23:59:59Z"),
                  std::string::npos)
            << e.what();
    }
}

// What the last recorded check found, in every format, as recorded at the
// report's instant; a change resting only on failed sources is flagged.
TEST_F(ReportTest, EverySourceShowsItsLastCheckAndLocalCopy) {
    auto check = [](EvidenceId id, CheckOutcome result, int status) {
        CheckResult r;
        r.evidence = id;
        r.result = result;
        r.http_status = status;
        return r;
    };
    at("2025-08-10T08:00:00Z", [&](Tracker& t) {
        t.record_audit({check(1, CheckOutcome::ok, 200), check(2, CheckOutcome::gone, 410)}, 0);
    });
    at("2025-08-11T08:00:00Z", [](Tracker& t) {
        CheckResult copy;
        copy.result = CheckOutcome::ok;
        copy.http_status = 200;
        copy.body = "<html>the regulation</html>";
        t.record_archive(1, copy, "2025-08-11T07:59:00Z");
    });
    const StatusReport r = report();
    const auto& r3 = r.recommendations[4];
    ASSERT_EQ(r3.key, "R3");
    EXPECT_EQ(r3.sources_failed, 1);  // the 2025-05-10 change cites only E2
    EXPECT_TRUE(r3.events.back().sources_failed);
    EXPECT_EQ(describe_source(source_state(r, 2)),
              "gone (HTTP 410), checked 2025-08-10; never seen working");
    EXPECT_EQ(describe_source(source_state(r, 1)),
              "working, checked 2025-08-10; local copy of 2025-08-11");
    EXPECT_EQ(describe_source(SourceState{}), "never checked");
    // The report keeps one state per source its rows hold, and only those.
    std::set<EvidenceId> held;
    for (const auto& rec : r.recommendations)
        for (const auto& v : rec.evidence) held.insert(v->id);
    std::set<EvidenceId> kept;
    for (const auto& [id, state] : r.sources) kept.insert(id);
    EXPECT_EQ(kept, held);
    EXPECT_EQ(describe_source(source_state(r, 999)), "never checked");

    const auto json = nlohmann::json::parse(render_json(r));
    const auto& e2 = json["recommendations"][4]["evidence"][0];
    EXPECT_EQ(
        e2["last_check"],
        (nlohmann::json{{"result", "gone"}, {"http_status", 410}, {"at", "2025-08-10T08:00:00Z"}}));
    EXPECT_TRUE(e2["last_seen_working"].is_null());
    EXPECT_TRUE(e2["local_copy"].is_null());
    EXPECT_EQ(json["recommendations"][0]["evidence"][0]["local_copy"], "2025-08-11T07:59:00Z");
    EXPECT_EQ(json["recommendations"][4]["sources_failed"].size(), 1u);
    EXPECT_NE(render_markdown(r).find("every cited source failed its last check"),
              std::string::npos);
    EXPECT_NE(render_markdown(r).find("gone (HTTP 410), checked 2025-08-10"), std::string::npos);
    EXPECT_NE(render_html(r).find("every cited source failed its last check"), std::string::npos);
    EXPECT_NE(render_csv(r).find("E2 (gone, HTTP 410)"), std::string::npos);

    // As recorded before the audit, nothing had been checked or kept.
    const StatusReport before = report("2025-08-05T00:00:00Z");
    EXPECT_EQ(before.recommendations[4].sources_failed, 0);
    EXPECT_EQ(describe_source(source_state(before, 2)), "never checked");
    EXPECT_EQ(describe_source(source_state(before, 1)), "never checked");
    // Listed by the report, though never checked: every source a row holds.
    EXPECT_EQ(before.sources.size(), r.sources.size());
}

// What changed comes first, in every format: each status change with its
// direction and the titles of what it cites, each stage of a linked measure
// and each note dated in the period; a regression is named and marked.
TEST_F(ReportTest, ChangesInThePeriodComeFirstAndARegressionShows) {
    at("2025-08-20T09:00:00Z", [](Tracker& t) {
        t.set_status("R1", "proposed", Date{2025, 6, 25}, {"E1"}, "the act was annulled");
        t.add_note("widget-act", "Implementing acts are late.", Date{2025, 6, 26});
    });
    const StatusReport r = report();
    EXPECT_EQ(r.summary.regressed_keys, std::vector<std::string>{"R1"});
    EXPECT_NE(summary_sentence(r.summary).find("1 regressed (R1)"), std::string::npos)
        << summary_sentence(r.summary);
    std::vector<std::string> kinds;
    const ReportChange* regression = nullptr;
    for (const auto& c : r.changes) {
        kinds.push_back(change_kind_name(c.kind));
        if (c.kind == ReportChange::Kind::status && c.subject == "R1" && c.to == "proposed")
            regression = &c;
    }
    ASSERT_NE(regression, nullptr);
    EXPECT_EQ(regression->from, "substantial");
    EXPECT_EQ(regression->direction, Direction::regressed);
    EXPECT_TRUE(regression->late);
    EXPECT_EQ(regression->evidence, std::vector<std::string>{"Widget Regulation"});
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), "stage"), kinds.end());
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), "note"), kinds.end());
    for (size_t i = 1; i < r.changes.size(); ++i)
        EXPECT_LE(r.changes[i - 1].date, r.changes[i].date);

    const std::string md = render_markdown(r);
    const size_t changes = md.find("## Changes in the period");
    ASSERT_NE(changes, std::string::npos);
    EXPECT_LT(changes, md.find("## Recommendations"));
    EXPECT_NE(md.find("R1 Regulate widgets: Substantially implemented → Proposed (**regressed**); "
                      "cites Widget Regulation — *late entry*"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("Note on widget-act Regulation (EU) 2024/1689 on widgets: Implementing acts "
                      "are late."),
              std::string::npos);
    const std::string html = render_html(r);
    EXPECT_NE(html.find("(<span class=\"regressed\">regressed</span>)"), std::string::npos);
    const auto json = nlohmann::json::parse(render_json(r));
    bool found = false;
    for (const auto& c : json["changes"])
        if (c["kind"] == "status" && c["subject"] == "R1" && c["to"] == "proposed") {
            found = true;
            EXPECT_EQ(c["direction"], "regressed");
            EXPECT_EQ(c["from"], "substantial");
        }
    EXPECT_TRUE(found);
    EXPECT_EQ(json["summary"]["regressed_recs"], nlohmann::json::array({"R1"}));
    EXPECT_NE(render_csv(r).find("2025-06-25 substantial -> proposed"), std::string::npos);
}

// A late entry is shown where it belongs and named, not repeated, in the
// late-entries list; a correction says what it retracted.
TEST_F(ReportTest, LateEntriesAreReferencedAndCorrectionsSayWhatTheyRetracted) {
    const StatusReport r = report();
    ASSERT_FALSE(r.late_entries.empty());
    const std::string md = render_markdown(r);
    const auto& late = *r.late_entries[0];
    const std::string late_section = md.substr(md.find("## Late entries"));
    EXPECT_NE(late_section.find("- #" + std::to_string(late.id) + ", " + late.date.str() + ", " +
                                late.subject + ": recorded"),
              std::string::npos)
        << late_section;
    EXPECT_EQ(late_section.find(late.text), std::string::npos) << "repeated in full";
    ASSERT_EQ(r.corrections.size(), 1u);
    EXPECT_EQ(r.corrections[0].retracted, "R2.a -> implemented (cites E2)");
    EXPECT_NE(md.find("#" + std::to_string(r.corrections[0].id) + " retracts #" +
                      std::to_string(r.corrections[0].retracts) +
                      " (R2.a -\\> implemented (cites E2), 2025-04-15): it was R2.b"),
              std::string::npos)
        << md;
}

TEST_F(ReportTest, GroupedByAddresseeEveryRecommendationIsSomewhere) {
    ReportOptions o{q2, {}, *parse_instant("2026-01-01T00:00:00Z"), {}, {}, {}};
    o.by_addressee = true;
    const StatusReport r = build_report(store, o);
    ASSERT_EQ(r.by_addressee.size(), 3u);
    EXPECT_EQ(r.by_addressee[0].addressee, "Commission");
    EXPECT_EQ(r.by_addressee[0].keys, (std::vector<std::string>{"R1"}));
    // Parts are addressed like their parent.
    EXPECT_EQ(r.by_addressee[1].keys, (std::vector<std::string>{"R2", "R2.a", "R2.b"}));
    EXPECT_EQ(r.by_addressee[2].addressee, "(no addressee)");
    EXPECT_EQ(r.by_addressee[2].keys, (std::vector<std::string>{"R3"}));
}

// Written a recommendation at a time, the JSON is still exactly what a
// whole-document dump writes: the same keys, order, layout and escapes.
TEST_F(ReportTest, JsonWrittenInPiecesIsTheWholeDocumentsDump) {
    ReportOptions o{q2, {}, *parse_instant("2026-01-01T00:00:00Z"), {}, {}, {}};
    o.by_addressee = true;
    for (const StatusReport& r : {report(), build_report(store, o)}) {
        const std::string text = render_json(r);
        EXPECT_EQ(nlohmann::json::parse(text).dump(2) + "\n", text);
        EXPECT_FALSE(nlohmann::json::parse(text)["changes"].empty());
    }
}

// Each CSV row lists its own recommendation's status changes in the period,
// in order, and none of another's; grouped, a recommendation has a row under
// each group that lists it.
TEST_F(ReportTest, CsvRowsListTheirOwnChangesAndEveryGroup) {
    at("2025-06-21T09:00:00Z", [](Tracker& t) {
        t.set_status("R3", "substantial", Date{2025, 6, 20}, {"E2"}, "");
        t.set_status("R1", "proposed", Date{2025, 6, 21}, {"E1"}, "");
    });
    auto line_of = [](const std::string& csv, const std::string& start) {
        const std::size_t at = csv.find("\r\n" + start);
        EXPECT_NE(at, std::string::npos) << start << " in\n" << csv;
        if (at == std::string::npos) return std::string();
        return csv.substr(at + 2, csv.find("\r\n", at + 2) - at - 2);
    };
    const std::string csv = render_csv(report());
    const std::string r3 = line_of(csv, "2025-04-01,2025-06-30,R3,");
    EXPECT_NE(r3.find("2025-05-10 announced -> partial; 2025-06-20 partial -> substantial"),
              std::string::npos)
        << r3;
    EXPECT_EQ(r3.find("-> proposed"), std::string::npos) << r3;
    EXPECT_NE(line_of(csv, "2025-04-01,2025-06-30,R1,").find("-> proposed"), std::string::npos);

    ReportOptions o{q2, {}, *parse_instant("2026-01-01T00:00:00Z"), {}, {}, {}};
    o.by_addressee = true;
    const StatusReport grouped = build_report(store, o);
    const std::string by = render_csv(grouped);
    std::size_t rows = 0;
    for (const auto& g : grouped.by_addressee) {
        rows += g.keys.size();
        for (const auto& key : g.keys)
            line_of(by, g.addressee + ",2025-04-01,2025-06-30," + key + ",");
    }
    EXPECT_EQ(static_cast<std::size_t>(std::count(by.begin(), by.end(), '\n')), rows + 1);
    EXPECT_NE(
        line_of(by, "(no addressee),2025-04-01,2025-06-30,R3,").find("partial -> substantial"),
        std::string::npos);
}
