#include "report/chart.hpp"

#include <gtest/gtest.h>

using namespace rectrack;

namespace {

size_t occurrences(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

// The trend chart shows the counts themselves, not only heights.
TEST(Chart, TrendColumnsCarryTheirCounts) {
    const StatusScale scale = StatusScale::default_scale();
    const std::string svg = status_trend_chart(
        scale, {{"2026-Q2", {{"not_started", 7}, {"partial", 4}}}, {"2026-Q3", {{"partial", 11}}}},
        "Trend");
    EXPECT_NE(svg.find(">7</text>"), std::string::npos);
    EXPECT_NE(svg.find(">4</text>"), std::string::npos);
    EXPECT_NE(svg.find(">11</text>"), std::string::npos);
}

// "Not applicable" is told from "Not started" by a hatch, not only a grey.
TEST(Chart, ClosedStatusesAreHatched) {
    const StatusScale scale = StatusScale::default_scale();
    const std::string bars =
        status_bar_chart(scale, {{"not_started", 2}, {"not_applicable", 1}}, "Now");
    EXPECT_EQ(occurrences(bars, "url(#status-chart-hatch)"), 2u);  // not_applicable, rejected
    EXPECT_NE(bars.find("<pattern id=\"status-chart-hatch\""), std::string::npos);
    const std::string trend =
        status_trend_chart(scale, {{"2026-Q3", {{"not_applicable", 3}}}}, "Trend");
    // The column's segment and the legend's two closed statuses.
    EXPECT_EQ(occurrences(trend, "url(#trend-chart-hatch)"), 3u);
}
