// How the store reads events and opens schemas, shared by its files
// (store.cpp, store_verify.cpp); not part of the library's interface.
#pragma once
#include <string>

#include "model/event.hpp"

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
// Applies the migrations after schema version `from`.
void run_migrations(SQLite::Database& db, int from);
// SQLite's URI form of a file name.
std::string file_uri(const std::string& path);

}  // namespace rectrack
