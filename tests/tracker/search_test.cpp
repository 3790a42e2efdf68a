// Full-text search (lib/tracker/search.cpp over lib/store/store_search.cpp):
// what it finds, kept in step with amendments and corrections, rebuilt by
// verify and built when an older database is upgraded.
#include "tracker/search.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "model/error.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

class SearchTest : public ::testing::Test {
  protected:
    TempDir dir;
    std::unique_ptr<Store> store = small_store(dir.file("t.db"));

    // "kind key field" of each hit, best first.
    std::vector<std::string> found(const std::vector<std::string>& phrases) {
        std::vector<std::string> out;
        for (const auto& h : search(*store, phrases))
            out.push_back(h.kind + " " + h.key + " " + h.field);
        return out;
    }
    bool finds(const std::vector<std::string>& phrases, const std::string& hit) {
        const auto all = found(phrases);
        return std::find(all.begin(), all.end(), hit) != all.end();
    }
};

}  // namespace

TEST_F(SearchTest, FindsARecommendationByAWordOfItsText) {
    // The shortest text that holds the word first: a title before a text.
    EXPECT_EQ(found({"abusers"}),
              (std::vector<std::string>{"recommendation R2.a title", "recommendation R2.a text",
                                        "recommendation R2 text"}));
    EXPECT_TRUE(finds({"WIDGETS"}, "recommendation R1 title"));
    EXPECT_TRUE(found({"widgets", "sanction"}).empty());  // every phrase must match
}

TEST_F(SearchTest, FindsAMeasureByEachFormOfItsCelexNumber) {
    for (const std::string form :
         {"32024R1689", "celex:32024r1689", "2024/1689", "CELEX 32024R1689", "widget-act",
          "2021/0106(COD)", "COM(2021) 206"})
        EXPECT_TRUE(finds({form}, "measure widget-act identifiers") ||
                    finds({form}, "measure widget-act key"))
            << form;
    EXPECT_EQ(found({"widget-act"}).front(), "measure widget-act key");
    // The short number of a CELEX with leading zeros: 32021D0481 is 2021/481.
    EXPECT_TRUE(finds({"2021/481"}, "measure sanctions-2021 identifiers"));
}

TEST_F(SearchTest, FindsANoteByAPhraseAndForgetsWhatIsRetracted) {
    EventId note = 0;
    record(*store, [&](Tracker& t) {
        note = t.add_note("R3", "Asked DG RTD which Horizon Europe topics concern China", {}).id;
    });
    EXPECT_EQ(found({"horizon europe topics"}), (std::vector<std::string>{"note R3 note"}));
    EXPECT_TRUE(found({"europe horizon topics"}).empty());  // a phrase keeps its order
    EXPECT_TRUE(finds({"Proposal tabled"}, "note R1 status note"));
    record(*store, [&](Tracker& t) { t.correct(note, "wrong recommendation"); });
    EXPECT_TRUE(found({"horizon europe"}).empty());
    EXPECT_TRUE(store->verify().ok);
}

TEST_F(SearchTest, AnAmendedTitleIsFoundByItsNewWordsOnly) {
    EventId amended = 0;
    record(*store, [&](Tracker& t) {
        amended = t.amend_measure("widget-act", {{"title", "Artificial Intelligence Act"}}, "").id;
    });
    EXPECT_TRUE(finds({"intelligence"}, "measure widget-act title"));
    EXPECT_FALSE(finds({"widgets"}, "measure widget-act title"));
    record(*store, [&](Tracker& t) { t.correct(amended, "the short title came later"); });
    EXPECT_TRUE(finds({"widgets"}, "measure widget-act title"));
    EXPECT_TRUE(found({"intelligence"}).empty());
    EXPECT_TRUE(store->verify().ok);
}

TEST_F(SearchTest, RefusesWhatHoldsNothingToSearchFor) {
    EXPECT_THROW(search(*store, {"//"}), InputError);
    EXPECT_THROW(search(*store, {}), InputError);
    EXPECT_TRUE(found({"\"unbalanced"}).empty());  // quotes are text, never syntax
}

TEST_F(SearchTest, VerifyRebuildsTheIndexAndNoticesItsTampering) {
    EXPECT_TRUE(store->verify().ok);
    {
        SQLite::Database raw(dir.file("t.db"), SQLite::OPEN_READWRITE);
        // Drop one row from the index alone, as an edit of its tables would.
        raw.exec(
            "INSERT INTO search_index(search_index, rowid, text) SELECT 'delete', id, text FROM "
            "search_text WHERE field = 'title' AND subject = 'rec:R1'");
    }
    const VerifyResult v = store->verify();
    EXPECT_FALSE(v.ok);
    EXPECT_NE(v.problem.find("the search index"), std::string::npos) << v.problem;
}

TEST_F(SearchTest, AnUpgradedDatabaseIndexesWhatItHolds) {
    store.reset();
    {
        SQLite::Database raw(dir.file("t.db"), SQLite::OPEN_READWRITE);
        raw.exec(
            "DROP TRIGGER search_text_added; DROP TRIGGER search_text_removed; DROP VIEW "
            "search_rows; DROP TABLE search_index; DROP TABLE search_text; DROP INDEX "
            "evidence_url_form; ALTER TABLE evidence DROP COLUMN url_form; DROP TABLE "
            "projection_digests; DROP TABLE digested_through; PRAGMA user_version = 9");
    }
    store = std::make_unique<Store>(dir.file("t.db"), OpenOptions{});
    EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
    EXPECT_TRUE(finds({"Proposal tabled"}, "note R1 status note"));
    EXPECT_TRUE(finds({"32024R1689"}, "measure widget-act identifiers"));
    EXPECT_TRUE(store->verify().ok) << store->verify().problem;
}
