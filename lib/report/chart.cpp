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
    o << svg_open(label_width + bar_width + 40, height, "status-chart", title, description);
    int y = 5;
    for (const auto& l : scale.levels) {
        const int n = count_of(counts, l.name);
        const int w = n * bar_width / most;
        o << "<text x=\"" << label_width - 8 << "\" y=\"" << y + 17
          << "\" text-anchor=\"end\" font-size=\"13\">" << html_escape(l.label) << "</text>";
        o << "<rect x=\"" << label_width << "\" y=\"" << y + 3 << "\" width=\"" << std::max(w, 1)
          << "\" height=\"" << row - 8 << "\" fill=\"" << status_colour(scale, l.name) << "\"/>";
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
    o << svg_open(width, plot_height + top + 70, "trend-chart", title, description);
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
            o << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << column - 16
              << "\" height=\"" << h << "\" fill=\"" << status_colour(scale, l.name) << "\"><title>"
              << html_escape(s.label + ", " + l.label + ": " + std::to_string(n))
              << "</title></rect>";
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
        o << "<rect x=\"" << lx << "\" y=\"" << ly - 9 << "\" width=\"10\" height=\"10\" fill=\""
          << status_colour(scale, l.name) << "\"/><text x=\"" << lx + 14 << "\" y=\"" << ly
          << "\" font-size=\"11\">" << html_escape(l.label) << "</text>";
        lx += w;
    }
    o << "</svg>";
    return o.str();
}

}  // namespace rectrack
