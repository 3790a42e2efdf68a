// The report's two charts, shared by the HTML page (inline) and the
// Markdown report (as files beside it, for pandoc to place in Word).
#include "report/chart.hpp"
#include "report/report_render.hpp"

namespace rectrack {

std::string status_chart_svg(const StatusReport& r) {
    return status_bar_chart(r.scale, r.summary.end,
                            "Recommendations by status at " + r.period.end.str());
}

std::string trend_chart_svg(const StatusReport& r) {
    std::vector<ChartSeries> series;
    for (const auto& q : r.trend) series.push_back({q.quarter.str(), q.counts});
    return status_trend_chart(r.scale, series,
                              "Recommendations by status at the end of each quarter");
}

}  // namespace rectrack
