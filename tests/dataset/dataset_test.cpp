#include "dataset/dataset.hpp"

#include <gtest/gtest.h>

#include <toml++/toml.h>
#include <sstream>

#include "model/error.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {
void load(Store& store, const std::string& text) {
    Store::Transaction tx(store);
    Tracker t(store, tx, test_actor());
    load_dataset(t, toml::parse(text), "x.toml");
    tx.commit();
}
const char* kReport = "[report]\nkey='r'\ntitle='T'\nissued=2020-01-01\n";
}  // namespace

TEST(Dataset, BundledDataLoadsAllElevenRecommendationsAndVerifies) {
    TempDir dir;
    Store store(dir.file("b.db"), {Access::create, 1000});
    {
        Store::Transaction tx(store);
        Tracker t(store, tx, test_actor());
        load_dataset(t, toml::parse_file(RECTRACK_BUNDLED_DATA), "made-in-china.toml");
        tx.commit();
    }
    const auto recs = store.recommendations();
    ASSERT_EQ(recs.size(), 11u);
    EXPECT_EQ(recs.front().key, "R1");
    EXPECT_EQ(recs.back().key, "R11");  // numeric, not text, order
    EXPECT_TRUE(recs[0].text.starts_with("The EU must increase international pressure on China"));
    EXPECT_EQ(store.report("made-in-china")->author, "Dimitar Lilkov");
    // Every status change in the bundled data cites evidence.
    for (const auto& r : recs)
        for (const auto& c : store.status_history(r.key))
            EXPECT_FALSE(c.evidence.empty()) << r.key << " " << c.date.str();
    EXPECT_TRUE(store.verify().ok);
}

// A reader of the bundled data can see why each status was judged as it was:
// every status change is preceded by a "# Reasoning:" comment.
TEST(Dataset, EveryBundledStatusChangeGivesItsReasoning) {
    std::istringstream in(read_text(RECTRACK_BUNDLED_DATA));
    bool reasoned = false;
    int changes = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("# Reasoning:")) reasoned = true;
        if (line == "[[status_change]]") {
            ++changes;
            EXPECT_TRUE(reasoned) << "status change #" << changes << " has no reasoning comment";
        }
        if (!line.starts_with("#")) reasoned = false;
    }
    EXPECT_GT(changes, 20);
}

// A fuzzer's finding: a repeated status used to fail inside SQLite (exit 3).
TEST(Dataset, AStatusListedTwiceIsAnInputError) {
    TempDir dir;
    Store store(dir.file("d.db"), {Access::create, 1000});
    try {
        load(store, std::string(kReport) + "[[status]]\nname='a'\n[[status]]\nname='a'\n");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("lists 'a' twice"), std::string::npos) << e.what();
    }
}

TEST(Dataset, DefaultScaleWhenNoneIsGiven) {
    TempDir dir;
    Store store(dir.file("d.db"), {Access::create, 1000});
    load(store, kReport);
    EXPECT_EQ(store.scale().names(), StatusScale::default_scale().names());
}

TEST(Dataset, ErrorsNameTheFileAndTheItem) {
    TempDir dir;
    Store store(dir.file("d.db"), {Access::create, 1000});
    try {
        load(store, std::string(kReport) +
                        "[[measure]]\nkey='m1'\ntitle='M'\ntype='regulation'\ncelex='bad'\n");
        FAIL();
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("x.toml"), std::string::npos) << msg;
        EXPECT_NE(msg.find("measure 'm1'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("CELEX"), std::string::npos) << msg;
    }
    EXPECT_EQ(store.last_event_id(), 0);  // the transaction was not committed
}

TEST(Dataset, StatusChangesAreRecordedInDateOrder) {
    TempDir dir;
    Store store(dir.file("d.db"), {Access::create, 1000});
    load(store, std::string(kReport) +
                    "[[recommendation]]\nkey='R1'\nnumber=1\ntitle='t'\n"
                    "[[status_change]]\nrec='R1'\nstatus='partial'\ndate=2022-01-01\n"
                    "[[status_change]]\nrec='R1'\nstatus='announced'\ndate=2021-01-01\n");
    const auto h = store.status_history("R1");
    ASSERT_EQ(h.size(), 2u);
    EXPECT_LT(h[0].event, h[1].event);
    EXPECT_EQ(h[0].status, "announced");
}

TEST(Dataset, ASecondReportKeepsTheScaleAndCannotDropUsedStatuses) {
    TempDir dir;
    Store store(dir.file("d.db"), {Access::create, 1000});
    load(store, std::string(kReport) +
                    "[[recommendation]]\nkey='R1'\nnumber=1\ntitle='t'\n"
                    "[[status_change]]\nrec='R1'\nstatus='partial'\ndate=2022-01-01\n");
    const EventId before = store.last_event_id();
    load(store, "[report]\nkey='second'\ntitle='Another'\nissued=2021-01-01\n");
    EXPECT_EQ(store.scale().names(), StatusScale::default_scale().names());
    EXPECT_EQ(store.last_event_id(), before + 1);  // only the report, no new scale
    EXPECT_THROW(load(store,
                      "[report]\nkey='third'\ntitle='T'\nissued=2021-01-01\n"
                      "[[status]]\nname='open'\n[[status]]\nname='done'\n"),
                 InputError);
}

TEST(Dataset, ADateTheJournalCouldNotReadBackIsRefused) {
    TempDir dir;
    Store store(dir.file("d.db"), {Access::create, 1000});
    try {
        load(store, std::string(kReport) +
                        "[[recommendation]]\nkey='R1'\nnumber=1\ntitle='One'\n"
                        "[[note]]\non='R1'\ntext='ancient'\ndate=0001-01-01\n");
        FAIL() << "a year below 1000 was accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("'0001-01-01'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(store.last_event_id(), 0);  // nothing of the dataset was written
}

// `issued = 2020` records that only the year is known; the date used in
// comparisons is the year's first day.
TEST(Dataset, AReportIssuedInAYearAloneIsRecordedAsSuch) {
    TempDir dir;
    Store store(dir.file("y.db"), {Access::create, 1000});
    load(store, "[report]\nkey='r'\ntitle='R'\nissued=2020\n");
    const auto r = store.report("r");
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->issued_year_only);
    EXPECT_EQ(r->issued, (Date{2020, 1, 1}));
    EXPECT_EQ(issued_text(*r), "2020; only the year is known");
    EXPECT_TRUE(store.verify().ok);
    Store other(dir.file("z.db"), {Access::create, 1000});
    EXPECT_THROW(load(other, "[report]\nkey='r'\ntitle='R'\nissued=99\n"), InputError);
}
