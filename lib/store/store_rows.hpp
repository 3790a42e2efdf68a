// How the store reads events and opens schemas, shared by its files
// (store.cpp, store_verify.cpp); not part of the library's interface.
#pragma once
#include <string>
#include <string_view>

#include "model/event.hpp"
#include "model/model.hpp"
#include "store/store.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace rectrack {

#define kEventFields "id, kind, subjects, payload, effective, recorded_at, author, hash"
inline constexpr const char* kEventColumns = "SELECT " kEventFields " FROM events ";

// The event in the current row of a statement over kEventFields; throws
// when it cannot be read.
Event read_event(SQLite::Statement& q);
// The current row of a statement over kEventFields, unparsed; valid until
// the statement steps.
StoredEventText stored_event_text(SQLite::Statement& q);
// chain_hash() of an event from the texts it is stored as: the same bytes
// when its subjects and payload are compact dump() output.
std::string stored_chain_hash(const StoredEventText& e, const std::string& previous);
// Whether the stored text of `e` is exactly the text that was hashed after
// `previous`: then its subjects and payload read as they were recorded,
// byte for byte, and need no parsing to be trusted (store_verify.cpp).
bool hashed_as_stored(const StoredEventText& e, const std::string& previous);
// A text column of the current row without a copy; valid until the
// statement steps.
std::string_view column_text(SQLite::Statement& q, int column);
// A recommendation's columns, amendments applied, and the statement's
// current row read back as one; in the order reports list them.
const std::string& rec_fields();
Recommendation read_rec(SQLite::Statement& q);
inline constexpr const char* kRecOrder = " ORDER BY r.report, r.number, r.parent <> '', r.key";
// Applies the migrations after schema version `from`.
void run_migrations(SQLite::Database& db, int from);
// SQLite's URI form of a file name.
std::string file_uri(const std::string& path);

}  // namespace rectrack
