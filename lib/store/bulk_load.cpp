// A bulk load. Replaying a journal event by event spends most of its time
// on upkeep: a B-tree insert at a random place for every secondary index of
// every row, an FTS5 update (and a savepoint) for every piece of text, and a
// checksum update for every row. Building an index from finished rows is a
// sort, the search index is built in one pass, and each table's checksum is
// one read of it.
#include "store/bulk_load.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <string_view>

#include "model/error.hpp"
#include "store/projection_digest.hpp"
#include "store/store.hpp"

namespace rectrack {

namespace {

// The indexes the projector reads while it replays (current_fields and the
// search rows it replaces); every other index only serves queries. Unique
// indexes stay too: they are constraints a replay must meet row by row.
constexpr std::array<std::string_view, 3> kReadByReplay = {
    "amendments_subject", "search_text_subject", "search_text_event"};

bool read_by_replay(const std::string& index) {
    for (auto name : kReadByReplay)
        if (index == name) return true;
    return false;
}

}  // namespace

DeferredIndexing::DeferredIndexing(SQLite::Database& db) : db_(db) {
    std::vector<std::string> drops;
    SQLite::Statement q(db_,
                        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                        "((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE %') OR "
                        "(type = 'trigger' AND tbl_name = 'search_text')) ORDER BY name");
    while (q.executeStep()) {
        const std::string type = q.getColumn(0).getString(), name = q.getColumn(1).getString();
        if (type == "index" && read_by_replay(name)) continue;
        // Names come from the schema, never from input.
        drops.push_back((type == "index" ? "DROP INDEX main.\"" : "DROP TRIGGER main.\"") + name +
                        "\"");
        definitions_.push_back(q.getColumn(2).getString());
    }
    for (const auto& drop : drops) db_.exec(drop);
}

void DeferredIndexing::finish() {
    // A second thread for SQLite's sorter, which CREATE INDEX uses.
    db_.exec("PRAGMA threads = 2");
    for (const auto& create : definitions_) db_.exec(create);
    db_.exec("PRAGMA threads = 0");
    db_.exec("INSERT INTO search_index(search_index) VALUES ('rebuild')");
    definitions_.clear();
}

Store::BulkLoad::BulkLoad(Store& store, Transaction&) : store_(store) {
    if (store_.last_event_id() != 0) throw StorageError("a bulk load needs an empty journal");
    store_.reset_statements();
    deferred_ = std::make_unique<DeferredIndexing>(*store_.db_);
    if (store_.digests_) store_.digests_->pause(*store_.db_);
}

Store::BulkLoad::~BulkLoad() {
    if (deferred_ && store_.digests_) store_.digests_->resume_uncounted();
}

void Store::BulkLoad::finish() {
    store_.reset_statements();
    deferred_->finish();
    if (store_.digests_) store_.digests_->resume(*store_.db_);
    deferred_.reset();
}

}  // namespace rectrack
