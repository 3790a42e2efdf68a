// Full-text search: the projector's half keeps search_text in step with the
// journal; the query half finds and ranks through the FTS5 index over it.
#include <SQLiteCpp/SQLiteCpp.h>

#include "ids/celex.hpp"
#include "model/error.hpp"
#include "store/projector_exec.hpp"
#include "store/store.hpp"

namespace rectrack {

namespace {

using nlohmann::json;

// A measure's identifiers as people write them: the CELEX number (also
// after "CELEX"), the act's number ("2022/2065"), the ELI, the COM
// reference and the procedure.
std::string identifier_forms(const std::map<std::string, std::string>& m) {
    std::string out;
    if (const auto c = parse_celex(m.at("celex")); c) {
        out = "CELEX " + c->str();
        if (c->number_value() > 0)
            out += " " + std::to_string(c->year) + "/" + std::to_string(c->number_value());
    }
    for (const char* field : {"eli", "com_ref", "procedure"})
        if (!m.at(field).empty()) out += (out.empty() ? "" : " ") + m.at(field);
    return out;
}

// A row of its own for the key (often a short name, "dsa"): a short row
// ranks first when the key is what was typed.
constexpr const char* kEntityFields = "('key', 'title', 'text', 'identifiers', 'url', 'publisher')";

}  // namespace

// The fields of a recommendation, measure or source as they stand (the
// latest amendment of each), or nothing when its adding was retracted.
std::map<std::string, std::string> Projector::current_fields(const std::string& subject,
                                                             EventId& added_by) {
    const std::string key = subject.substr(subject.find(':') + 1);
    std::string sql;
    if (subject.starts_with("rec:"))
        sql = "SELECT event_id, 'title', title, 'text', text FROM recommendations WHERE key = ?";
    else if (subject.starts_with("measure:"))
        sql =
            "SELECT event_id, 'title', title, 'celex', celex, 'eli', eli, 'com_ref', com_ref, "
            "'procedure', procedure, 'url', url, 'key', key FROM measures WHERE key = ? AND "
            "retracted_at IS NULL";
    else if (subject.starts_with("evidence:"))
        sql =
            "SELECT event_id, 'title', title, 'publisher', publisher, 'url', url FROM evidence "
            "WHERE 'E' || id = ? AND retracted_at IS NULL";
    else
        return {};
    SQLite::Statement& q = prepared(sql);
    q.bind(1, key);
    std::map<std::string, std::string> fields;
    if (!q.executeStep()) return fields;
    added_by = q.getColumn(0).getInt64();
    for (int i = 1; i + 1 < q.getColumnCount(); i += 2)
        fields[q.getColumn(i).getString()] = q.getColumn(i + 1).getString();
    q.reset();
    SQLite::Statement& a = prepared(
        "SELECT field, value FROM amendments WHERE subject = ? AND retracted_at IS NULL ORDER BY "
        "event_id");
    a.bind(1, subject);
    while (a.executeStep())
        if (fields.contains(a.getColumn(0).getString()))
            fields[a.getColumn(0).getString()] = a.getColumn(1).getString();
    return fields;
}

void Projector::index_entity(const std::string& subject) {
    exec(std::string("DELETE FROM search_text WHERE subject = ? AND field IN ") + kEntityFields,
         subject);
    EventId added_by = 0;
    auto fields = current_fields(subject, added_by);
    if (fields.empty()) return;
    if (subject.starts_with("measure:"))
        fields = {{"key", fields.at("key")},
                  {"title", fields.at("title")},
                  {"identifiers", identifier_forms(fields)},
                  {"url", fields.at("url")}};
    for (const auto& [field, text] : fields)
        if (!text.empty())
            exec("INSERT INTO search_text(subject, field, event_id, text) VALUES (?,?,?,?)",
                 subject, field, added_by, text);
}

void Projector::index_note(const std::string& subject, const char* field, const Event& e,
                           const std::string& text) {
    if (text.empty()) return;
    exec("INSERT INTO search_text(subject, field, event_id, text) VALUES (?,?,?,?)", subject, field,
         e.id, text);
}

// What an event adds to, or takes from, what search finds.
void Projector::index(const Event& e) {
    const json& p = e.payload;
    const std::string rec = "rec:" + str(p, "rec");
    switch (e.kind) {
        case EventKind::recommendation_added:
        case EventKind::measure_added:
        case EventKind::evidence_added:
            index_entity(e.subjects.front());
            break;
        case EventKind::amended:
            index_entity(str(p, "subject"));
            break;
        case EventKind::note_added:
            index_note(str(p, "subject"), "note", e, str(p, "text"));
            break;
        case EventKind::status_changed:
            index_note(rec, "status note", e, str(p, "note"));
            break;
        case EventKind::measure_linked:
            index_note(rec, "link note", e, str(p, "note"));
            break;
        case EventKind::target_set:
            index_note(rec, "target reason", e, str(p, "reason"));
            break;
        case EventKind::response_recorded:
            index_note(rec, "response note", e, str(p, "note"));
            break;
        case EventKind::correction:
            exec("DELETE FROM search_text WHERE event_id = ?", p.at("retracts").get<EventId>());
            // A retracted amendment restores the fields it had changed.
            for (const auto& s : e.subjects) index_entity(s);
            break;
        case EventKind::scale_set:
        case EventKind::report_added:
        case EventKind::stage_reached:
        case EventKind::measure_unlinked:
        case EventKind::evidence_attached:
        case EventKind::evidence_captured:
        case EventKind::audit_recorded:
        case EventKind::evidence_archived:
        case EventKind::tags_changed:
        case EventKind::owner_set:
            break;
    }
}

std::vector<SearchHit> Store::search(const std::vector<std::string>& phrases, int limit) const {
    // Each phrase quoted, so that what users type is never FTS5 syntax.
    std::string match;
    for (const auto& phrase : phrases) {
        std::string quoted = "\"";
        for (char c : phrase) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        match += (match.empty() ? "" : " AND ") + quoted + "\"";
    }
    SQLite::Statement q(*db_,
                        "SELECT t.subject, t.field, t.event_id, snippet(search_index, 0, '[', ']', "
                        "'…', 16), bm25(search_index) FROM search_index JOIN search_text t ON "
                        "t.id = search_index.rowid WHERE search_index MATCH ? ORDER BY "
                        "bm25(search_index), t.subject, t.event_id LIMIT ?");
    q.bind(1, match);
    q.bind(2, limit);
    std::vector<SearchHit> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                       q.getColumn(2).getInt64(), q.getColumn(3).getString(),
                       q.getColumn(4).getDouble()});
    return out;
}

}  // namespace rectrack
