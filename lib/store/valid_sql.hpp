// The store's one rule for history, shared by its query files (not part of
// the library's interface).
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/model.hpp"
#include "model/text.hpp"

// A projection row holds as recorded at :t when it was recorded by then and
// not retracted by then. The same text serves current and historical views.
#define VALID(a) \
    " (" a ".recorded_at <= :t AND (" a ".retracted_at IS NULL OR " a ".retracted_at > :t)) "

namespace rectrack {

// The evidence an event cites, from a group_concat of citation ids in
// column `col` (NULL when none), in order. Ids that do not read mean the
// file was edited: a StorageError, never a made-up id.
inline std::vector<EvidenceId> cited_ids(SQLite::Statement& q, int col, EventId event) {
    std::vector<EvidenceId> out;
    if (q.getColumn(col).isNull()) return out;
    const std::string ids = q.getColumn(col).getString();
    for (size_t at = 0; at < ids.size();) {
        const size_t comma = std::min(ids.find(',', at), ids.size());
        const auto id = parse_number<EvidenceId>(std::string_view(ids).substr(at, comma - at));
        if (!id)
            throw StorageError("event #" + std::to_string(event) +
                               " cites unreadable evidence ids '" + ids + "'");
        out.push_back(*id);
        at = comma + 1;
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace rectrack
