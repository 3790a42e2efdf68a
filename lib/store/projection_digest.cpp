// The pre-update hook is part of Debian's libsqlite3 (SQLITE_ENABLE_PREUPDATE_HOOK,
// which `PRAGMA compile_options` lists); its declarations need the macro.
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "store/projection_digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstring>
#include <stdexcept>

#include "model/error.hpp"
#include "model/sha256.hpp"
#include "store/raw_statement.hpp"

namespace rectrack {

namespace {

void put_u64(std::string& out, std::uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

// One value, typed and length-prefixed, so that no two rows encode alike.
void encode(std::string& out, sqlite3_value* v) {
    switch (sqlite3_value_type(v)) {
        case SQLITE_INTEGER:
            out += 'i';
            put_u64(out, static_cast<std::uint64_t>(sqlite3_value_int64(v)));
            break;
        case SQLITE_FLOAT: {
            const double d = sqlite3_value_double(v);
            std::uint64_t bits = 0;
            std::memcpy(&bits, &d, sizeof bits);
            out += 'f';
            put_u64(out, bits);
            break;
        }
        case SQLITE_TEXT:
        case SQLITE_BLOB: {
            const bool text = sqlite3_value_type(v) == SQLITE_TEXT;
            const void* bytes =
                text ? static_cast<const void*>(sqlite3_value_text(v)) : sqlite3_value_blob(v);
            const int n = sqlite3_value_bytes(v);
            out += text ? 't' : 'b';
            put_u64(out, static_cast<std::uint64_t>(n));
            if (n > 0) out.append(static_cast<const char*>(bytes), static_cast<std::size_t>(n));
            break;
        }
        default:
            out += 'n';
    }
}

// The start of a row's encoding: its table, so that equal rows of two tables differ.
void begin_row(std::string& out, std::string_view table) {
    out.assign(table);
    out += '\0';
}

std::uint64_t lane_of(const std::array<unsigned char, 32>& h, int lane) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | h[static_cast<std::size_t>(lane * 8 + i)];
    return v;
}

}  // namespace

void TableDigest::add(const std::array<unsigned char, 32>& h) {
    ++rows;
    for (int i = 0; i < 4; ++i) lanes[static_cast<std::size_t>(i)] += lane_of(h, i);
}

void TableDigest::remove(const std::array<unsigned char, 32>& h) {
    --rows;
    for (int i = 0; i < 4; ++i) lanes[static_cast<std::size_t>(i)] -= lane_of(h, i);
}

void TableDigest::add(const TableDigest& other) {
    rows += other.rows;
    for (std::size_t i = 0; i < 4; ++i) lanes[i] += other.lanes[i];
}

void TableDigest::remove(const TableDigest& other) {
    rows -= other.rows;
    for (std::size_t i = 0; i < 4; ++i) lanes[i] -= other.lanes[i];
}

std::string TableDigest::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::uint64_t lane : lanes)
        for (int shift = 60; shift >= 0; shift -= 4) out += digits[(lane >> shift) & 0xf];
    return out;
}

std::optional<TableDigest> TableDigest::parse(std::int64_t rows, std::string_view hex) {
    if (hex.size() != 64) return std::nullopt;
    TableDigest d;
    d.rows = rows;
    for (std::size_t i = 0; i < 64; ++i) {
        const char c = hex[i];
        int v = 0;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else
            return std::nullopt;
        d.lanes[i / 16] = (d.lanes[i / 16] << 4) | static_cast<std::uint64_t>(v);
    }
    return d;
}

const std::vector<std::string>& projection_tables() {
    static const std::vector<std::string> tables = {"search_text",
                                                    "follow_ups",
                                                    "tag_changes",
                                                    "event_subjects",
                                                    "scale",
                                                    "reports",
                                                    "recommendations",
                                                    "status_changes",
                                                    "citations",
                                                    "measures",
                                                    "stages",
                                                    "links",
                                                    "unlinks",
                                                    "evidence",
                                                    "attachments",
                                                    "notes",
                                                    "evidence_captures",
                                                    "evidence_checks",
                                                    "evidence_archives",
                                                    "amendments",
                                                    "corrections"};
    return tables;
}

DigestWatch::DigestWatch(sqlite3* db) : db_(db) {
    for (const auto& t : projection_tables()) pending_[t];
    sqlite3_preupdate_hook(db_, &DigestWatch::on_change, this);
}

DigestWatch::~DigestWatch() {
    sqlite3_preupdate_hook(db_, nullptr, nullptr);
}

void DigestWatch::appended(std::int64_t event_id, const std::string& hash) {
    head_ = JournalHead{event_id, hash};
}

// Called by SQLite before each row of a rowid or WITHOUT ROWID table changes
// (not for virtual tables: the search index is checked on its own).
void DigestWatch::on_change(void* self_ptr, sqlite3* db, int op, const char* schema,
                            const char* table, long long, long long) {
    auto* self = static_cast<DigestWatch*>(self_ptr);
    if (std::strcmp(schema, "main") != 0) return;
    const auto it = self->pending_.find(std::string_view(table));
    if (it == self->pending_.end()) return;
    const int columns = sqlite3_preupdate_count(db);
    // An exception cannot cross SQLite's C frames: it is kept for save().
    try {
        auto fold = [&](int (*value)(sqlite3*, int, sqlite3_value**), bool adding) {
            begin_row(self->row_, table);
            for (int i = 0; i < columns; ++i) {
                sqlite3_value* v = nullptr;
                if (value(db, i, &v) != SQLITE_OK || !v)
                    throw StorageError(std::string("cannot read a row of ") + table);
                encode(self->row_, v);
            }
            const auto h = sha256(self->row_);
            adding ? it->second.add(h) : it->second.remove(h);
        };
        if (op != SQLITE_INSERT) fold(&sqlite3_preupdate_old, false);
        if (op != SQLITE_DELETE) fold(&sqlite3_preupdate_new, true);
    } catch (const std::exception& e) {
        if (self->failure_.empty()) self->failure_ = e.what();
    }
}

