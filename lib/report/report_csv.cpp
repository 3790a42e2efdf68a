#include "model/text.hpp"
#include "report/escape.hpp"
#include "report/report_render.hpp"

namespace rectrack {

std::string render_csv(const StatusReport& r) {
    std::string out =
        "period_start,period_end,key,title,status_start,status_end,direction,status_changes,"
        "events,measures,evidence,unsupported,sources_failed,evidence_failing,journal_anchor\r\n";
    for (const auto& rec : r.recommendations) {
        std::vector<std::string> measures, evidence, failing;
        for (const auto& m : rec.measures) measures.push_back(m.key);
        for (const auto& v : rec.evidence) {
            evidence.push_back(evidence_ref(v.id));
            const auto it = rec.sources.find(v.id);
            if (it != rec.sources.end() && it->second.last_result &&
                failed(*it->second.last_result))
                failing.push_back(
                    evidence_ref(v.id) + " (" + std::string(name(*it->second.last_result)) +
                    (it->second.http_status ? ", HTTP " + std::to_string(it->second.http_status)
                                            : "") +
                    ")");
        }
        std::vector<std::string> changes;  // "2025-02-02 proposed -> partial"
        for (const auto& c : r.changes)
            if (c.kind == ReportChange::Kind::status && c.subject == rec.key)
                changes.push_back(c.date.str() + " " + c.from + " -> " + c.to);
        const std::vector<std::string> fields = {r.period.start.str(),
                                                 r.period.end.str(),
                                                 rec.key,
                                                 rec.title,
                                                 rec.status_start,
                                                 rec.status_end,
                                                 direction_name(rec.direction),
                                                 join(changes, "; "),
                                                 std::to_string(rec.events.size()),
                                                 join(measures, "; "),
                                                 join(evidence, "; "),
                                                 std::to_string(rec.unsupported),
                                                 std::to_string(rec.sources_failed),
                                                 join(failing, "; "),
                                                 r.journal.str()};
        for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace rectrack
