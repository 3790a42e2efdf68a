// Read-only queries over the projections (the status history's are in
// store_status.cpp).
#include <SQLiteCpp/SQLiteCpp.h>

#include "model/error.hpp"
#include "model/text.hpp"
#include "store/store.hpp"
#include "store/store_rows.hpp"
#include "store/tag_changes.hpp"
#include "store/valid_sql.hpp"

namespace rectrack {

namespace {

std::vector<std::string> json_list(const std::string& text) {
    if (text == "[]") return {};  // most rows: spares the parser
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

std::optional<Date> optional_date(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return parse_date(text);
}

}  // namespace

std::string_view column_text(SQLite::Statement& q, int column) {
    const SQLite::Column c = q.getColumn(column);
    const char* bytes = c.getText();  // before its length: it may convert
    return {bytes, static_cast<std::size_t>(c.getBytes())};
}

Recommendation read_rec(SQLite::Statement& q) {
    return Recommendation{q.getColumn(0).getString(),
                          q.getColumn(1).getString(),
                          q.getColumn(2).getInt(),
                          q.getColumn(3).getString(),
                          q.getColumn(4).getString(),
                          q.getColumn(5).getString(),
                          json_list(q.getColumn(6).getString()),
                          json_list(q.getColumn(7).getString()),
                          *parse_date(q.getColumn(8).getString())};
}
namespace {

// A column as amended: the latest amendment of `field` on the row's subject
// (an SQL expression such as "'rec:' || r.key") valid at :t, else the column
// as added. Earlier instants see earlier values.
std::string amended(const std::string& subject, const char* field, const std::string& column) {
    return " COALESCE((SELECT a.value FROM amendments a WHERE a.subject = " + subject +
           " AND a.field = '" + field + "' AND " VALID("a") " ORDER BY a.event_id DESC LIMIT 1), " +
           column + ") ";
}

// Each fixed list of columns, with the amendable ones amended.
template <typename... Fields>
std::string columns(const std::string& subject, const std::string& table, Fields... fields) {
    std::string out;
    for (const std::string& f : {std::string(fields)...}) {
        if (!out.empty()) out += ", ";
        out += f.starts_with("~") ? amended(subject, f.c_str() + 1, table + "." + f.substr(1))
                                  : table + "." + f;
    }
    return out + " ";
}

}  // namespace

// A "~" marks a field `amend` may change.
const std::string& rec_fields() {
    static const std::string s = columns("'rec:' || r.key", "r", "key", "report", "number",
                                         "parent", "~title", "~text", "addressees", "themes") +
                                 ", (SELECT e.effective FROM events e WHERE e.id = r.event_id) ";
    return s;
}
namespace {

std::string rec_columns() {
    return "SELECT " + rec_fields() + "FROM recommendations r ";
}

Measure read_measure(SQLite::Statement& q) {
    return Measure{q.getColumn(0).getString(), q.getColumn(1).getString(),
                   q.getColumn(2).getString(), json_list(q.getColumn(3).getString()),
                   q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString(), q.getColumn(7).getString(),
                   q.getColumn(8).getString(), json_list(q.getColumn(9).getString())};
}
std::string measure_columns() {
    static const std::string s =
        "SELECT " +
        columns("'measure:' || m.key", "m", "key", "~title", "~type", "institutions", "~celex",
                "~eli", "~com_ref", "~procedure", "~url", "themes") +
        "FROM measures m ";
    return s;
}

Evidence read_evidence(SQLite::Statement& q) {
    Evidence e;
    e.id = q.getColumn(0).getInt64();
    e.url = q.getColumn(1).getString();
    e.title = q.getColumn(2).getString();
    e.publisher = q.getColumn(3).getString();
    e.published = optional_date(q.getColumn(4).getString());
    e.accessed = optional_date(q.getColumn(5).getString());
    e.archive_url = q.getColumn(6).getString();
    e.sha256 = q.getColumn(7).getString();
    e.kind = q.getColumn(8).getString();
    e.bearing = q.getColumn(9).getString();
    return e;
}
std::string evidence_columns() {
    static const std::string s =
        "SELECT " +
        columns("'evidence:E' || v.id", "v", "id", "url", "~title", "~publisher", "~published",
                "accessed", "~archive_url", "sha256", "~kind", "~bearing") +
        "FROM evidence v ";
    return s;
}

Link read_link(SQLite::Statement& q) {
    return Link{q.getColumn(0).getInt64(),  q.getColumn(1).getString(),
                q.getColumn(2).getString(), q.getColumn(3).getString(),
                q.getColumn(4).getString(), stored_date(q.getColumn(5).getString())};
}
// A link is active while it holds and no unlink of it holds.
constexpr const char* kActiveLinks =
    "SELECT l.event_id, l.rec, l.measure, l.relation, l.note, l.effective FROM links l "
    "WHERE " VALID("l") " AND NOT EXISTS (SELECT 1 FROM unlinks u WHERE u.link_event = "
    "l.event_id AND " VALID("u") ") ";

Report read_report(SQLite::Statement& q) {
    return {q.getColumn(0).getString(),
            q.getColumn(1).getString(),
            q.getColumn(2).getString(),
            q.getColumn(3).getString(),
            stored_date(q.getColumn(4).getString()),
            q.getColumn(5).getString(),
            q.getColumn(6).getString() == "year"};
}

constexpr const char* kStageColumns =
    "SELECT s.event_id, s.measure, s.stage, s.effective, s.label FROM stages s ";

MeasureStage read_stage(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            stored_date(q.getColumn(3).getString()), q.getColumn(4).getString()};
}

}  // namespace

StatusScale Store::scale() const {
    StatusScale s;
    SQLite::Statement& q = statement("SELECT name, label, closed FROM scale ORDER BY rank");
    while (q.executeStep())
        s.levels.push_back(
            {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0});
    return s;
}

std::vector<Report> Store::reports() const {
    std::vector<Report> out;
    SQLite::Statement q(
        *db_,
        "SELECT key, title, author, publisher, issued, url, issued_precision FROM reports ORDER "
        "BY key");
    while (q.executeStep()) out.push_back(read_report(q));
    return out;
}

std::optional<Report> Store::report(const std::string& key) const {
    SQLite::Statement& q = statement(
        "SELECT key, title, author, publisher, issued, url, issued_precision FROM reports "
        "WHERE key = :key");
    q.bind(":key", key);
    if (!q.executeStep()) return std::nullopt;
    return read_report(q);
}

std::optional<Recommendation> Store::recommendation(const std::string& key,
                                                    AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(rec_columns() + "WHERE r.key = :key AND r.recorded_at <= :t");
    q.bind(":key", key);
    q.bind(":t", as_recorded.bound());
    if (!q.executeStep()) return std::nullopt;
    Recommendation r = read_rec(q);
    TagChanges(statement(TagChanges::kQuery), as_recorded, rec_subject(r.key))
        .apply(rec_subject(r.key), r.themes, &r.addressees);
    return r;
}

std::vector<Recommendation> Store::recommendations(AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(rec_columns() + "WHERE r.recorded_at <= :t" + kRecOrder);
    q.bind(":t", as_recorded.bound());
    const TagChanges tags(statement(TagChanges::kQuery), as_recorded);
    // Sized first: grown by doubling, 100,000 recommendations took 30 MB of
    // room for 23 MB of them, held for all of a report.
    std::vector<Recommendation> out;
    out.reserve(recommendation_count(as_recorded));
    while (q.executeStep()) {
        out.push_back(read_rec(q));
        tags.apply(rec_subject(out.back().key), out.back().themes, &out.back().addressees);
    }
    return out;
}

std::size_t Store::recommendation_count(AsRecorded as_recorded) const {
    SQLite::Statement& count =
        statement("SELECT count(*) FROM recommendations r WHERE r.recorded_at <= :t");
    count.bind(":t", as_recorded.bound());
    const std::size_t n =
        count.executeStep() ? static_cast<std::size_t>(count.getColumn(0).getInt64()) : 0;
    count.reset();
    return n;
}

std::vector<std::string> Store::parts(const std::string& key, AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(
        "SELECT key FROM recommendations WHERE parent = :key AND recorded_at <= :t "
        "ORDER BY key");
    q.bind(":key", key);
    q.bind(":t", as_recorded.bound());
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::optional<Measure> Store::measure(const std::string& key, AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(measure_columns() + "WHERE m.key = :key AND " VALID("m"));
    q.bind(":key", key);
    q.bind(":t", as_recorded.bound());
    if (!q.executeStep()) return std::nullopt;
    Measure m = read_measure(q);
    TagChanges(statement(TagChanges::kQuery), as_recorded, measure_subject(m.key))
        .apply(measure_subject(m.key), m.themes, nullptr);
    return m;
}

// Through the NOCASE indexes (schema 7): a key in another case, found
// without reading every row.
std::optional<std::string> Store::recommendation_key_any_case(const std::string& key,
                                                              AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(
        "SELECT r.key FROM recommendations r WHERE r.key = :key COLLATE NOCASE "
        "AND r.recorded_at <= :t ORDER BY r.key LIMIT 1");
    q.bind(":key", key);
    q.bind(":t", as_recorded.bound());
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

std::optional<std::string> Store::measure_key_any_case(const std::string& key) const {
    SQLite::Statement& q =
        statement("SELECT m.key FROM measures m WHERE m.key = :key COLLATE NOCASE AND " VALID(
            "m") " ORDER BY m.key LIMIT 1");
    q.bind(":key", key);
    q.bind(":t", AsRecorded{}.bound());
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

std::vector<Measure> Store::measures(AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(measure_columns() + "WHERE " VALID("m") " ORDER BY m.key");
    q.bind(":t", as_recorded.bound());
    const TagChanges tags(statement(TagChanges::kQuery), as_recorded);
    std::vector<Measure> out;
    while (q.executeStep()) {
        out.push_back(read_measure(q));
        tags.apply(measure_subject(out.back().key), out.back().themes, nullptr);
    }
    return out;
}

std::vector<MeasureStage> Store::stages(const std::string& measure, AsRecorded as_recorded) const {
    SQLite::Statement q(
        *db_, std::string(kStageColumns) +
                  "WHERE s.measure = :m AND " VALID("s") " ORDER BY s.effective, s.event_id");
    q.bind(":m", measure);
    q.bind(":t", as_recorded.bound());
    std::vector<MeasureStage> out;
    while (q.executeStep()) out.push_back(read_stage(q));
    return out;
}

std::optional<Link> Store::active_link(const std::string& rec, const std::string& measure) const {
    SQLite::Statement& q =
        statement(std::string(kActiveLinks) + "AND l.rec = :rec AND l.measure = :m");
    q.bind(":rec", rec);
    q.bind(":m", measure);
    q.bind(":t", AsRecorded{}.bound());
    if (!q.executeStep()) return std::nullopt;
    return read_link(q);
}

std::vector<Link> Store::links_of_rec(const std::string& rec, AsRecorded as_recorded) const {
    SQLite::Statement& q =
        statement(std::string(kActiveLinks) + "AND l.rec = :rec ORDER BY l.measure");
    q.bind(":rec", rec);
    q.bind(":t", as_recorded.bound());
    std::vector<Link> out;
    while (q.executeStep()) out.push_back(read_link(q));
    return out;
}

std::vector<Link> Store::links_of_measure(const std::string& measure) const {
    SQLite::Statement& q =
        statement(std::string(kActiveLinks) + "AND l.measure = :m ORDER BY l.rec");
    q.bind(":m", measure);
    q.bind(":t", AsRecorded{}.bound());
    std::vector<Link> out;
    while (q.executeStep()) out.push_back(read_link(q));
    return out;
}

std::optional<Evidence> Store::evidence(EvidenceId id) const {
    SQLite::Statement& q = statement(evidence_columns() + "WHERE v.id = :id AND " VALID("v"));
    q.bind(":id", static_cast<int64_t>(id));
    q.bind(":t", AsRecorded{}.bound());
    if (!q.executeStep()) return std::nullopt;
    return read_evidence(q);
}

std::optional<Evidence> Store::evidence_by_url(const std::string& url) const {
    SQLite::Statement& q = statement(evidence_columns() + "WHERE v.url = :u AND " VALID("v"));
    q.bind(":u", url);
    q.bind(":t", AsRecorded{}.bound());
    if (!q.executeStep()) return std::nullopt;
    return read_evidence(q);
}

std::vector<Evidence> Store::evidence_by_url_form(const std::string& form) const {
    SQLite::Statement& q =
        statement(evidence_columns() + "WHERE v.url_form = :f AND " VALID("v") " ORDER BY v.id");
    q.bind(":f", form);
    q.bind(":t", AsRecorded{}.bound());
    std::vector<Evidence> out;
    while (q.executeStep()) out.push_back(read_evidence(q));
    return out;
}

std::vector<Evidence> Store::evidence_list(AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(evidence_columns() + "WHERE " VALID("v") " ORDER BY v.id");
    q.bind(":t", as_recorded.bound());
    std::vector<Evidence> out;
    while (q.executeStep()) out.push_back(read_evidence(q));
    return out;
}

std::vector<EvidenceId> Store::evidence_of(const std::string& subject) const {
    SQLite::Statement& q = statement(
        "SELECT DISTINCT a.evidence_id FROM attachments a WHERE a.subject = :s "
        "AND " VALID("a") " ORDER BY 1");
    q.bind(":s", subject);
    q.bind(":t", AsRecorded{}.bound());
    std::vector<EvidenceId> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

std::vector<EvidenceId> Store::evidence_of_rec(const std::string& rec) const {
    SQLite::Statement& q = statement(
                        "SELECT c.evidence_id FROM citations c JOIN status_changes s ON "
                        "s.event_id = c.event_id WHERE s.rec = :rec AND " VALID("s")
                        " UNION SELECT c.evidence_id FROM citations c JOIN follow_ups f ON "
                        "f.event_id = c.event_id WHERE f.rec = :rec AND " VALID("f")
                        " UNION SELECT a.evidence_id FROM attachments a WHERE a.subject = :s AND "
                        VALID("a") " ORDER BY 1");
    q.bind(":rec", rec);
    q.bind(":s", rec_subject(rec));
    q.bind(":t", AsRecorded{}.bound());
    std::vector<EvidenceId> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

std::vector<Note> Store::notes(const std::string& subject) const {
    SQLite::Statement& q = statement(
        "SELECT n.event_id, n.subject, n.text, n.effective, e.author FROM notes n "
        "JOIN events e ON e.id = n.event_id WHERE n.subject = :s AND " VALID(
            "n") " ORDER BY n.effective, n.event_id");
    q.bind(":s", subject);
    q.bind(":t", AsRecorded{}.bound());
    std::vector<Note> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                       q.getColumn(2).getString(), stored_date(q.getColumn(3).getString()),
                       q.getColumn(4).getString()});
    return out;
}

EvidenceId Store::next_evidence_id() const {
    return db_->execAndGet("SELECT coalesce(max(id), 0) + 1 FROM evidence").getInt64();
}

std::vector<EventId> Store::dependents_of_measure(const std::string& key) const {
    SQLite::Statement& q = statement( "SELECT event_id FROM (" + std::string(kActiveLinks) +
                                  "AND l.measure = :m) UNION SELECT s.event_id FROM stages s "
                                  "WHERE s.measure = :m AND " VALID("s") " UNION SELECT "
                                  "a.event_id FROM attachments a WHERE a.subject = 'measure:' || "
                                  ":m AND " VALID("a") " ORDER BY 1");
    q.bind(":m", key);
    q.bind(":t", AsRecorded{}.bound());
    std::vector<EventId> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

std::vector<EventId> Store::dependents_of_evidence(EvidenceId id) const {
    SQLite::Statement& q = statement(
                        "SELECT s.event_id FROM citations c JOIN status_changes s ON "
                        "s.event_id = c.event_id WHERE c.evidence_id = :id AND " VALID("s")
                        " UNION SELECT f.event_id FROM citations c JOIN follow_ups f ON "
                        "f.event_id = c.event_id WHERE c.evidence_id = :id AND " VALID("f")
                        " UNION SELECT a.event_id FROM attachments a WHERE a.evidence_id = :id "
                        "AND " VALID("a") " ORDER BY 1");
    q.bind(":id", static_cast<int64_t>(id));
    q.bind(":t", AsRecorded{}.bound());
    std::vector<EventId> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

std::vector<Link> Store::links_on(Date date, AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(
                        "SELECT l.event_id, l.rec, l.measure, l.relation, l.note, l.effective FROM "
                        "links l WHERE " VALID("l") " AND l.effective <= :d AND NOT EXISTS (SELECT 1 "
                        "FROM unlinks u WHERE u.link_event = l.event_id AND u.effective <= :d AND "
                        VALID("u") ") ORDER BY l.rec, l.measure");
    q.bind(":t", as_recorded.bound());
    q.bind(":d", date.str());
    std::vector<Link> out;
    while (q.executeStep()) out.push_back(read_link(q));
    return out;
}

std::vector<MeasureStage> Store::all_stages(AsRecorded as_recorded) const {
    SQLite::Statement& q =
        statement(std::string(kStageColumns) +
                  "WHERE " VALID("s") " ORDER BY s.measure, s.effective, s.event_id");
    q.bind(":t", as_recorded.bound());
    std::vector<MeasureStage> out;
    while (q.executeStep()) out.push_back(read_stage(q));
    return out;
}

std::vector<std::pair<std::string, EvidenceId>> Store::all_attachments(
    AsRecorded as_recorded) const {
    SQLite::Statement& q =
        statement("SELECT a.subject, a.evidence_id FROM attachments a WHERE " VALID(
            "a") " ORDER BY a.subject, a.evidence_id");
    q.bind(":t", as_recorded.bound());
    std::vector<std::pair<std::string, EvidenceId>> out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
    return out;
}

std::optional<EvidenceCapture> Store::latest_capture(EvidenceId id) const {
    SQLite::Statement& q = statement(
        "SELECT c.sha256, c.text_sha256, c.etag, c.last_modified, c.final_url, "
        "c.http_status, c.recorded_at FROM evidence_captures c WHERE c.evidence_id "
        "= :id AND " VALID("c") " ORDER BY c.event_id DESC LIMIT 1");
    q.bind(":id", static_cast<int64_t>(id));
    q.bind(":t", AsRecorded{}.bound());
    if (!q.executeStep()) return std::nullopt;
    return EvidenceCapture{q.getColumn(0).getString(), q.getColumn(1).getString(),
                           q.getColumn(2).getString(), q.getColumn(3).getString(),
                           q.getColumn(4).getString(), q.getColumn(5).getInt(),
                           q.getColumn(6).getString()};
}

std::map<EvidenceId, EvidenceHealth> Store::evidence_health(std::optional<EvidenceId> only,
                                                            AsRecorded as_recorded) const {
    // Checks come in event order per evidence item; the running state ends
    // where the latest check left it.
    SQLite::Statement q(
        *db_,
        "SELECT evidence_id, result, ok, recorded_at, http_status, url, detail FROM "
        "evidence_checks WHERE "
        "(:id IS NULL OR evidence_id = :id) AND recorded_at <= :t ORDER BY evidence_id, "
        "event_id");
    q.bind(":t", as_recorded.bound());
    if (only) q.bind(":id", static_cast<int64_t>(*only));
    std::map<EvidenceId, EvidenceHealth> out;
    while (q.executeStep()) {
        EvidenceHealth& h = out[q.getColumn(0).getInt64()];
        const std::string result = q.getColumn(1).getString();
        h.last_result = parse_check_outcome(result);
        if (!h.last_result)
            throw StorageError("a recorded check of " + evidence_ref(q.getColumn(0).getInt64()) +
                               " has an unknown result '" + result + "'");
        h.last_checked = q.getColumn(3).getString();
        h.last_http_status = q.getColumn(4).getInt();
        h.last_url = q.getColumn(5).getString();
        h.last_detail = q.getColumn(6).getString();
        if (q.getColumn(2).getInt()) {
            h.last_success = h.last_checked;
            h.consecutive_failures = 0;
        } else {
            ++h.consecutive_failures;
        }
    }
    return out;
}

std::map<std::string, Date> Store::last_activity() const {
    // Which kinds count as activity is the event-kind table's to say.
    std::vector<std::string> passive;
    for (const auto& k : event_kinds())
        if (!k.activity) passive.emplace_back(k.name);
    std::string marks;
    for (size_t i = 0; i < passive.size(); ++i) marks += i ? ",?" : "?";
    SQLite::Statement q(
        *db_,
        "SELECT substr(s.subject, 5), max(e.effective) FROM event_subjects s JOIN "
        "events e ON e.id = s.event_id WHERE s.subject LIKE 'rec:%' AND e.kind NOT IN (" +
            marks +
            ") AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.retracts = e.id) "
            "GROUP BY s.subject");
    for (size_t i = 0; i < passive.size(); ++i) q.bind(static_cast<int>(i + 1), passive[i]);
    std::map<std::string, Date> out;
    while (q.executeStep())
        out.emplace(q.getColumn(0).getString(), stored_date(q.getColumn(1).getString()));
    return out;
}

}  // namespace rectrack
