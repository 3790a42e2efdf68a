// table_differences() and index_differences(): a rebuilt copy of the
// projections against the database on disk, exactly.
#include "store/projection_compare.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstring>
#include <tuple>

#include "store/projection_digest.hpp"
#include "store/raw_statement.hpp"

namespace rectrack {

namespace {

bool same_value(sqlite3_value* a, sqlite3_value* b) {
    const int type = sqlite3_value_type(a);
    if (type != sqlite3_value_type(b)) return false;
    switch (type) {
        case SQLITE_NULL:
            return true;
        case SQLITE_INTEGER:
            return sqlite3_value_int64(a) == sqlite3_value_int64(b);
        case SQLITE_FLOAT: {
            const double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
            return std::memcmp(&x, &y, sizeof x) == 0;
        }
        default: {
            // Text and blobs alike, byte for byte, without converting either.
            const void* x = sqlite3_value_blob(a);
            const void* y = sqlite3_value_blob(b);
            const int n = sqlite3_value_bytes(a);
            return n == sqlite3_value_bytes(b) && (n == 0 || std::memcmp(x, y, n) == 0);
        }
    }
}

// Whether two statements yield the same rows in the same order.
bool same_rows_in_order(SQLite::Database& db, const std::string& a_sql, const std::string& b_sql) {
    const RawStatement a = prepare_raw(db, a_sql), b = prepare_raw(db, b_sql);
    const int columns = sqlite3_column_count(a.get());
    if (columns != sqlite3_column_count(b.get())) return false;
    for (;;) {
        const int ra = sqlite3_step(a.get()), rb = sqlite3_step(b.get());
        for (const int rc : {ra, rb})
            if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                throw StorageError(std::string("cannot compare the projections: ") +
                                   sqlite3_errmsg(db.getHandle()));
        if (ra != rb) return false;
        if (ra == SQLITE_DONE) return true;
        for (int i = 0; i < columns; ++i)
            if (!same_value(sqlite3_column_value(a.get(), i), sqlite3_column_value(b.get(), i)))
                return false;
    }
}

// The rows of `table` as compared (the columns of `view`), in the order of
// its primary key: both copies can be read in it without sorting, and it is
// the order the journal implies as long as the key is part of what it
// implies.
std::string ordered_rows(SQLite::Database& db, const std::string& schema, const std::string& table,
                         const std::string& view) {
    auto names = [&](const std::string& of, const char* which) {
        SQLite::Statement q(db,
                            std::string("SELECT name FROM pragma_table_info(?1, 'main') ") + which);
        q.bind(1, of);
        std::string list;
        while (q.executeStep())
            list += (list.empty() ? "\"" : ", \"") + q.getColumn(0).getString() + '"';
        return list;
    };
    const std::string key = names(table, "WHERE pk > 0 ORDER BY pk");
    return "SELECT " + names(view, "ORDER BY cid") + " FROM " + schema + "." + table +
           " ORDER BY " + (key.empty() ? "rowid" : key);
}

// The first row of `a` that `b` lacks or holds fewer times, by its first
// column: a full comparison that does not depend on order.
std::optional<std::string> missing(SQLite::Database& db, const std::string& a,
                                   const std::string& b) {
    const int columns = SQLite::Statement(db, "SELECT * FROM " + a).getColumnCount();
    std::string groups;
    for (int i = 1; i <= columns; ++i) groups += (i > 1 ? "," : "") + std::to_string(i);
    SQLite::Statement diff(db, "SELECT * FROM (SELECT *, count(*) FROM " + a + " GROUP BY " +
                                   groups + " EXCEPT SELECT *, count(*) FROM " + b + " GROUP BY " +
                                   groups + ") ORDER BY 1 LIMIT 1");
    if (!diff.executeStep()) return std::nullopt;
    return diff.getColumn(0).getString();
}

}  // namespace

// Table names come from projection_tables() and column names from the
// schema itself, never from input.
std::optional<std::string> table_differences(SQLite::Database& rebuilt) {
    for (const auto& table : projection_tables()) {
        // Row ids of the search text are not part of what the journal
        // implies (an upgrade to schema 10 numbered them its own way).
        const std::string view = table == "search_text" ? "search_rows" : table;
        // Both copies in key order, one pass each; only when they part
        // (an edit, or rows numbered another way) is the table compared as
        // a whole, which needs an index of each side.
        if (same_rows_in_order(rebuilt, ordered_rows(rebuilt, "disk", table, view),
                               ordered_rows(rebuilt, "main", table, view)))
            continue;
        for (const auto& [a, b, how] :
             {std::tuple{"disk." + view, "main." + view,
                         "holds a row the journal does not explain"},
              std::tuple{"main." + view, "disk." + view, "lacks a row the journal implies"}})
            if (const auto key = missing(rebuilt, a, b))
                return "the " + table + " table " + how + " (key " + *key +
                       "): it was edited outside rectrack";
    }
    return std::nullopt;
}

std::optional<std::string> index_differences(SQLite::Database& rebuilt) {
    rebuilt.exec("CREATE VIRTUAL TABLE temp.disk_terms USING fts5vocab(disk, search_index, row)");
    rebuilt.exec("CREATE VIRTUAL TABLE temp.main_terms USING fts5vocab(main, search_index, row)");
    for (const auto& [a, b] :
         {std::pair{"disk_terms", "main_terms"}, {"main_terms", "disk_terms"}}) {
        SQLite::Statement diff(rebuilt, std::string("SELECT term FROM (SELECT * FROM temp.") + a +
                                            " EXCEPT SELECT * FROM temp." + b +
                                            ") ORDER BY 1 LIMIT 1");
        if (diff.executeStep())
            return "the search index does not match its text (term " +
                   diff.getColumn(0).getString() + "): it was edited outside rectrack";
    }
    return std::nullopt;
}

}  // namespace rectrack
