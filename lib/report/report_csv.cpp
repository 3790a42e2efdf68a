#include <string_view>
#include <unordered_map>

#include "model/follow_up.hpp"
#include "model/text.hpp"
#include "report/escape.hpp"
#include "report/report_render.hpp"

namespace rectrack {

namespace {

// Each recommendation's status changes in the period, "2025-02-02 proposed
// -> partial", in the report's order: gathered in one pass, since a scan of
// every change for every row grows with their product (a million events:
// 30 s).
using ChangesByRec = std::unordered_map<std::string_view, std::vector<std::string>>;

ChangesByRec status_changes(const StatusReport& r) {
    ChangesByRec out;
    for (const auto& c : r.changes)
        if (c.kind == ReportChange::Kind::status)
            out[c.subject].push_back(c.date.str() + " " + c.from + " -> " + c.to);
    return out;
}

// One recommendation's cells, in the order of kHeader.
std::vector<std::string> row_fields(const StatusReport& r, const ReportRecommendation& rec,
                                    const ChangesByRec& changes_of) {
    std::vector<std::string> measures, evidence, failing;
    for (const auto& m : rec.measures) measures.push_back(m.key);
    for (const auto& v : rec.evidence) {
        evidence.push_back(evidence_ref(v->id));
        const SourceState& s = source_state(r, v->id);
        if (s.last_result && failed(*s.last_result))
            failing.push_back(evidence_ref(v->id) + " (" + std::string(name(*s.last_result)) +
                              (s.http_status ? ", HTTP " + std::to_string(s.http_status) : "") +
                              ")");
    }
    static const std::vector<std::string> none;
    const auto found = changes_of.find(rec.key);
    const auto& changes = found == changes_of.end() ? none : found->second;
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
    const ChangesByRec changes_of = status_changes(r);
    if (!grouped) {
        for (const auto& rec : r.recommendations) add_row(out, row_fields(r, rec, changes_of));
        return out;
    }
    std::unordered_map<std::string_view, const ReportRecommendation*> by_key;  // keys are unique
    for (const auto& rec : r.recommendations) by_key.emplace(rec.key, &rec);
    for (const auto& g : r.by_addressee)
        for (const auto& key : g.keys)
            if (const auto it = by_key.find(key); it != by_key.end()) {
                auto fields = row_fields(r, *it->second, changes_of);
                fields.insert(fields.begin(), g.addressee);
                add_row(out, fields);
            }
    return out;
}

}  // namespace rectrack