void DigestWatch::save(SQLite::Database& db) {
    if (!failure_.empty())
        throw StorageError("cannot keep the projections' checksums: " + failure_);
    SQLite::Statement read(db, "SELECT rows, digest FROM projection_digests WHERE name = ?");
    SQLite::Statement write(db,
                            "INSERT OR REPLACE INTO projection_digests(name, rows, digest) "
                            "VALUES (?, ?, ?)");
    for (auto& [table, change] : pending_) {
        if (change.empty()) continue;
        TableDigest kept;
        read.reset();
        read.bind(1, table);
        if (read.executeStep())
            kept = TableDigest::parse(read.getColumn(0).getInt64(), read.getColumn(1).getString())
                       .value_or(TableDigest{-1, {}});  // unreadable: verify will say so
        kept.add(change);
        write.reset();
        write.bind(1, table);
        write.bind(2, static_cast<int64_t>(kept.rows));
        write.bind(3, kept.hex());
        write.exec();
        change = {};
    }
    if (head_) {
        SQLite::Statement set(
            db, "INSERT OR REPLACE INTO digested_through(one, event_id, hash) VALUES (1, ?, ?)");
        set.bind(1, static_cast<int64_t>(head_->event_id));
        set.bind(2, head_->hash);
        set.exec();
        head_.reset();
    }
}

void DigestWatch::pause(SQLite::Database& db) {
    sqlite3_preupdate_hook(db_, nullptr, nullptr);
    paused_at_ = digests_of_rows(db);
}

void DigestWatch::resume(SQLite::Database& db) {
    if (!paused_at_) return;
    for (const auto& [table, now] : digests_of_rows(db)) {
        TableDigest& change = pending_[table];
        change.add(now);
        change.remove(paused_at_->at(table));
    }
    resume_uncounted();
}

void DigestWatch::resume_uncounted() {
    paused_at_.reset();
    sqlite3_preupdate_hook(db_, &DigestWatch::on_change, this);
}

void DigestWatch::drop() {
    for (auto& [table, change] : pending_) change = {};
    head_.reset();
    failure_.clear();
}

std::map<std::string, TableDigest> digests_of_rows(SQLite::Database& db) {
    std::map<std::string, TableDigest> out;
    std::string row;
    for (const auto& table : projection_tables()) {
        // Table names come from the list above, never from input.
        RawStatement st = prepare_raw(db, "SELECT * FROM " + table);
        const int columns = sqlite3_column_count(st.get());
        TableDigest& d = out[table];
        int rc = 0;
        while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
            begin_row(row, table);
            for (int i = 0; i < columns; ++i) encode(row, sqlite3_column_value(st.get(), i));
            d.add(sha256(row));
        }
        if (rc != SQLITE_DONE)
            throw StorageError("cannot read the " + table +
                               " table: " + sqlite3_errmsg(db.getHandle()));
    }
    return out;
}

std::map<std::string, TableDigest> kept_digests(SQLite::Database& db) {
    std::map<std::string, TableDigest> out;
    SQLite::Statement q(db, "SELECT name, rows, digest FROM projection_digests");
    while (q.executeStep()) {
        const auto d = TableDigest::parse(q.getColumn(1).getInt64(), q.getColumn(2).getString());
        // An unreadable checksum matches no table: verify names it.
        out[q.getColumn(0).getString()] = d.value_or(TableDigest{-1, {}});
    }
    return out;
}

std::optional<JournalHead> kept_head(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT event_id, hash FROM digested_through WHERE one = 1");
    if (!q.executeStep()) return std::nullopt;
    return JournalHead{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

void reset_digests(SQLite::Database& db) {
    // SQLite before 3.42 hands the pre-update hook NULL for a column that
    // ALTER TABLE added after the row was written (its record is shorter).
    // Writing each row again stores it in full, so that later changes to it
    // take away what was added.
    for (const auto& table : projection_tables()) {
        SQLite::Statement first(db, "SELECT name FROM pragma_table_info(?) WHERE cid = 0");
        first.bind(1, table);
        if (!first.executeStep()) throw StorageError("the " + table + " table is missing");
        const std::string column = first.getColumn(0).getString();
        db.exec("UPDATE " + table + " SET \"" + column + "\" = \"" + column + "\"");
    }
    db.exec("DELETE FROM projection_digests");
    SQLite::Statement write(db,
                            "INSERT INTO projection_digests(name, rows, digest) VALUES (?, ?, ?)");
    for (const auto& [table, d] : digests_of_rows(db)) {
        write.reset();
        write.bind(1, table);
        write.bind(2, static_cast<int64_t>(d.rows));
        write.bind(3, d.hex());
        write.exec();
    }
    db.exec(
        "INSERT OR REPLACE INTO digested_through(one, event_id, hash) "
        "SELECT 1, id, hash FROM events ORDER BY id DESC LIMIT 1");
}

}  // namespace rectrack
