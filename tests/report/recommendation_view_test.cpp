#include "report/recommendation_view.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "model/error.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

TEST(RecommendationView, AParentStandsWhereItsLeastAdvancedPartStands) {
    TempDir dir;
    auto store = small_store(dir.file("v.db"));
    const RecommendationView v = view_recommendation(*store, "R2", {test_now().date(), 30});
    EXPECT_EQ(v.status, "announced");
    EXPECT_EQ(v.parts, (std::vector<std::string>{"R2.a", "R2.b"}));
    EXPECT_EQ(v.part_status, (std::vector<std::string>{"R2.a partial", "R2.b announced"}));
    EXPECT_EQ(to_json(v)["parts"], nlohmann::json::array({"R2.a", "R2.b"}));
}

TEST(RecommendationView, TheTextMarksAClaimWithoutEvidence) {
    TempDir dir;
    auto store = small_store(dir.file("v.db"));
    std::ostringstream text;
    write_text(text, view_recommendation(*store, "R2.b", {test_now().date(), 30}));
    EXPECT_NE(text.str().find("NO EVIDENCE"), std::string::npos) << text.str();
}

TEST(RecommendationView, AnUnknownKeyIsAnInputError) {
    TempDir dir;
    auto store = small_store(dir.file("v.db"));
    EXPECT_THROW(view_recommendation(*store, "R99", {test_now().date(), 30}), InputError);
}
