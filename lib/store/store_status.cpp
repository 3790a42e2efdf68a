// The status history: one recommendation's, the status it holds now, and
// every change at once for the views that read the whole journal.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <tuple>

#include "store/store.hpp"
#include "store/store_rows.hpp"
#include "store/valid_sql.hpp"

namespace rectrack {

namespace {

// A status change with its author, recording instant and the evidence it
// cites, in one row.
constexpr const char* kStatusColumns =
    "SELECT s.event_id, s.rec, s.status, s.effective, s.note, e.author, e.recorded_at, "
    "(SELECT group_concat(c.evidence_id) FROM citations c WHERE c.event_id = s.event_id) "
    "FROM status_changes s JOIN events e ON e.id = s.event_id ";

StatusChange read_status_change(SQLite::Statement& q) {
    StatusChange c{q.getColumn(0).getInt64(),  q.getColumn(1).getString(),
                   q.getColumn(2).getString(), stored_date(q.getColumn(3).getString()),
                   q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString(), {}};
    c.evidence = cited_ids(q, 7, c.event);
    return c;
}

}  // namespace

std::vector<StatusChange> Store::status_history(const std::string& rec,
                                                AsRecorded as_recorded) const {
    SQLite::Statement q(
        *db_, std::string(kStatusColumns) +
                  "WHERE s.rec = :rec AND " VALID("s") " ORDER BY s.effective, s.event_id");
    q.bind(":rec", rec);
    q.bind(":t", as_recorded.bound());
    std::vector<StatusChange> out;
    while (q.executeStep()) out.push_back(read_status_change(q));
    return out;
}

std::optional<Store::StatusRun> Store::current_status_run(const std::string& rec) const {
    SQLite::Statement& q = statement(
        "SELECT s.status, s.effective FROM status_changes s WHERE s.rec = :rec AND " VALID(
            "s") "ORDER BY s.effective DESC, s.event_id DESC");
    q.bind(":rec", rec);
    q.bind(":t", AsRecorded{}.bound());
    std::optional<StatusRun> run;
    while (q.executeStep()) {
        if (run && q.getColumn(0).getString() != run->status) break;
        if (!run) run = StatusRun{q.getColumn(0).getString(), {}};
        run->since = stored_date(q.getColumn(1).getString());
    }
    q.reset();
    return run;
}

void Store::for_each_status_change(const std::function<void(StatusChange&&)>& visit,
                                   AsRecorded as_recorded) const {
    // In the journal's order, the order the three tables are stored in: one
    // pass over each, instead of a look-up of each change (and its event and
    // citations) in recommendation order, page by page across the file. A
    // million changes: 6.1 s -> 0.4 s.
    SQLite::Statement q(
        *db_,
        "SELECT s.event_id, s.rec, s.status, s.effective, s.note, e.author, e.recorded_at, "
        "c.evidence_id FROM status_changes s JOIN events e ON e.id = s.event_id LEFT JOIN "
        "citations c ON c.event_id = s.event_id WHERE " VALID("s") " ORDER BY s.event_id, "
        "c.evidence_id");
    q.bind(":t", as_recorded.bound());
    std::optional<StatusChange> change;  // one row per citation: gathered, then handed on
    while (q.executeStep()) {
        const EventId id = q.getColumn(0).getInt64();
        if (!change || change->event != id) {
            if (change) visit(std::move(*change));
            change = StatusChange{id,
                                  q.getColumn(1).getString(),
                                  q.getColumn(2).getString(),
                                  stored_date(q.getColumn(3).getString()),
                                  q.getColumn(4).getString(),
                                  q.getColumn(5).getString(),
                                  q.getColumn(6).getString(),
                                  {}};
        }
        if (!q.getColumn(7).isNull()) change->evidence.push_back(q.getColumn(7).getInt64());
    }
    if (change) visit(std::move(*change));
}

void Store::for_each_status_point(const std::function<void(const StatusPoint&)>& visit,
                                  AsRecorded as_recorded) const {
    // status_changes_rec covers every column read here (schema 13).
    SQLite::Statement q(*db_,
                        "SELECT s.event_id, s.rec, s.status, s.effective FROM status_changes s "
                        "WHERE " VALID("s") " ORDER BY s.rec, s.effective, s.event_id");
    q.bind(":t", as_recorded.bound());
    while (q.executeStep())
        visit({q.getColumn(0).getInt64(), column_text(q, 1), column_text(q, 2),
               stored_date(column_text(q, 3))});
}

void Store::for_each_citation(
    const std::function<void(EventId event, EvidenceId source)>& visit) const {
    SQLite::Statement q(*db_,
                        "SELECT event_id, evidence_id FROM citations ORDER BY event_id, "
                        "evidence_id");
    while (q.executeStep()) visit(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
}

std::vector<StatusChange> Store::all_status_changes(AsRecorded as_recorded) const {
    std::vector<StatusChange> out;
    for_each_status_change([&](StatusChange&& c) { out.push_back(std::move(c)); }, as_recorded);
    std::sort(out.begin(), out.end(), [](const StatusChange& x, const StatusChange& y) {
        return std::tie(x.rec, x.date, x.event) < std::tie(y.rec, y.date, y.event);
    });
    return out;
}

}  // namespace rectrack
