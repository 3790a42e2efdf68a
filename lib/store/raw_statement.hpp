// SQLite's own statement handle, for the loops that read every row of a
// table (checksums, comparisons), where SQLiteCpp's per-column objects would
// cost more than the work. Part of the store module.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "model/error.hpp"

namespace rectrack {

using RawStatement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

inline RawStatement prepare_raw(SQLite::Database& db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db.getHandle(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw StorageError(std::string("cannot read the projections: ") +
                           sqlite3_errmsg(db.getHandle()));
    return {st, &sqlite3_finalize};
}

}  // namespace rectrack
