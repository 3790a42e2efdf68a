// Queries of a recommendation's follow-up: owners, targets, responses.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "model/error.hpp"
#include "model/follow_up.hpp"
#include "model/text.hpp"
#include "store/store.hpp"
#include "store/valid_sql.hpp"

namespace rectrack {

std::vector<FollowUp> Store::follow_ups(const std::string& rec, AsRecorded as_recorded) const {
    SQLite::Statement& q = statement(
        "SELECT f.event_id, f.rec, f.field, f.value, f.note, f.effective, e.author, "
        "f.recorded_at, (SELECT group_concat(c.evidence_id) FROM citations c WHERE c.event_id = "
        "f.event_id) FROM follow_ups f JOIN events e ON e.id = f.event_id WHERE " VALID(
            "f") " AND (:rec = '' OR f.rec = :rec) ORDER BY f.rec, f.effective, f.event_id");
    q.bind(":rec", rec);
    q.bind(":t", as_recorded.bound());
    std::vector<FollowUp> out;
    while (q.executeStep()) {
        const auto field = parse_field(q.getColumn(2).getString());
        if (!field)
            throw StorageError("follow-up #" + q.getColumn(0).getString() +
                               " has an unknown field");
        FollowUp f{q.getColumn(0).getInt64(),
                   q.getColumn(1).getString(),
                   *field,
                   q.getColumn(3).getString(),
                   q.getColumn(4).getString(),
                   stored_date(q.getColumn(5).getString()),
                   {},
                   q.getColumn(6).getString(),
                   q.getColumn(7).getString()};
        f.evidence = cited_ids(q, 8, f.event);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace rectrack
