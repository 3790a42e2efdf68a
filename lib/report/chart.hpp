// Charts for the HTML report, drawn as inline SVG so the page needs nothing
// from outside. Each has a title and a description for screen readers.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/status_scale.hpp"

namespace rectrack {

struct ChartSeries {
    std::string label;                  // a quarter, e.g. "2026-Q3"
    std::map<std::string, int> counts;  // status -> recommendations
};

// Horizontal bars: how many recommendations stand at each status.
std::string status_bar_chart(const StatusScale& scale, const std::map<std::string, int>& counts,
                             const std::string& title);
// One stacked column per quarter.
std::string status_trend_chart(const StatusScale& scale, const std::vector<ChartSeries>& series,
                               const std::string& title);
// The fill colour of a status: from grey (not started) to green (implemented).
std::string status_colour(const StatusScale& scale, const std::string& status);

}  // namespace rectrack
