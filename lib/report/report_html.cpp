#include <sstream>

#include "model/follow_up.hpp"
#include "model/text.hpp"
#include "report/chart.hpp"
#include "report/escape.hpp"
#include "report/report_render.hpp"

namespace rectrack {

namespace {

std::string h(std::string_view s) {
    return html_escape(s);
}

std::string a(std::string_view text, const std::string& url) {
    if (url.empty()) return h(text);
    return "<a href=\"" + h(url) + "\">" + h(text) + "</a>";
}

std::string badge(const StatusScale& scale, const std::string& status) {
    return "<span class=\"status\" style=\"border-color:" + status_colour(scale, status) + "\">" +
           h(scale.label_of(status)) + "</span>";
}

// A regression is seen at a glance: in colour, and as a word for those who
// cannot see the colour or print in black and white.
std::string direction_html(Direction d) {
    const std::string name = direction_name(d);
    return d == Direction::unchanged ? name : "<span class=\"" + name + "\">" + name + "</span>";
}

std::string event_item(const ReportEvent& e) {
    std::string s = "<li><time>" + e.date.str() + "</time> " + h(e.text) +
                    " <span class=\"meta\">#" + std::to_string(e.id) + ", " + h(e.author) +
                    "</span>";
    if (e.unsupported) s += " <strong class=\"warn\">no evidence cited</strong>";
    if (e.sources_failed)
        s += " <strong class=\"warn\">every cited source failed its last check</strong>";
    if (e.late) s += " <em class=\"late\">late entry, recorded " + h(e.recorded_at) + "</em>";
    return s + "</li>";
}

constexpr const char* kStyle = R"css(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
       color: #1b1b1b; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #1f4e79; padding-bottom: 0.15em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.n { text-align: right; }
#recommendations { font-size: 0.92em; }
#recommendations th[scope="row"] { font-weight: normal; width: 40%; }
#recommendations th[scope="row"] a { font-weight: bold; }
#status-table { width: auto; }
tr.part th { padding-left: 1.6em; }
.status { border-left: 0.6em solid; padding-left: 0.3em; }
.meta { color: #666; font-size: 0.9em; }
.warn { color: #b00020; }
.late { color: #8a5a00; }
.regressed { color: #b00020; font-weight: bold; }
.advanced { color: #1b6e20; }
#changes li { margin-bottom: 0.25em; }
figure { margin: 1em 0; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
/* No forced breaks, which leave half-empty pages: a heading keeps to what
   follows it, and an item is not cut in two. */
h2, h3, section.rec > p:first-of-type { break-after: avoid; }
li, tr, figure { break-inside: avoid; }
dl.head { display: grid; grid-template-columns: 9em auto; gap: 0.15em 1em; }
dl.head dt { font-weight: bold; }
dl.head dd { margin: 0; }
@media print { a { color: inherit; } body { margin: 0; max-width: none; } }
)css";

// Printed, every page names the report and the period and is numbered
// (CSS margin boxes, which chromium's print honours).
void write_page_style(std::ostream& o, const StatusReport& r) {
    o << "@page { size: A4; margin: 20mm 16mm;\n"
      << "  @top-center { content: "
      << css_string("Status report " + r.period.label() + ": " + r.report.title)
      << "; font-size: 8pt; color: #555; }\n"
      << "  @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font-size: "
         "8pt; "
         "color: #555; } }\n";
}

void write_head(std::ostream& o, const StatusReport& r, const std::string& title) {
    o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << h(title) << "</title>\n<style>\n";
    write_page_style(o, r);
    o << kStyle << "</style>\n</head>\n<body>\n";
    o << "<header>\n<h1>" << h(title) << "</h1>\n<dl class=\"head\">\n";
    o << "<dt>Report</dt><dd>" << a(r.report.title, r.report.url) << ", " << h(r.report.author)
      << ", " << h(r.report.publisher) << " (" << h(issued_text(r.report)) << ")</dd>\n";
    o << "<dt>Period</dt><dd>" << h(r.period.label()) << " (" << r.period.start.str() << " to "
      << r.period.end.str() << ")</dd>\n";
    o << "<dt>Scope</dt><dd>" << h(r.scope) << "</dd>\n";
    o << "<dt>Generated</dt><dd>" << h(r.generated) << "</dd>\n";
    o << "<dt>As recorded</dt><dd>"
      << (r.as_recorded.empty() ? "everything recorded" : h(r.as_recorded)) << "</dd>\n";
    o << "<dt>Journal anchor</dt><dd><code>" << r.journal.str() << "</code> (" << r.journal.events
      << " events; check with <code>rectrack verify --expect</code>)</dd>\n";
    o << "</dl>\n</header>\n";
}

void write_summary(std::ostream& o, const StatusReport& r) {
    o << "<section id=\"summary\">\n<h2>Summary</h2>\n";
    o << "<p>" << h(summary_sentence(r.summary)) << "</p>\n";
    o << "<table id=\"status-table\">\n<caption>Recommendations by "
         "status</caption>\n<thead><tr><th scope=\"col\">Status</th>"
      << "<th scope=\"col\">Start of period</th><th scope=\"col\">End of "
         "period</th></tr></thead>\n<tbody>\n";
    for (const auto& level : r.scale.levels) {
        const auto s = r.summary.start.find(level.name), e = r.summary.end.find(level.name);
        o << "<tr><th scope=\"row\">" << badge(r.scale, level.name) << "</th><td class=\"n\">"
          << (s == r.summary.start.end() ? 0 : s->second) << "</td><td class=\"n\">"
          << (e == r.summary.end.end() ? 0 : e->second) << "</td></tr>\n";
    }
    o << "</tbody>\n</table>\n";
    o << "<figure>\n<figcaption>Status at the end of the period</figcaption>\n"
      << status_chart_svg(r) << "\n</figure>\n";
    o << "<figure>\n<figcaption>Status over the last eight quarters</figcaption>\n"
      << trend_chart_svg(r) << "\n</figure>\n</section>\n";
}

void write_overview(std::ostream& o, const StatusReport& r) {
    o << "<section id=\"overview\">\n<h2>Recommendations</h2>\n<table id=\"recommendations\">\n"
      << "<thead><tr><th scope=\"col\">Recommendation</th><th scope=\"col\">Start</th>"
      << "<th scope=\"col\">End</th><th scope=\"col\">Direction</th><th scope=\"col\">Events</th>"
      << "<th scope=\"col\">Measures</th><th scope=\"col\">Evidence</th>"
      << "<th scope=\"col\">Unsupported</th><th scope=\"col\">Sources failed</th></tr>"
      << "</thead>\n<tbody>\n";
    for (const auto& rec : r.recommendations)
        o << "<tr data-rec=\"" << h(rec.key) << "\""
          << (rec.parent.empty() ? "" : " class=\"part\"") << "><th scope=\"row\"><a href=\"#rec-"
          << h(rec.key) << "\">" << h(rec.key) << "</a> " << h(rec.title) << "</th><td>"
          << badge(r.scale, rec.status_start) << "</td><td>" << badge(r.scale, rec.status_end)
          << "</td><td>" << direction_html(rec.direction) << "</td><td class=\"n\">"
          << rec.events.size() << "</td><td class=\"n\">" << rec.measures.size()
          << "</td><td class=\"n\">" << rec.evidence.size() << "</td><td class=\"n\">"
          << rec.unsupported << "</td><td class=\"n\">" << rec.sources_failed << "</td></tr>\n";
    o << "</tbody>\n</table>\n</section>\n";
}

// Who must act and who follows, by when, and how the addressee responded.
void write_follow_up_table(std::ostream& o, const StatusReport& r) {
    o << "<section id=\"follow-up\">\n<h2>Who and by when</h2>\n<table id=\"follow-up-table\">\n"
      << "<thead><tr><th scope=\"col\">Recommendation</th><th scope=\"col\">Addressees</th>"
      << "<th scope=\"col\">Owner</th><th scope=\"col\">Target</th>"
      << "<th scope=\"col\">Response</th></tr></thead>\n<tbody>\n";
    for (const auto& rec : r.recommendations) {
        const bool overdue = rec.deadline == Deadline::overdue;
        o << "<tr data-follow-up=\"" << h(rec.key) << "\"><th scope=\"row\">" << h(rec.key)
          << "</th><td>" << h(join(rec.addressees, ", ")) << "</td><td>" << h(rec.owner)
          << "</td><td" << (overdue ? " class=\"warn\"" : "") << ">" << h(target_words(rec))
          << "</td><td>" << h(response_cell(rec)) << "</td></tr>\n";
    }
    o << "</tbody>\n</table>\n";
    if (!r.by_addressee.empty()) {
        o << "<h3>By addressee</h3>\n<ul id=\"by-addressee\">\n";
        for (const auto& g : r.by_addressee)
            o << "<li><strong>" << h(g.addressee) << "</strong>: " << h(join(g.keys, ", "))
              << "</li>\n";
        o << "</ul>\n";
    }
    o << "</section>\n";
}

void write_measures(std::ostream& o, const std::vector<ReportMeasure>& measures) {
    if (measures.empty()) return;
    o << "<p><strong>Measures</strong></p>\n<ul class=\"measures\">\n";
    for (const auto& m : measures) {
        o << "<li>" << a(m.title.empty() ? m.key : m.title, m.eur_lex) << " <span class=\"meta\">("
          << h(m.key) << "; " << h(plain_word(m.relation)) << ")</span>";
        if (!m.celex.empty()) o << ", CELEX " << h(m.celex);
        for (const auto& s : m.in_period) o << "; <strong>" << h(stage_words(s)) << "</strong>";
        o << "</li>\n";
    }
    o << "</ul>\n";
}

void write_evidence(std::ostream& o, const StatusReport& r, const ReportRecommendation& rec) {
    if (rec.evidence.empty()) return;
    o << "<p><strong>Evidence</strong></p>\n<ul class=\"evidence\">\n";
    for (const auto& v : rec.evidence) {
        o << "<li>" << evidence_ref(v->id) << " " << a(v->title, v->url) << " <span class=\"meta\">"
          << h(describe_source(source_state(r, v->id))) << "</span></li>\n";
    }
    o << "</ul>\n";
}

// What changed, first.
void write_changes(std::ostream& o, const StatusReport& r) {
    o << "<section id=\"changes\">\n<h2>Changes in the period</h2>\n";
    if (r.changes.empty()) {
        o << "<p>Nothing changed in the period.</p>\n</section>\n";
        return;
    }
    o << "<ul>\n";
    for (const auto& c : r.changes) {
        o << "<li data-kind=\"" << change_kind_name(c.kind) << "\"><time>" << c.date.str()
          << "</time> " << h(change_sentence(c, r.scale));
        if (c.kind == ReportChange::Kind::status) o << " (" << direction_html(c.direction) << ")";
        if (!c.evidence.empty()) o << "; cites " << h(join(c.evidence, "; "));
        if (c.unsupported) o << " <strong class=\"warn\">no evidence cited</strong>";
        if (c.sources_failed)
            o << " <strong class=\"warn\">every cited source failed its last check</strong>";
        if (c.late) o << " <em class=\"late\">late entry</em>";
        o << " <span class=\"meta\">#" << c.event << "</span></li>\n";
    }
    o << "</ul>\n</section>\n";
}

void write_recommendation(std::ostream& o, const StatusReport& r, const ReportRecommendation& rec) {
    const StatusScale& scale = r.scale;
    o << "<section class=\"rec\" id=\"rec-" << h(rec.key) << "\">\n<h3>" << h(rec.key) << ": "
      << h(rec.title) << "</h3>\n<p>" << badge(scale, rec.status_start) << " → "
      << badge(scale, rec.status_end) << " (" << direction_html(rec.direction) << ")</p>\n";
    std::vector<std::string> who;
    if (!rec.addressees.empty()) who.push_back("Addressed to " + join(rec.addressees, ", "));
    if (!rec.owner.empty()) who.push_back("followed by " + rec.owner);
    if (rec.target) who.push_back("target " + target_words(rec));
    if (rec.response) who.push_back("response: " + response_words(*rec.response));
    if (!who.empty()) o << "<p class=\"meta\">" << h(join(who, "; ")) << "</p>\n";
    if (rec.events.empty()) {
        o << "<p>No events in the period.</p>\n";
    } else {
        o << "<ul class=\"events\">\n";
        for (const auto& e : rec.events) o << event_item(e) << "\n";
        o << "</ul>\n";
    }
    write_measures(o, rec.measures);
    write_evidence(o, r, rec);
    o << "</section>\n";
}

void write_late_and_corrections(std::ostream& o, const StatusReport& r) {
    o << "<section id=\"late\">\n<h2>Late entries</h2>\n";
    if (r.late_entries.empty())
        o << "<p>None: everything in the period was recorded by its end.</p>\n";
    else {
        o << "<ul>\n";
        // Each late entry is shown in full where it belongs; here it is named.
        for (const ReportEvent* e : r.late_entries)
            o << "<li>#" << e->id << ", <time>" << e->date.str() << "</time>, <a href=\"#rec-"
              << h(e->subject) << "\">" << h(e->subject) << "</a>: recorded " << h(e->recorded_at)
              << "</li>\n";
        o << "</ul>\n";
    }
    o << "</section>\n<section id=\"corrections\">\n<h2>Corrections recorded in the period</h2>\n";
    if (r.corrections.empty())
        o << "<p>None.</p>\n";
    else {
        o << "<ul>\n";
        for (const auto& c : r.corrections)
            o << "<li>" << h(correction_sentence(c)) << ": " << h(c.reason)
              << " <span class=\"meta\">" << h(c.author) << ", " << h(c.recorded_at)
              << "</span></li>\n";
        o << "</ul>\n";
    }
    o << "</section>\n";
}

}  // namespace

// The recommendations that had nothing in the period, named in one line.
void write_unchanged(std::ostream& o, const std::vector<std::string>& keys) {
    if (keys.empty()) return;
    o << "<p id=\"unchanged\">Nothing in the period for " << h(join(keys, ", "))
      << ": their status is unchanged (see the table above).</p>\n";
}

std::string render_html(const StatusReport& r, const RenderOptions& options) {
    std::ostringstream o;
    write_head(o, r, "Status report " + r.period.label() + ": " + r.report.title);
    o << "<main>\n";
    write_summary(o, r);
    write_changes(o, r);
    write_overview(o, r);
    write_follow_up_table(o, r);
    std::vector<std::string> unchanged;
    for (const auto& rec : r.recommendations) {
        if (options.collapse_unchanged && unchanged_in_period(rec))
            unchanged.push_back(rec.key);
        else
            write_recommendation(o, r, rec);
    }
    write_unchanged(o, unchanged);
    write_late_and_corrections(o, r);
    o << "</main>\n</body>\n</html>\n";
    return o.str();
}

}  // namespace rectrack
