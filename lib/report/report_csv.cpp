#include "model/follow_up.hpp"
#include "model/text.hpp"
#include "report/escape.hpp"
#include "report/report_render.hpp"

namespace rectrack {

namespace {

// One recommendation's cells, in the order of kHeader.
std::vector<std::string> row_fields(const StatusReport& r, const ReportRecommendation& rec) {
    std::vector<std::string> measures, evidence, failing;
    for (const auto& m : rec.measures) measures.push_back(m.key);
    for (const auto& v : rec.evidence) {
        evidence.push_back(evidence_ref(v->id));
        const auto it = rec.sources.find(v->id);
        if (it != rec.sources.end() && it->second.last_result && failed(*it->second.last_result))
            failing.push_back(
                evidence_ref(v->id) + " (" + std::string(name(*it->second.last_result)) +
                (it->second.http_status ? ", HTTP " + std::to_string(it->second.http_status) : "") +
                ")");
    }
    std::vector<std::string> changes;  // "2025-02-02 proposed -> partial"
    for (const auto& c : r.changes)
        if (c.kind == ReportChange::Kind::status && c.subject == rec.key)
            changes.push_back(c.date.str() + " " + c.from + " -> " + c.to);
    return {r.period.start.str(),
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
            join(rec.addressees, "; "),
            rec.owner,
            rec.target ? rec.target->str() : "",
            std::string(deadline_name(rec.deadline)),
            rec.response ? rec.response->value : "",
            rec.response ? rec.response->date.str() : "",
            r.journal.str()};
}

constexpr const char* kHeader =
    "period_start,period_end,key,title,status_start,status_end,direction,status_changes,"
    "events,measures,evidence,unsupported,sources_failed,evidence_failing,addressees,owner,"
    "target,deadline,response,response_date,journal_anchor";

void add_row(std::string& out, const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
}

}  // namespace

// Grouped by addressee, a recommendation has a row under each of its
// addressees, the group first, so a spreadsheet can filter or pivot on it.
std::string render_csv(const StatusReport& r) {
    const bool grouped = !r.by_addressee.empty();
    std::string out = std::string(grouped ? "group," : "") + kHeader + "\r\n";
    if (!grouped) {
        for (const auto& rec : r.recommendations) add_row(out, row_fields(r, rec));
        return out;
    }
    for (const auto& g : r.by_addressee)
        for (const auto& key : g.keys)
            for (const auto& rec : r.recommendations)
                if (rec.key == key) {
                    auto fields = row_fields(r, rec);
                    fields.insert(fields.begin(), g.addressee);
                    add_row(out, fields);
                }
    return out;
}

}  // namespace rectrack
