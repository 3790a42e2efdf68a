// Replaying many events into one database at once (an import, or verify
// --full's rebuild): indexes that the replay never reads, and the search
// index, are built once at the end instead of row by row.
//
// Part of the store module: only lib/store and tests include this.
#pragma once
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace rectrack {

// Drops, inside the caller's transaction, every index the projector does not
// read and the triggers that keep the search index in step; finish() creates
// them again from their own definitions and rebuilds the search index. Left
// unfinished, the transaction's rollback restores them.
class DeferredIndexing {
  public:
    explicit DeferredIndexing(SQLite::Database& db);
    DeferredIndexing(const DeferredIndexing&) = delete;
    DeferredIndexing& operator=(const DeferredIndexing&) = delete;
    void finish();

  private:
    SQLite::Database& db_;
    std::vector<std::string> definitions_;  // CREATE statements, as the schema has them
};

}  // namespace rectrack
