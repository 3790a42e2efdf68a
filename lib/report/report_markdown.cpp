#include <sstream>

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

std::string source_state(const ReportRecommendation& rec, EvidenceId id) {
    const auto it = rec.sources.find(id);
    return it == rec.sources.end() ? "never checked" : describe_source(it->second);
}

std::string event_line(const ReportEvent& e) {
    std::string s = e.date.str() + " — " + md(e.text) + " (#" + std::to_string(e.id) + ", " +
                    md(e.author) + ")";
    if (e.unsupported) s += " — **no evidence cited**";
    if (e.sources_failed) s += " — **every cited source failed its last check**";
    if (e.late) s += " — *late entry, recorded " + e.recorded_at + "*";
    return s;
}

}  // namespace

std::string render_markdown(const StatusReport& r) {
    std::ostringstream o;
    o << "# Status report: " << md(r.report.title) << "\n\n";
    o << "| | |\n|---|---|\n";
    o << "| Report | " << link(r.report.title, r.report.url) << ", " << md(r.report.author) << ", "
      << md(r.report.publisher) << " (" << r.report.issued.str() << ") |\n";
    o << "| Period | " << md(r.period.label()) << " (" << r.period.start.str() << " to "
      << r.period.end.str() << ") |\n";
    o << "| Generated | " << r.generated << " |\n";
    o << "| As recorded | " << (r.as_recorded.empty() ? "everything recorded" : r.as_recorded)
      << " |\n";
    o << "| Journal anchor | `" << r.journal.str() << "` (" << r.journal.events
      << " events; check with `rectrack verify --expect`) |\n\n";

    o << "## Summary\n\n";
    o << "| Status | Start of period | End of period |\n|---|---:|---:|\n";
    for (const auto& level : r.scale.levels) {
        const auto a = r.summary.start.find(level.name), b = r.summary.end.find(level.name);
        const int start = a == r.summary.start.end() ? 0 : a->second;
        const int end = b == r.summary.end.end() ? 0 : b->second;
        if (start || end) o << "| " << md(level.label) << " | " << start << " | " << end << " |\n";
    }
    o << "\n" << md(summary_sentence(r.summary)) << "\n\n";
    o << "| Recommendation | Start | End | Direction | Events | Measures | Evidence | Unsupported "
         "| Sources failed |\n";
    o << "|---|---|---|---|---:|---:|---:|---:|---:|\n";
    for (const auto& rec : r.recommendations)
        o << "| " << (rec.parent.empty() ? "" : "↳ ") << md(rec.key) << " " << md(rec.title)
          << " | " << md(r.scale.label_of(rec.status_start)) << " | "
          << md(r.scale.label_of(rec.status_end)) << " | " << direction_name(rec.direction) << " | "
          << rec.events.size() << " | " << rec.measures.size() << " | " << rec.evidence.size()
          << " | " << rec.unsupported << " | " << rec.sources_failed << " |\n";

    o << "\n## Recommendations\n";
    for (const auto& rec : r.recommendations) {
        o << "\n### " << md(rec.key) << ": " << md(rec.title) << "\n\n";
        o << "Status: " << md(r.scale.label_of(rec.status_start)) << " → "
          << md(r.scale.label_of(rec.status_end)) << " (" << direction_name(rec.direction)
          << ")\n\n";
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
                o << "- " << link(m.key, m.eur_lex) << " (" << md(m.relation)
                  << "): " << md(m.title);
                if (!m.celex.empty()) o << ", CELEX " << m.celex;
                std::vector<std::string> reached;
                for (const auto& s : m.in_period) reached.push_back(s.stage + " " + s.date.str());
                if (!reached.empty()) o << "; in the period: " << md(join(reached, ", "));
                o << "\n";
            }
            o << "\n";
        }
        if (!rec.evidence.empty()) {
            o << "Evidence:\n\n";
            for (const auto& v : rec.evidence)
                o << "- " << evidence_ref(v.id) << " " << link(v.title, v.url) << " ("
                  << md(source_state(rec, v.id)) << ")\n";
            o << "\n";
        }
    }

    o << "\n## Late entries\n\n";
    if (r.late_entries.empty()) o << "None: everything in the period was recorded by its end.\n";
    for (const auto& e : r.late_entries) o << "- " << event_line(e) << "\n";
    o << "\n## Corrections recorded in the period\n\n";
    if (r.corrections.empty()) o << "None.\n";
    for (const auto& c : r.corrections)
        o << "- #" << c.id << " retracts #" << c.retracts << ": " << md(c.reason) << " ("
          << md(c.author) << ", " << c.recorded_at << ")\n";
    return o.str();
}

}  // namespace rectrack
