// Themes and addressees given and taken away as journal events
// (lib/tracker/tags.cpp, read back through lib/store/tag_changes.cpp).
#include <gtest/gtest.h>

#include "model/error.hpp"
#include "test_support.hpp"
#include "tracker/tracker.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

using Strings = std::vector<std::string>;

class TagsTest : public ::testing::Test {
  protected:
    TempDir dir;
    std::unique_ptr<Store> store = small_store(dir.file("t.db"));

    EventId tag(const std::string& key, const Tracker::TagEdit& add,
                const Tracker::TagEdit& remove = {}) {
        EventId id = 0;
        record(*store, [&](Tracker& t) { id = t.change_tags(key, add, remove, {}).id; });
        return id;
    }
    void refused(const std::string& key, const Tracker::TagEdit& add,
                 const Tracker::TagEdit& remove, const std::string& message) {
        try {
            tag(key, add, remove);
            ADD_FAILURE() << "accepted: " << message;
        } catch (const InputError& e) {
            EXPECT_EQ(std::string(e.what()), message);
        }
    }
};

}  // namespace

TEST_F(TagsTest, GivesAndTakesInAnySpellingKeepingTheRecordedOne) {
    tag("R1", {{"cyber", "trade"}, {"Member states"}});
    tag("R1", {}, {{"WIDGETS"}, {"member-states"}});
    const auto r = store->recommendation("R1");
    EXPECT_EQ(r->themes, (Strings{"cyber", "trade"}));
    EXPECT_EQ(r->addressees, (Strings{"Commission"}));
    // The list view folds the same changes.
    EXPECT_EQ(store->recommendations().front().themes, (Strings{"cyber", "trade"}));
}

TEST_F(TagsTest, RefusesWhatWouldChangeNothingOrIsNotThere) {
    refused("R1", {{"Widgets"}, {}}, {}, "R1 already has the theme 'widgets'");
    refused("R1", {}, {{"widget"}, {}}, "R1 has no theme 'widget' (did you mean 'widgets'?)");
    refused("R1", {{"a", "A"}, {}}, {}, "the theme 'A' is given twice");
    refused("R1", {{" "}, {}}, {}, "a theme must not be empty");
    refused("R1", {}, {}, "give a --theme or an --addressee");
    refused("R9", {{"x"}, {}}, {},
            "'R9' is neither a recommendation nor a measure (did you mean 'R1'?)");
    EXPECT_EQ(store->recommendation("R1")->themes, (Strings{"widgets"}));
}

TEST_F(TagsTest, MeasuresCarryThemesButNoAddressees) {
    const std::string m = store->measures().front().key;
    tag(m, {{"standards"}, {}});
    EXPECT_EQ(store->measure(m)->themes, (Strings{"standards"}));
    EXPECT_EQ(store->measures().front().themes, (Strings{"standards"}));
    refused(m, {{}, {"Council"}}, {}, "a measure has no addressees: its institutions say who acts");
}

TEST_F(TagsTest, AsRecordedEarlierAndAfterACorrection) {
    // The small store was recorded at test_now(); the tag an hour later.
    const Instant before = test_now();
    Actor later = test_actor();
    later.now = Instant{later.now.seconds + 3600};
    EventId id = 0;
    record(
        *store,
        [&](Tracker& t) {
            id = t.change_tags("R3", {{"research"}, {}}, {}, {}).id;
        },
        later);
    EXPECT_EQ(store->recommendation("R3")->themes, (Strings{"research"}));
    EXPECT_TRUE(store->recommendation("R3", AsRecorded{before})->themes.empty());
    record(
        *store, [&](Tracker& t) { t.correct(id, "wrong recommendation"); }, later);
    EXPECT_TRUE(store->recommendation("R3")->themes.empty());
    EXPECT_TRUE(store->verify().ok);
}
