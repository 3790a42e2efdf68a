#include "report/chart.hpp"

#include <algorithm>
#include <sstream>

#include "report/escape.hpp"

namespace rectrack {

namespace {
constexpr const char* kOpen[] = {"#9e9e9e", "#b3cde3", "#8c96c6", "#fdb863",
                                 "#a6d96a", "#1a9641", "#66bd63"};
constexpr const char* kClosed[] = {"#bdbdbd", "#d7191c", "#636363"};

std::string svg_open(int width, int height, const std::string& id, const std::string& title,
                     const std::string& description) {
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " << width << " "
      << height << "\" width=\"" << width << "\" height=\"" << height << "\" aria-labelledby=\""
      << id << "-title " << id << "-desc\"><title id=\"" << id << "-title\">" << html_escape(title)
      << "</title><desc id=\"" << id << "-desc\">" << html_escape(description) << "</desc>";
    return o.str();
}

// Closed statuses are hatched as well as coloured, so that "Not applicable"
// is told from "Not started" without colour: in black-and-white print and
// by readers who do not see the difference in grey.
std::string hatch_defs(const std::string& id) {
    return "<defs><pattern id=\"" + id +
           "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
           "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
           "stroke=\"#000\" stroke-width=\"1.5\"/></pattern></defs>";
}

// A rectangle in the status's colour, hatched if the status is closed.
std::string status_rect(const StatusScale& scale, const std::string& status, const std::string& id,
                        int x, int y, int w, int h, const std::string& tooltip = "") {
    std::ostringstream o;
    const std::string box = "x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
                            "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
                            "\"";
    o << "<rect " << box << " fill=\"" << status_colour(scale, status) << "\">";
    if (!tooltip.empty()) o << "<title>" << html_escape(tooltip) << "</title>";
    o << "</rect>";
    const auto level = std::find_if(scale.levels.begin(), scale.levels.end(),
                                    [&](const auto& l) { return l.name == status; });
    if (level != scale.levels.end() && level->closed)
        o << "<rect " << box << " fill=\"url(#" << id << "-hatch)\" fill-opacity=\"0.45\"/>";
    return o.str();
}

int count_of(const std::map<std::string, int>& counts, const std::string& s) {
    auto it = counts.find(s);
    return it == counts.end() ? 0 : it->second;
}
}  // namespace

std::string status_colour(const StatusScale& scale, const std::string& status) {
    int open = 0, closed = 0;
    for (const auto& l : scale.levels) {
        if (l.name == status) return l.closed ? kClosed[closed % 3] : kOpen[std::min(open, 6)];
        (l.closed ? closed : open)++;
    }
    return "#000000";
}

std::string status_bar_chart(const StatusScale& scale, const std::map<std::string, int>& counts,
                             const std::string& title) {
    const int row = 26, label_width = 190, bar_width = 380;
    const int height = static_cast<int>(scale.levels.size()) * row + 10;
    int most = 1;
    for (const auto& [s, n] : counts) most = std::max(most, n);
    std::string description;
    for (const auto& l : scale.levels)
        description += l.label + ": " + std::to_string(count_of(counts, l.name)) + ". ";
    std::ostringstream o;
    o << svg_open(label_width + bar_width + 40, height, "status-chart", title, description)
      << hatch_defs("status-chart");
    int y = 5;
    for (const auto& l : scale.levels) {
        const int n = count_of(counts, l.name);
        const int w = n * bar_width / most;
        o << "<text x=\"" << label_width - 8 << "\" y=\"" << y + 17
          << "\" text-anchor=\"end\" font-size=\"13\">" << html_escape(l.label) << "</text>";
        o << status_rect(scale, l.name, "status-chart", label_width, y + 3, std::max(w, 1),
                         row - 8);
        o << "<text x=\"" << label_width + w + 6 << "\" y=\"" << y + 17 << "\" font-size=\"13\">"
          << n << "</text>";
        y += row;
    }
    o << "</svg>";
    return o.str();
}

std::string status_trend_chart(const StatusScale& scale, const std::vector<ChartSeries>& series,
                               const std::string& title) {
    const int column = 64, plot_height = 220, top = 10, left = 30;
    const int width = left + static_cast<int>(series.size()) * column + 10;
    int most = 1;
    for (const auto& s : series) {
        int total = 0;
        for (const auto& [k, n] : s.counts) total += n;
        most = std::max(most, total);
    }
    std::string description;
    for (const auto& s : series) {
        description += s.label + ":";
        for (const auto& l : scale.levels)
            if (int n = count_of(s.counts, l.name))
                description += " " + l.label + " " + std::to_string(n) + ",";
        description.back() = '.';
        description += " ";
    }
    std::ostringstream o;
    o << svg_open(width, plot_height + top + 70, "trend-chart", title, description)
      << hatch_defs("trend-chart");
    o << "<line x1=\"" << left << "\" y1=\"" << top + plot_height << "\" x2=\"" << width - 5
      << "\" y2=\"" << top + plot_height << "\" stroke=\"#444\"/>";
    int x = left + 8;
    for (const auto& s : series) {
        int y = top + plot_height;
        for (const auto& l : scale.levels) {
            const int n = count_of(s.counts, l.name);
            if (!n) continue;
            const int h = n * plot_height / most;
            y -= h;
            o << status_rect(scale, l.name, "trend-chart", x, y, column - 16, h,
                             s.label + ", " + l.label + ": " + std::to_string(n));
            // The count itself, where the segment is tall enough to hold it.
            if (h >= 13)
                o << "<text x=\"" << x + (column - 16) / 2 << "\" y=\"" << y + h / 2 + 4
                  << "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#000\" "
                     "stroke=\"#fff\" stroke-width=\"2.5\" paint-order=\"stroke\">"
                  << n << "</text>";
        }
        o << "<text x=\"" << x + (column - 16) / 2 << "\" y=\"" << top + plot_height + 16
          << "\" text-anchor=\"middle\" font-size=\"11\">" << html_escape(s.label) << "</text>";
        x += column;
    }
    // Legend below the columns, open statuses first.
    int lx = left, ly = top + plot_height + 34;
    for (const auto& l : scale.levels) {
        const int w = 14 + 7 * static_cast<int>(l.label.size()) + 12;
        if (lx + w > width) {
            lx = left;
            ly += 16;
        }
        o << status_rect(scale, l.name, "trend-chart", lx, ly - 9, 10, 10) << "<text x=\""
          << lx + 14 << "\" y=\"" << ly << "\" font-size=\"11\">" << html_escape(l.label)
          << "</text>";
        lx += w;
    }
    o << "</svg>";
    return o.str();
}

}  // namespace rectrack
