#include "model/follow_up.hpp"

#include <gtest/gtest.h>

#include "model/status_scale.hpp"

using namespace rectrack;

namespace {

FollowUp entry(FollowUp::Field f, std::string value, Date d) {
    return FollowUp{1, "R1", f, std::move(value), "", d};
}

}  // namespace

TEST(FollowUp, StandsAtTheLatestEntryOfEachKindByTheDay) {
    using F = FollowUp::Field;
    const std::vector<FollowUp> entries = {
        entry(F::owner, "A. Rossi", Date{2025, 1, 1}),
        entry(F::target, "2025-12-31", Date{2025, 1, 1}),
        entry(F::response, "accepted", Date{2025, 2, 1}),
        entry(F::target, "2026-06-30", Date{2025, 9, 1}),
        entry(F::owner, "", Date{2025, 10, 1}),
    };
    const auto mid = follow_up_on(entries, Date{2025, 8, 31});
    EXPECT_EQ(mid.owner, "A. Rossi");
    EXPECT_EQ(mid.target, (Date{2025, 12, 31}));
    ASSERT_TRUE(mid.response);
    EXPECT_EQ(mid.response->value, "accepted");
    const auto late = follow_up_on(entries, Date{2025, 12, 1});
    EXPECT_EQ(late.owner, "");
    EXPECT_EQ(late.target, (Date{2026, 6, 30}));
    const auto early = follow_up_on(entries, Date{2024, 12, 31});
    EXPECT_FALSE(early.target);
    EXPECT_FALSE(early.response);
}

TEST(FollowUp, DeadlinesJudgeTheTargetAgainstTheDayAndTheStatus) {
    const Date today{2026, 11, 28};
    EXPECT_EQ(deadline(std::nullopt, false, today, 30), Deadline::none);
    EXPECT_EQ(deadline(Date{2026, 11, 27}, false, today, 30), Deadline::overdue);
    EXPECT_EQ(deadline(Date{2026, 11, 27}, true, today, 30), Deadline::none);
    EXPECT_EQ(deadline(Date{2026, 11, 28}, false, today, 30), Deadline::due_soon);
    EXPECT_EQ(deadline(Date{2026, 12, 28}, false, today, 30), Deadline::due_soon);
    EXPECT_EQ(deadline(Date{2026, 12, 29}, false, today, 30), Deadline::on_track);
    EXPECT_EQ(deadline(Date{2026, 12, 29}, false, today, 0), Deadline::on_track);
    EXPECT_EQ(deadline_name(Deadline::due_soon), "due soon");
}

TEST(FollowUp, SettledMeansImplementedOrClosed) {
    const StatusScale s = StatusScale::default_scale();
    EXPECT_TRUE(s.settled("implemented"));
    EXPECT_TRUE(s.settled("rejected"));
    EXPECT_TRUE(s.settled("not_applicable"));
    EXPECT_FALSE(s.settled("substantial"));
    EXPECT_FALSE(s.settled("nonsense"));
}

TEST(FollowUp, ResponseInWords) {
    FollowUp r = entry(FollowUp::Field::response, "partially_accepted", Date{2021, 3, 22});
    EXPECT_EQ(response_words(r), "partially accepted 2021-03-22");
    r.evidence = {1, 2, 3};
    r.note = "only the sanctions";
    EXPECT_EQ(response_words(r), "partially accepted 2021-03-22 (cites E1-E3): only the sanctions");
}
