// Checksums of the projection tables, kept as they are written, so that
// `verify` can prove each table holds exactly what the projector wrote by
// reading it once instead of replaying the journal (schema 12).
//
// Part of the store module: only lib/store and tests include this.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace SQLite {
class Database;
}

namespace rectrack {

// A multiset hash: the number of rows and the sum of their SHA-256 in four
// 64-bit lanes that wrap. Adding and taking away rows commute, so each write
// updates it in constant time, and a table read in any order gives the same.
struct TableDigest {
    std::int64_t rows = 0;
    std::array<std::uint64_t, 4> lanes{};

    void add(const std::array<unsigned char, 32>& row_hash);
    void remove(const std::array<unsigned char, 32>& row_hash);
    void add(const TableDigest& other);
    void remove(const TableDigest& other);
    bool empty() const { return rows == 0 && lanes == std::array<std::uint64_t, 4>{}; }
    std::string hex() const;
    static std::optional<TableDigest> parse(std::int64_t rows, std::string_view hex);
    bool operator==(const TableDigest&) const = default;
};

// Every projection table, in the order verify reports them.
const std::vector<std::string>& projection_tables();

// The last event a set of checksums includes.
struct JournalHead {
    std::int64_t event_id = 0;
    std::string hash;
};

// Watches one connection's writes (SQLite's pre-update hook) and keeps what
// they add to and take from each projection table's checksum, and the last
// event appended, until the transaction that made them saves or drops them.
class DigestWatch {
  public:
    explicit DigestWatch(sqlite3* db);
    ~DigestWatch();
    DigestWatch(const DigestWatch&) = delete;
    DigestWatch& operator=(const DigestWatch&) = delete;

    // The event just appended: the checksums will run through it.
    void appended(std::int64_t event_id, const std::string& hash);
    // Adds the pending changes to the kept checksums; inside the transaction,
    // before it commits.
    void save(SQLite::Database& db);
    void drop();

    // A bulk load stops watching, noting what the tables hold (pause), and
    // then counts what they gained meanwhile as pending (resume): one read
    // of each table instead of a hook call for every row written.
    void pause(SQLite::Database& db);
    void resume(SQLite::Database& db);
    // Watches again without counting: the transaction is rolling back.
    void resume_uncounted();

  private:
    static void on_change(void* self, sqlite3* db, int op, const char* schema, const char* table,
                          long long old_rowid, long long new_rowid);  // sqlite3_int64
    sqlite3* db_;
    std::map<std::string, TableDigest, std::less<>> pending_;
    std::optional<JournalHead> head_;
    std::optional<std::map<std::string, TableDigest>> paused_at_;  // the tables when paused
    std::string row_;                                              // reused to encode one row
    std::string failure_;  // what went wrong inside the hook, for save() to throw
};

// The checksum of each projection table computed from its rows now.
std::map<std::string, TableDigest> digests_of_rows(SQLite::Database& db);
// The checksums kept in the database, and the event they run through.
std::map<std::string, TableDigest> kept_digests(SQLite::Database& db);
std::optional<JournalHead> kept_head(SQLite::Database& db);
// Sets the kept checksums to what the tables hold now (a schema upgrade).
void reset_digests(SQLite::Database& db);

}  // namespace rectrack
