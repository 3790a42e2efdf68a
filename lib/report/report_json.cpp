#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <ostream>
#include <sstream>

#include "model/follow_up.hpp"
#include "report/json_writer.hpp"
#include "report/report_render.hpp"

namespace rectrack {

namespace {

using nlohmann::json;

// The three long lists (events, changes, recommendations) are written with
// JsonWriter, each object's keys in sorted order as dump() has them.

void evidence_refs(JsonWriter& w, const std::vector<EvidenceId>& ids) {
    w.begin_array();
    for (auto id : ids) w.string(evidence_ref(id));
    w.end_array();
}

void write_event(JsonWriter& w, const ReportEvent& e) {
    const bool status = e.kind == EventKind::status_changed;
    w.begin_object();
    w.key("author").string(e.author);
    w.key("date").string(e.date.str());
    w.key("event").number(e.id);
    if (status) evidence_refs(w.key("evidence"), e.evidence);
    w.key("kind").string(name(e.kind));
    w.key("late").boolean(e.late);
    w.key("recorded_at").string(e.recorded_at);
    if (status) {
        w.key("sources_failed").boolean(e.sources_failed);
        w.key("status").string(e.status);
    }
    w.key("subject").string(e.subject);
    w.key("text").string(e.text);
    if (status) w.key("unsupported").boolean(e.unsupported);
    w.end_object();
}

void write_stages(JsonWriter& w, const std::vector<MeasureStage>& stages) {
    w.begin_array();
    for (const auto& s : stages) {
        w.begin_object();
        w.key("date").string(s.date.str());
        w.key("label").string(s.label);
        w.key("stage").string(s.stage);
        w.end_object();
    }
    w.end_array();
}

// {at, http_status, result}, or null for a source never checked.
void write_last_check(JsonWriter& w, const SourceState& s) {
    if (!s.last_result) return w.null();
    w.begin_object();
    w.key("at").string(s.last_checked);
    s.http_status ? w.key("http_status").number(s.http_status) : w.key("http_status").null();
    w.key("result").string(name(*s.last_result));
    w.end_object();
}

// A change with the fields its kind has.
void write_change(JsonWriter& w, const ReportChange& c) {
    using Kind = ReportChange::Kind;
    const bool status = c.kind == Kind::status, stage = c.kind == Kind::stage;
    w.begin_object();
    w.key("date").string(c.date.str());
    if (status) w.key("direction").string(direction_name(c.direction));
    w.key("event").number(c.event);
    if (status) {
        w.key("evidence").strings(c.evidence);
        w.key("from").string(c.from);
    }
    w.key("kind").string(change_kind_name(c.kind));
    if (stage) w.key("label").string(c.label);
    w.key("late").boolean(c.late);
    if (status) w.key("sources_failed").boolean(c.sources_failed);
    if (stage) w.key("stage").string(c.stage);
    w.key("subject").string(c.subject);
    if (c.kind == Kind::note || c.kind == Kind::follow_up) w.key("text").string(c.text);
    w.key("title").string(c.title);
    if (status) {
        w.key("to").string(c.to);
        w.key("unsupported").boolean(c.unsupported);
    }
    w.end_object();
}

// {date, evidence, note, response}, or null when none is recorded.
void write_response(JsonWriter& w, const std::shared_ptr<const FollowUp>& r) {
    if (!r) return w.null();
    w.begin_object();
    w.key("date").string(r->date.str());
    evidence_refs(w.key("evidence"), r->evidence);
    w.key("note").string(r->note);
    w.key("response").string(r->value);
    w.end_object();
}

void write_measures(JsonWriter& w, const std::vector<ReportMeasure>& measures) {
    w.begin_array();
    for (const auto& m : measures) {
        w.begin_object();
        w.key("celex").string(m.celex);
        w.key("eur_lex").string(m.eur_lex);
        w.key("key").string(m.key);
        w.key("relation").string(m.relation);
        write_stages(w.key("stages"), m.stages);
        write_stages(w.key("stages_in_period"), m.in_period);
        w.key("title").string(m.title);
        w.end_object();
    }
    w.end_array();
}

void write_evidence(JsonWriter& w, const StatusReport& r, const ReportRecommendation& rec) {
    w.begin_array();
    for (const auto& p : rec.evidence) {
        const Evidence& v = *p;
        const SourceState& state = source_state(r, v.id);
        w.begin_object();
        w.key("id").string(evidence_ref(v.id));
        write_last_check(w.key("last_check"), state);
        w.key("last_seen_working").string_or_null(state.last_seen_working);
        w.key("local_copy").string_or_null(state.copy_taken);
        w.key("published").string(v.published ? v.published->str() : "");
        w.key("state").string(describe_source(state));
        w.key("title").string(v.title);
        w.key("url").string(v.url);
        w.end_object();
    }
    w.end_array();
}

// The recommendation's events in the period that `pick` selects.
template <typename Pick>
void write_events(JsonWriter& w, const std::vector<ReportEvent>& events, Pick pick) {
    w.begin_array();
    for (const auto& e : events)
        if (pick(e)) write_event(w, e);
    w.end_array();
}

// One recommendation with its events, measures and evidence.
void write_rec(JsonWriter& w, const StatusReport& r, const ReportRecommendation& rec) {
    w.begin_object();
    w.key("addressees").strings(rec.addressees);
    w.key("deadline").string_or_null(deadline_name(rec.deadline));
    w.key("direction").string(direction_name(rec.direction));
    write_events(w.key("events"), rec.events, [](const ReportEvent&) { return true; });
    write_evidence(w.key("evidence"), r, rec);
    w.key("key").string(rec.key);
    write_measures(w.key("measures"), rec.measures);
    w.key("owner").string_or_null(rec.owner);
    w.key("parent").string_or_null(rec.parent);
    write_response(w.key("response"), rec.response);
    write_events(w.key("sources_failed"), rec.events,
                 [](const ReportEvent& e) { return e.sources_failed; });
    w.key("status_end").string(rec.status_end);
    w.key("status_start").string(rec.status_start);
    rec.target ? w.key("target").string(rec.target->str()) : w.key("target").null();
    w.key("title").string(rec.title);
    write_events(w.key("unsupported"), rec.events,
                 [](const ReportEvent& e) { return e.unsupported; });
    w.end_object();
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
template <typename T, typename Write>
void put_list(std::ostream& out, const std::vector<T>& items, Write write) {
    if (items.empty()) {
        out << "[]";
        return;
    }
    out << "[";
    std::string item;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out << (i ? ",\n    " : "\n    ");
        item.clear();
        JsonWriter w(item, 2);
        write(w, items[i]);
        out.write(item.data(), static_cast<std::streamsize>(item.size()));
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
    writers["changes"] = [&] { put_list(out, r.changes, write_change); };
    writers["recommendations"] = [&] {
        put_list(out, r.recommendations,
                 [&](JsonWriter& w, const ReportRecommendation& rec) { write_rec(w, r, rec); });
    };
    writers["late_entries"] = [&] {
        put_list(out, r.late_entries,
                 [&](JsonWriter& w, const ReportEvent* e) { write_event(w, *e); });
    };
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
