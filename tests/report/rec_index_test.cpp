#include "report/rec_index.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

namespace {

std::vector<Recommendation> recs(std::initializer_list<const char*> keys) {
    std::vector<Recommendation> out;
    for (const char* k : keys) {
        Recommendation r;
        r.key = k;
        out.push_back(r);
    }
    return out;
}

}  // namespace

// Stored in report order, not key order: each is still found by its key.
TEST(RecIndex, FindsEveryRecommendationByItsKey) {
    const auto all = recs({"R10", "R2", "R2.b", "R1", "R2.a"});
    const RecIndex index(all);
    ASSERT_EQ(index.size(), all.size());
    std::vector<bool> taken(all.size());
    for (const auto& r : all) {
        ASSERT_EQ(index.find(r.key), &r) << r.key;
        // Each has a position of its own, for arrays indexed by it.
        const auto at = index.position(r.key);
        ASSERT_TRUE(at.has_value());
        ASSERT_LT(*at, all.size());
        EXPECT_FALSE(taken[*at]) << r.key;
        taken[*at] = true;
    }
    std::vector<std::string> in_order;
    for (const Recommendation* r : index) in_order.push_back(r->key);
    EXPECT_EQ(in_order, (std::vector<std::string>{"R1", "R10", "R2", "R2.a", "R2.b"}));
}

TEST(RecIndex, AKeyItDoesNotHoldIsNotFound) {
    const auto all = recs({"R1", "R3"});
    const RecIndex index(all);
    for (const char* key : {"", "R0", "R2", "R3.a", "R4", "r1"}) {
        EXPECT_EQ(index.find(key), nullptr) << key;
        EXPECT_FALSE(index.contains(key)) << key;
        EXPECT_FALSE(index.position(key).has_value()) << key;
    }
    EXPECT_FALSE(RecIndex().contains("R1"));
}

// A report indexes a selection of the recommendations through pointers.
TEST(RecIndex, BuiltFromPointersHoldsOnlyThose) {
    const auto all = recs({"R1", "R2", "R3"});
    const std::vector<const Recommendation*> chosen = {&all[2], &all[0]};
    const RecIndex index(chosen);
    EXPECT_EQ(index.find("R3"), &all[2]);
    EXPECT_EQ(index.find("R1"), &all[0]);
    EXPECT_FALSE(index.contains("R2"));
}

// Keys that agree in their first eight bytes, or differ only after them,
// bytes above 0x7f (UTF-8) and a zero byte are each still found, and only
// themselves.
TEST(RecIndex, KeysAlikeInTheirFirstBytesAreToldApart) {
    std::vector<Recommendation> all =
        recs({"R1000000", "R1000000.b", "R1000000.a", "R100000", "R1000001", "R\xc3\xa9.1", "R\x7f",
              "R", "R1000000.aa"});
    Recommendation zero;
    zero.key = std::string("R1\0", 3);
    all.push_back(zero);
    all.push_back(recs({"R1"}).front());
    const RecIndex index(all);
    for (const auto& r : all) EXPECT_EQ(index.find(r.key), &r) << r.key;
    for (const char* key : {"R1000000.", "R1000000.c", "R10000000", "R1000000.ab", "R\xc3", "R0"})
        EXPECT_FALSE(index.contains(key)) << key;
    EXPECT_FALSE(index.contains(std::string("R1\0\0", 4)));
    std::vector<std::string> in_order;
    for (const Recommendation* r : index) in_order.push_back(r->key);
    EXPECT_TRUE(std::is_sorted(in_order.begin(), in_order.end()));
}
