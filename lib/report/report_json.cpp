#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <ostream>
#include <sstream>

#include "model/follow_up.hpp"
#include "report/report_render.hpp"

namespace rectrack {

namespace {

using nlohmann::json;

json event_json(const ReportEvent& e) {
    json refs = json::array();
    for (auto id : e.evidence) refs.push_back(evidence_ref(id));
    json j = {{"event", e.id},        {"kind", name(e.kind)},
              {"date", e.date.str()}, {"recorded_at", e.recorded_at},
              {"author", e.author},   {"text", e.text},
              {"late", e.late},       {"subject", e.subject}};
    if (e.kind == EventKind::status_changed) {
        j["status"] = e.status;
        j["evidence"] = refs;
        j["unsupported"] = e.unsupported;
        j["sources_failed"] = e.sources_failed;
    }
    return j;
}

json stages_json(const std::vector<MeasureStage>& stages) {
    json out = json::array();
    for (const auto& s : stages)
        out.push_back({{"stage", s.stage}, {"date", s.date.str()}, {"label", s.label}});
    return out;
}

json optional_text(const std::string& s) {
    return s.empty() ? json() : json(s);
}

// {result, http_status, at}, or null for a source never checked.
json last_check_json(const SourceState& s) {
    if (!s.last_result) return json();
    return {{"result", name(*s.last_result)},
            {"http_status", s.http_status ? json(s.http_status) : json()},
            {"at", s.last_checked}};
}

// A change with the fields its kind has.
json change_json(const ReportChange& c) {
    json j = {{"kind", change_kind_name(c.kind)},
              {"event", c.event},
              {"date", c.date.str()},
              {"subject", c.subject},
              {"title", c.title},
              {"late", c.late}};
    switch (c.kind) {
        case ReportChange::Kind::status:
            j["from"] = c.from;
            j["to"] = c.to;
            j["direction"] = direction_name(c.direction);
            j["evidence"] = c.evidence;
            j["unsupported"] = c.unsupported;
            j["sources_failed"] = c.sources_failed;
            break;
        case ReportChange::Kind::stage:
            j["stage"] = c.stage;
            j["label"] = c.label;
            break;
        case ReportChange::Kind::note:
        case ReportChange::Kind::follow_up:
            j["text"] = c.text;
            break;
    }
    return j;
}

// {response, date, evidence, note}, or null when none is recorded.
json response_json(const std::optional<FollowUp>& r) {
    if (!r) return json();
    json refs = json::array();
    for (auto id : r->evidence) refs.push_back(evidence_ref(id));
    return {{"response", r->value}, {"date", r->date.str()}, {"evidence", refs}, {"note", r->note}};
}

// One recommendation with its events, measures and evidence.
json rec_json(const ReportRecommendation& rec) {
    json events = json::array(), measures = json::array(), evidence = json::array(),
         unsupported = json::array(), sources_failed = json::array();
    for (const auto& e : rec.events) {
        events.push_back(event_json(e));
        if (e.unsupported) unsupported.push_back(event_json(e));
        if (e.sources_failed) sources_failed.push_back(event_json(e));
    }
    for (const auto& m : rec.measures)
        measures.push_back({{"key", m.key},
                            {"title", m.title},
                            {"relation", m.relation},
                            {"celex", m.celex},
                            {"eur_lex", m.eur_lex},
                            {"stages", stages_json(m.stages)},
                            {"stages_in_period", stages_json(m.in_period)}});
    for (const auto& v : rec.evidence) {
        const auto it = rec.sources.find(v.id);
        const SourceState state = it == rec.sources.end() ? SourceState{} : it->second;
        evidence.push_back({{"id", evidence_ref(v.id)},
                            {"url", v.url},
                            {"title", v.title},
                            {"published", v.published ? v.published->str() : ""},
                            {"last_seen_working", optional_text(state.last_seen_working)},
                            {"last_check", last_check_json(state)},
                            {"local_copy", optional_text(state.copy_taken)},
                            {"state", describe_source(state)}});
    }
    return {{"key", rec.key},
            {"title", rec.title},
            {"parent", rec.parent.empty() ? json() : json(rec.parent)},
            {"status_start", rec.status_start},
            {"status_end", rec.status_end},
            {"direction", direction_name(rec.direction)},
            {"events", events},
            {"measures", measures},
            {"evidence", evidence},
            {"unsupported", unsupported},
            {"sources_failed", sources_failed},
            {"addressees", rec.addressees},
            {"owner", optional_text(rec.owner)},
            {"target", rec.target ? json(rec.target->str()) : json()},
            {"deadline", optional_text(std::string(deadline_name(rec.deadline)))},
            {"response", response_json(rec.response)}};
}

// Writes `j` as dump(2) writes it `depth` levels into a document: raw
// newlines are only ever layout (strings escape theirs).
void put(std::ostream& out, const json& j, int depth) {
    const std::string text = j.dump(2);
    const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
    std::size_t from = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
        out << pad;
        from = nl + 1;
    }
    out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

// A list one item at a time, as dump(2) lays out an array one level in.
template <typename T, typename ToJson>
void put_list(std::ostream& out, const std::vector<T>& items, ToJson to_json) {
    if (items.empty()) {
        out << "[]";
        return;
    }
    out << "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out << (i ? ",\n    " : "\n    ");
        put(out, to_json(items[i]), 2);
    }
    out << "\n  ]";
}

json report_fields(const StatusReport& r) {
    json period = {{"start", r.period.start.str()}, {"end", r.period.end.str()}};
    period["quarter"] = r.period.quarter ? json(r.period.quarter->str()) : json();
    json corrections = json::array();
    for (const auto& c : r.corrections)
        corrections.push_back(
            {{"event", c.id},
             {"retracts", c.retracts},
             {"retracted", c.retracted},
             {"retracted_date", c.retracted.empty() ? json() : json(c.retracted_date.str())},
             {"reason", c.reason},
             {"recorded_at", c.recorded_at},
             {"author", c.author}});
    json trend = json::array();
    for (const auto& q : r.trend)
        trend.push_back({{"quarter", q.quarter.str()}, {"counts", q.counts}});
    json fields = {
        {"report",
         {{"key", r.report.key},
          {"title", r.report.title},
          {"author", r.report.author},
          {"publisher", r.report.publisher},
          {"issued", r.report.issued.str()},
          {"issued_precision", r.report.issued_year_only ? "year" : "day"},
          {"url", r.report.url}}},
        {"period", period},
        {"as_recorded", r.as_recorded.empty() ? json() : json(r.as_recorded)},
        {"scope", r.scope},
        {"generated", r.generated},
        {"journal",
         {{"events", r.journal.events}, {"head", r.journal.head}, {"anchor", r.journal.str()}}},
        {"summary",
         {{"start", r.summary.start},
          {"end", r.summary.end},
          {"advanced", r.summary.advanced},
          {"advanced_recs", r.summary.advanced_keys},
          {"regressed", r.summary.regressed},
          {"regressed_recs", r.summary.regressed_keys},
          {"unchanged", r.summary.unchanged},
          {"measures_linked", r.summary.measures_linked},
          {"stages_reached", r.summary.stages_reached},
          {"evidence_added", r.summary.evidence_added}}},
        {"corrections", corrections},
        {"trend", trend}};
    if (!r.by_addressee.empty()) {
        json groups = json::array();
        for (const auto& g : r.by_addressee)
            groups.push_back({{"addressee", g.addressee}, {"recommendations", g.keys}});
        fields["by_addressee"] = groups;
    }
    return fields;
}

}  // namespace

// The document dump(2) would write, with its three long lists written an
// item at a time: a report of 100,000 recommendations never sits in memory as
// JSON.
void write_json(const StatusReport& r, std::ostream& out) {
    const json fields = report_fields(r);
    // Every key in the sorted order dump() uses.
    std::map<std::string, std::function<void()>> writers;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        writers[it.key()] = [&out, &value = *it] { put(out, value, 1); };
    writers["changes"] = [&] { put_list(out, r.changes, change_json); };
    writers["recommendations"] = [&] { put_list(out, r.recommendations, rec_json); };
    writers["late_entries"] = [&] { put_list(out, r.late_entries, event_json); };
    const char* separator = "{\n  ";
    for (const auto& [key, write] : writers) {
        out << separator << json(key).dump() << ": ";
        write();
        separator = ",\n  ";
    }
    out << "\n}\n";
}

std::string render_json(const StatusReport& r) {
    std::ostringstream out;
    write_json(r, out);
    return out.str();
}

}  // namespace rectrack
