#include <map>
#include <ostream>
#include <sstream>

#include "model/follow_up.hpp"
#include "model/text.hpp"
#include "report/escape.hpp"
#include "report/report_render.hpp"

namespace rectrack {

namespace {

std::string md(std::string_view s) {
    return markdown_escape(s);
}

std::string link(std::string_view text, const std::string& url) {
    if (url.empty()) return md(text);
    return "[" + md(text) + "](<" + markdown_url(url) + ">)";
}

// A regression is seen at a glance: the word is set in bold.
std::string md_direction(Direction d) {
    return d == Direction::regressed ? "**regressed**" : direction_name(d);
}

std::string event_line(const ReportEvent& e) {
    std::string s = e.date.str() + " — " + md(e.text) + " (#" + std::to_string(e.id) + ", " +
                    md(e.author) + ")";
    if (e.unsupported) s += " — **no evidence cited**";
    if (e.sources_failed) s += " — **every cited source failed its last check**";
    if (e.late) s += " — *late entry, recorded " + e.recorded_at + "*";
    return s;
}

// What changed, first: each status change (with its direction and what it
// cites), stage reached and note dated in the period.
void write_changes(std::ostream& o, const StatusReport& r) {
    o << "\n## Changes in the period\n\n";
    if (r.changes.empty()) o << "Nothing changed in the period.\n";
    for (const auto& c : r.changes) {
        o << "- " << c.date.str() << " — " << md(change_sentence(c, r.scale));
        if (c.kind == ReportChange::Kind::status) o << " (" << md_direction(c.direction) << ")";
        if (!c.evidence.empty()) o << "; cites " << md(join(c.evidence, "; "));
        if (c.unsupported) o << " — **no evidence cited**";
        if (c.sources_failed) o << " — **every cited source failed its last check**";
        if (c.late) o << " — *late entry*";
        o << " (#" << c.event << ")\n";
    }
}

void write_header(std::ostream& o, const StatusReport& r) {
    o << "# Status report " << md(r.period.label()) << ": " << md(r.report.title) << "\n\n";
    // A list, not a table: a table here would need an empty header row.
    o << "- **Report:** " << link(r.report.title, r.report.url) << ", " << md(r.report.author)
      << ", " << md(r.report.publisher) << " (" << issued_text(r.report) << ")\n";
    o << "- **Period:** " << md(r.period.label()) << " (" << r.period.start.str() << " to "
      << r.period.end.str() << ")\n";
    o << "- **Scope:** " << md(r.scope) << "\n";
    o << "- **Generated:** " << r.generated << "\n";
    o << "- **As recorded:** " << (r.as_recorded.empty() ? "everything recorded" : r.as_recorded)
      << "\n";
    o << "- **Journal anchor:** `" << r.journal.str() << "` (" << r.journal.events
      << " events; check with `rectrack verify --expect`)\n\n";
}

// The charts, where they were written beside the report.
void write_charts(std::ostream& o, const RenderOptions& options) {
    if (!options.status_chart.empty())
        o << "![Status at the end of the period](<" << markdown_url(options.status_chart)
          << ">)\n\n";
    if (!options.trend_chart.empty())
        o << "![Status over the last eight quarters](<" << markdown_url(options.trend_chart)
          << ">)\n\n";
}

// Who must act and who follows, by when, and how the addressee responded.
void write_follow_up_table(std::ostream& o, const StatusReport& r) {
    o << "\n| Recommendation | Addressees | Owner | Target | Response |\n"
         "|----------------------|--------------------|----------|------------|------------|\n";
    for (const auto& rec : r.recommendations)
        o << "| " << (rec.parent.empty() ? "" : "↳ ") << md(rec.key) << " | "
          << md(join(rec.addressees, ", ")) << " | " << md(rec.owner) << " | "
          << (rec.deadline == Deadline::overdue ? "**" + target_words(rec) + "**"
                                                : target_words(rec))
          << " | " << md(response_cell(rec)) << " |\n";
}

// With --by addressee: each addressee and the recommendations addressed to it.
void write_by_addressee(std::ostream& o, const StatusReport& r) {
    if (r.by_addressee.empty()) return;
    o << "\n## By addressee\n\n";
    std::map<std::string, const ReportRecommendation*> by_key;
    for (const auto& rec : r.recommendations) by_key[rec.key] = &rec;
    for (const auto& g : r.by_addressee) {
        o << "- **" << md(g.addressee) << "**:";
        for (size_t i = 0; i < g.keys.size(); ++i) {
            const auto& rec = *by_key.at(g.keys[i]);
            o << (i ? ";" : "") << " " << md(rec.key) << " "
              << md(r.scale.label_of(rec.status_end));
            if (rec.deadline == Deadline::overdue) o << " (**overdue**)";
        }
        o << "\n";
    }
}

// The status counts, the summary sentence and one row per recommendation.
void write_summary(std::ostream& o, const StatusReport& r, const RenderOptions& options) {
    o << "## Summary\n\n";
    o << "| Status | Start of period | End of period |\n|---|---:|---:|\n";
    for (const auto& level : r.scale.levels) {
        const auto a = r.summary.start.find(level.name), b = r.summary.end.find(level.name);
        const int start = a == r.summary.start.end() ? 0 : a->second;
        const int end = b == r.summary.end.end() ? 0 : b->second;
        if (start || end) o << "| " << md(level.label) << " | " << start << " | " << end << " |\n";
    }
    o << "\n" << md(summary_sentence(r.summary)) << "\n\n";
    write_charts(o, options);
    o << "| Recommendation | Start | End | Direction | Events | Measures | Evidence | Unsupported "
         "| Sources failed |\n";
    // pandoc sizes the columns of a wide table by these dashes: the titles
    // get the room, the counts little.
    o << "|----------------------------------------|------------|------------|---------|----:|----:"
         "|"
         "----:|----:|----:|\n";
    for (const auto& rec : r.recommendations)
        o << "| " << (rec.parent.empty() ? "" : "↳ ") << md(rec.key) << " " << md(rec.title)
          << " | " << md(r.scale.label_of(rec.status_start)) << " | "
          << md(r.scale.label_of(rec.status_end)) << " | " << md_direction(rec.direction) << " | "
          << rec.events.size() << " | " << rec.measures.size() << " | " << rec.evidence.size()
          << " | " << rec.unsupported << " | " << rec.sources_failed << " |\n";
    write_follow_up_table(o, r);
}

void write_recommendation(std::ostream& o, const StatusReport& r, const ReportRecommendation& rec) {
    o << "\n### " << md(rec.key) << ": " << md(rec.title) << "\n\n";
    o << "Status: " << md(r.scale.label_of(rec.status_start)) << " → "
      << md(r.scale.label_of(rec.status_end)) << " (" << md_direction(rec.direction) << ")\n\n";
    if (!rec.addressees.empty()) o << "Addressed to: " << md(join(rec.addressees, ", ")) << "\n\n";
    if (!rec.owner.empty()) o << "Followed by: " << md(rec.owner) << "\n\n";
    if (rec.target) o << "Target: " << md(target_words(rec)) << "\n\n";
    if (rec.response) o << "Response: " << md(response_words(*rec.response)) << "\n\n";
    if (rec.events.empty()) {
        o << "No events in the period.\n\n";
    } else {
        o << "Events in the period:\n\n";
        for (const auto& e : rec.events) o << "- " << event_line(e) << "\n";
        o << "\n";
    }
    if (!rec.measures.empty()) {
        o << "Measures:\n\n";
        for (const auto& m : rec.measures) {
            o << "- " << link(m.title.empty() ? m.key : m.title, m.eur_lex) << " (" << md(m.key)
              << "; " << md(plain_word(m.relation)) << ")";
            if (!m.celex.empty()) o << ", CELEX " << m.celex;
            std::vector<std::string> reached;
            for (const auto& s : m.in_period) reached.push_back(stage_words(s));
            if (!reached.empty()) o << "; in the period: " << md(join(reached, ", "));
            o << "\n";
        }
        o << "\n";
    }
    if (!rec.evidence.empty()) {
        o << "Evidence:\n\n";
        for (const auto& v : rec.evidence)
            o << "- " << evidence_ref(v->id) << " " << link(v->title, v->url) << " ("
              << md(describe_source(source_state(r, v->id))) << ")\n";
        o << "\n";
    }
}

}  // namespace

std::string render_markdown(const StatusReport& r, const RenderOptions& options) {
    std::ostringstream o;
    write_markdown(r, options, o);
    return o.str();
}

void write_markdown(const StatusReport& r, const RenderOptions& options, std::ostream& o) {
    write_header(o, r);
    write_summary(o, r, options);
    write_changes(o, r);
    write_by_addressee(o, r);

    o << "\n## Recommendations\n";
    std::vector<std::string> unchanged;
    for (const auto& rec : r.recommendations) {
        if (options.collapse_unchanged && unchanged_in_period(rec)) {
            unchanged.push_back(rec.key);
            continue;
        }
        write_recommendation(o, r, rec);
    }

    if (!unchanged.empty())
        o << "\nNothing in the period for " << md(join(unchanged, ", "))
          << ": their status is unchanged (see the table above).\n";

    o << "\n## Late entries\n\n";
    if (r.late_entries.empty()) o << "None: everything in the period was recorded by its end.\n";
    // Each late entry is shown in full where it belongs; here it is named.
    for (const ReportEvent* e : r.late_entries)
        o << "- #" << e->id << ", " << e->date.str() << ", " << md(e->subject) << ": recorded "
          << e->recorded_at << " (see " << md(e->subject) << " above)\n";
    o << "\n## Corrections recorded in the period\n\n";
    if (r.corrections.empty()) o << "None.\n";
    for (const auto& c : r.corrections)
        o << "- #" << c.id << " retracts #" << c.retracts
          << (c.retracted.empty() ? ""
                                  : " (" + md(c.retracted) + ", " + c.retracted_date.str() + ")")
          << ": " << md(c.reason) << " (" << md(c.author) << ", " << c.recorded_at << ")\n";
}

}  // namespace rectrack
