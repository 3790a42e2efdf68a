#include "store/anchor.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

const std::string kHash = "3fa0" + std::string(60, 'b');

void note(Store& store, const std::string& text, const char* at = "2026-11-27T12:00:00Z") {
    record(
        store, [&](Tracker& t) { t.add_note("R1", text, std::nullopt); },
        Actor{"tester", *parse_instant(at)});
}

}  // namespace

TEST(Anchor, ParsesTheFormItPrints) {
    const auto a = parse_anchor("182:" + kHash);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->events, 182);
    EXPECT_EQ(a->head, kHash);
    EXPECT_EQ(a->str(), "182:" + kHash);
    EXPECT_EQ(parse_anchor("182:3FA0" + std::string(60, 'B'))->head, kHash);
    for (const std::string& bad : std::vector<std::string>{
             "", "182", "182:", ":" + kHash, "-1:" + kHash, "x:" + kHash, "182:" + kHash.substr(1),
             "182:" + kHash + "0", "182:" + kHash.substr(1) + "g", "182 :" + kHash})
        EXPECT_FALSE(parse_anchor(bad)) << bad;
}

TEST(Anchor, IsTheLastEventAsRecorded) {
    TempDir dir;
    Store empty(dir.file("e.db"), {Access::create, 1000});
    EXPECT_EQ(journal_anchor(empty), (Anchor{0, kGenesisHash}));

    auto store = small_store(dir.file("a.db"));
    const Anchor loaded = journal_anchor(*store);
    note(*store, "later", "2026-12-01T09:00:00Z");
    const Anchor now = journal_anchor(*store);
    EXPECT_EQ(now.events, loaded.events + 1);
    EXPECT_EQ(now.head, store->event(now.events)->hash);
    EXPECT_EQ(journal_anchor(*store, AsRecorded(*parse_instant("2026-11-30T00:00:00Z"))), loaded);
}

TEST(Anchor, AJournalExtendsItsEarlierAnchors) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    const Anchor before = journal_anchor(*store);
    note(*store, "one");
    EXPECT_TRUE(check_anchor(*store, before).extends);
    EXPECT_TRUE(check_anchor(*store, journal_anchor(*store)).extends);
    EXPECT_TRUE(check_anchor(*store, Anchor{0, kGenesisHash}).extends);
    EXPECT_FALSE(check_anchor(*store, Anchor{0, kHash}).extends);
}

// Each copy below is a journal whose chain and projections are consistent,
// so `verify` alone passes it; only the anchor tells it from the original.
TEST(Anchor, CatchesATruncatedJournal) {
    TempDir dir;
    auto original = small_store(dir.file("a.db"));
    auto copy = small_store(dir.file("b.db"));
    note(*original, "one");
    const AnchorCheck c = check_anchor(*copy, journal_anchor(*original));
    EXPECT_FALSE(c.extends);
    EXPECT_NE(c.problem.find("fewer than"), std::string::npos) << c.problem;
}

TEST(Anchor, CatchesARewrittenOrRenumberedJournal) {
    TempDir dir;
    auto original = small_store(dir.file("a.db"));
    auto rewritten = small_store(dir.file("b.db"));
    auto renumbered = small_store(dir.file("c.db"));
    note(*original, "one");
    note(*original, "two");
    note(*rewritten, "One");  // the same length, one word changed
    note(*rewritten, "two");
    note(*renumbered, "two");  // "one" deleted, the rest renumbered
    note(*renumbered, "three");
    for (Store* s : {rewritten.get(), renumbered.get()}) {
        EXPECT_TRUE(s->verify().ok);
        const AnchorCheck c = check_anchor(*s, journal_anchor(*original));
        EXPECT_FALSE(c.extends);
        EXPECT_NE(c.problem.find("rewritten"), std::string::npos) << c.problem;
    }
}
