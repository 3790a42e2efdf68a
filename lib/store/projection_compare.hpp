// How `verify --full` compares the projections it rebuilt from the journal
// with the ones on disk. Part of the store module: only lib/store and tests
// include this.
#pragma once
#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace rectrack {

// The first way the projection tables of `rebuilt` and of the database
// attached to it as `disk` differ, in a sentence; nullopt when every table
// holds the same rows, each as often.
std::optional<std::string> table_differences(SQLite::Database& rebuilt);

// The same for the search index, term by term (how many rows hold each, how
// often): an index edited apart from its text would find what the text does
// not say.
std::optional<std::string> index_differences(SQLite::Database& rebuilt);

}  // namespace rectrack
