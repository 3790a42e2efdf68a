#include "store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <array>
#include <filesystem>
#include <limits>

#include "ids/url.hpp"
#include "model/error.hpp"
#include "store/migrations.hpp"
#include "store/projection_digest.hpp"
#include "store/store_rows.hpp"

namespace rectrack {

namespace {

constexpr int kSearchSchema = 10;
constexpr int kUrlFormSchema = 11;
constexpr int kDigestSchema = 12;

// A kind this binary does not know means the file was written by another
// program or tampered with; guessing would misread the journal.
EventKind stored_kind(const std::string& text, EventId id) {
    if (auto k = parse_event_kind(text)) return *k;
    throw StorageError("event #" + std::to_string(id) + " has an unknown kind '" + text + "'");
}

}  // namespace

Event read_event(SQLite::Statement& q) {
    Event e;
    e.id = q.getColumn(0).getInt64();
    e.kind = stored_kind(q.getColumn(1).getString(), e.id);
    e.subjects = nlohmann::json::parse(q.getColumn(2).getString()).get<std::vector<std::string>>();
    e.payload = nlohmann::json::parse(q.getColumn(3).getString());
    e.effective = stored_date(q.getColumn(4).getString());
    e.recorded_at = q.getColumn(5).getString();
    e.author = q.getColumn(6).getString();
    e.hash = q.getColumn(7).getString();
    return e;
}

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO events(id, kind, subjects, payload, effective, recorded_at, author, hash) "
    "VALUES (?,?,?,?,?,?,?,?)";

// An event's columns as they are stored, each made once: the hash covers
// the same texts (chain_hash() over them, without building a document).
struct EventText {
    std::string subjects, payload, effective;
    StoredEventText of(const Event& e) const {
        return {e.id, name(e.kind), subjects, payload, effective, e.recorded_at, e.author, e.hash};
    }
};

EventText text_of(const Event& e) {
    return {nlohmann::json(e.subjects).dump(), e.payload.dump(), e.effective.str()};
}

void insert_event(SQLite::Statement& ins, const Event& e, const EventText& t) {
    ins.bind(1, static_cast<int64_t>(e.id));
    ins.bind(2, std::string(name(e.kind)));
    ins.bind(3, t.subjects);
    ins.bind(4, t.payload);
    ins.bind(5, t.effective);
    ins.bind(6, e.recorded_at);
    ins.bind(7, e.author);
    ins.bind(8, e.hash);
    ins.exec();
}

}  // namespace

void run_migrations(SQLite::Database& db, int from) {
    for (const auto& m : migrations()) {
        if (m.version <= from) continue;
        db.exec(std::string(m.sql));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
    }
}

// The path made absolute, with '%', '?' and '#' escaped: they would otherwise
// start an escape, a query or a fragment.
std::string file_uri(const std::string& path) {
    std::string uri = "file:";
    for (char c : std::filesystem::absolute(path).string()) {
        if (c == '%' || c == '?' || c == '#') {
            static const char hex[] = "0123456789ABCDEF";
            uri += '%';
            uri += hex[(c >> 4) & 0xF];
            uri += hex[c & 0xF];
        } else {
            uri += c;
        }
    }
    return uri;
}

namespace {

bool is_code(const SQLite::Exception& e, int code) {
    return (e.getErrorCode() & 0xFF) == code;
}

}  // namespace

Date stored_date(std::string_view text) {
    if (auto d = parse_date(text)) return *d;
    throw StorageError("the database holds an unreadable date '" + std::string(text) +
                       "': it was damaged or edited outside rectrack (run `rectrack verify`)");
}

[[noreturn]] void rethrow_as_storage_error(const std::string& path) {
    try {
        throw;
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode();
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            throw StorageError("the database '" + path +
                               "' is locked by another process; try again when it has finished");
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            throw StorageError("'" + path + "' is not a rectrack database or is corrupt (" +
                               e.what() + ")");
        if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
            throw StorageError("cannot write to the database '" + path + "' (" + e.what() + ")");
        throw StorageError("database error in '" + path + "': " + e.what());
    }
}

Store::Store(const std::string& path, OpenOptions options)
    : path_(path), busy_timeout_ms_(options.busy_timeout_ms) {
    const bool creating = options.access == Access::create || options.access == Access::build;
    if (!creating && !std::filesystem::exists(path))
        throw StorageError("no database at '" + path +
                           "': create one with `rectrack init` (or pass --db PATH)");
    if (options.access == Access::build && std::filesystem::exists(path))
        throw StorageError("cannot build a new database at '" + path + "': the file exists");
    try {
        const bool reading = options.access == Access::read;
        int version = 0;
        if (reading) {
            version = open_for_reading();
        } else {
            connect(SQLite::OPEN_READWRITE | (creating ? SQLite::OPEN_CREATE : 0), path);
            building_ = options.access == Access::build;
            version = schema_version();
        }
        if (version > latest_schema_version())
            throw StorageError("the database '" + path + "' has schema version " +
                               std::to_string(version) + ", newer than this rectrack knows (" +
                               std::to_string(latest_schema_version()) + "): upgrade rectrack");
        if (version == 0 && db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
            throw StorageError("'" + path + "' is an SQLite file but not a rectrack database");
        if (reading && version < latest_schema_version()) {
            upgrade_for_reading(version);
        } else if (!reading) {
            building_ ? use_memory_journal() : use_wal();
            if (version < latest_schema_version()) migrate();
            digests_ = std::make_unique<DigestWatch>(db_->getHandle());
        }
        // SQLite's default 2 MB page cache spills a long transaction's pages
        // to the WAL and reads them back; 32 MB, taken only as pages are
        // used, holds an import's working set (100k events: 2.85 s -> 2.4 s).
        // A reader passes over each page once or twice: the default serves.
        if (!reading) db_->exec("PRAGMA cache_size = -32768");
        projector_ = std::make_unique<Projector>(*db_);
    } catch (const StorageError&) {
        throw;
    } catch (const SQLite::Exception&) {
        rethrow_as_storage_error(path);
    }
}

void Store::connect(int flags, const std::string& name) {
    projector_.reset();
    statements_.clear();
    digests_.reset();
    db_.reset();
    // One thread at a time uses a store's connection: without NOMUTEX,
    // SQLite would lock a mutex for every column it hands out.
    db_ = std::make_unique<SQLite::Database>(name, flags | SQLite::OPEN_NOMUTEX);
    db_->setBusyTimeout(busy_timeout_ms_);
}

// A reader in a folder it cannot write to cannot create the -shm file that
// WAL mode needs. When no -wal file exists nothing is pending, so the file
// is read as immutable: without locks, which it cannot take. Only someone
// who can write that folder could change the file meanwhile, and a writer
// there first creates the -wal; a read that overlaps such a write is the
// one case this does not guard against.
int Store::open_for_reading() {
    connect(SQLite::OPEN_READONLY, path_);
    try {
        return schema_version();
    } catch (const SQLite::Exception& e) {
        const bool no_shm = is_code(e, SQLITE_CANTOPEN) || is_code(e, SQLITE_READONLY);
        if (!no_shm || std::filesystem::exists(path_ + "-wal")) throw;
    }
    immutable_ = true;
    connect(SQLite::OPEN_READONLY | SQLite::OPEN_URI, file_uri(path_) + "?immutable=1");
    return schema_version();
}

// An older schema is upgraded by the first command that opens it, readers
// included; a reader that cannot write says what to do instead.
void Store::upgrade_for_reading(int version) {
    try {
        connect(SQLite::OPEN_READWRITE, path_);
        use_wal();
        migrate();
    } catch (const SQLite::Exception& e) {
        if (!is_code(e, SQLITE_READONLY) && !is_code(e, SQLITE_CANTOPEN) &&
            !is_code(e, SQLITE_PERM))
            throw;
        throw StorageError("the database '" + path_ + "' has schema version " +
                           std::to_string(version) + " and this rectrack reads version " +
                           std::to_string(latest_schema_version()) +
                           ", but it is read-only and cannot be upgraded: run rectrack once "
                           "where it can write to it, or read it with the rectrack that wrote it");
    }
}

// WAL lets readers go on while one person writes; NORMAL sync is durable
// across application crashes, which is what a CLI needs. Only writers set
// them: a reader must not change the file.
void Store::use_wal() {
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");
}

// A new file that no one else reads until it is complete needs neither
// WAL, which writes every page twice (to the log, then to the file), nor a
// journal on disk: a rollback journal only keeps pages that existed before
// the transaction, which in a new file are few, so it is kept in memory.
// The commit still syncs the file, before it is renamed into place.
// A million events, median of three imports: 23.4 s -> 21.2 s.
void Store::use_memory_journal() {
    db_->exec("PRAGMA journal_mode = MEMORY");
    db_->exec("PRAGMA synchronous = NORMAL");
}

Store::~Store() {
    if (!building_ || !db_) return;
    // The finished file turns to WAL, as every other database is; should
    // that fail, it still opens, and the next writer turns it.
    projector_.reset();
    statements_.clear();
    try {
        db_->exec("PRAGMA journal_mode = WAL");
    } catch (...) {  // a destructor must not throw
    }
}

int Store::latest_schema_version() {
    return migrations().back().version;
}

int Store::schema_version() const {
    return db_->execAndGet("PRAGMA user_version").getInt();
}

void Store::migrate() {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    // Read again under the lock: another process may have migrated meanwhile.
    const int from = schema_version();
    run_migrations(*db_, from);
    // Schema 10 adds the search index: what is already recorded is indexed
    // by the projector's own rules, event by event.
    if (from > 0 && from < kSearchSchema) {
        Projector projector(*db_);
        for_each_event([&](const Event& e) { projector.index(e); });
    }
    // Schema 11 keeps each source's comparable URL form.
    if (from > 0 && from < kUrlFormSchema) {
        SQLite::Statement sources(*db_, "SELECT id, url FROM evidence");
        SQLite::Statement set(*db_, "UPDATE evidence SET url_form = ? WHERE id = ?");
        while (sources.executeStep()) {
            set.reset();
            set.bind(1, comparable_url(sources.getColumn(1).getString()));
            set.bind(2, sources.getColumn(0).getInt64());
            set.exec();
        }
    }
    // Schema 12 starts keeping the projections' checksums: they are taken
    // from the tables as they are. A migration that changes what a
    // projection holds (or adds a column to one) must take them again.
    if (from < kDigestSchema) reset_digests(*db_);
    tx.commit();
}

// Preparing costs more than running the short look-ups a command makes for
// every event, so each is prepared once per store. A statement is reset as
// it is handed out; the caller reads it to the end before asking for the
// same text again (no query here recurses into itself).
SQLite::Statement& Store::statement(const std::string& sql) const {
    auto& slot = statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
    slot->reset();
    slot->clearBindings();
    return *slot;
}

// Before a transaction ends, so that no statement holds a read open.
void Store::reset_statements() const {
    for (auto& [sql, st] : statements_) st->reset();
}

Store::Transaction::Transaction(Store& store) : store_(store) {
    try {
        store_.db_->exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception&) {
        rethrow_as_storage_error(store_.path_);
    }
}

Store::Transaction::~Transaction() {
    if (!done_) {
        try {
            store_.reset_statements();
            if (store_.digests_) store_.digests_->drop();
            store_.db_->exec("ROLLBACK");
        } catch (...) {  // nothing sensible to do in a destructor
        }
    }
}

void Store::Transaction::commit() {
    try {
        if (store_.digests_) store_.digests_->save(*store_.db_);
        store_.reset_statements();
        store_.db_->exec("COMMIT");
        done_ = true;
    } catch (const SQLite::Exception&) {
        rethrow_as_storage_error(store_.path_);
    }
}

Event Store::append(Transaction&, Event e, const std::string& now) {
    SQLite::Statement& last =
        statement("SELECT id, recorded_at, hash FROM events ORDER BY id DESC LIMIT 1");
    std::string previous_hash = kGenesisHash;
    e.id = 1;
    e.recorded_at = now;
    if (last.executeStep()) {
        e.id = last.getColumn(0).getInt64() + 1;
        // Keep recorded_at monotonic even if the clock steps back, so that
        // "as recorded at T" always selects a prefix of the journal.
        if (last.getColumn(1).getString() > now) e.recorded_at = last.getColumn(1).getString();
        previous_hash = last.getColumn(2).getString();
    }
    const EventText text = text_of(e);
    e.hash = stored_chain_hash(text.of(e), previous_hash);
    insert_event(statement(kInsertEvent), e, text);
    projector_->apply(e);
    if (digests_) digests_->appended(e.id, e.hash);
    return e;
}

void Store::append_verbatim(Transaction&, const Event& e) {
    SQLite::Statement& last =
        statement("SELECT id, recorded_at, hash FROM events ORDER BY id DESC LIMIT 1");
    EventId expected = 1;
    std::string previous_hash = kGenesisHash;
    if (last.executeStep()) {
        expected = last.getColumn(0).getInt64() + 1;
        previous_hash = last.getColumn(2).getString();
        if (e.recorded_at < last.getColumn(1).getString())
            throw InputError("event #" + std::to_string(e.id) +
                             " was recorded before the event it follows");
    }
    if (e.id != expected)
        throw InputError("event #" + std::to_string(e.id) + " is out of sequence (expected #" +
                         std::to_string(expected) + ")");
    const EventText text = text_of(e);
    if (stored_chain_hash(text.of(e), previous_hash) != e.hash)
        throw InputError("event #" + std::to_string(e.id) +
                         " does not match its hash: the file was changed after export");
    insert_event(statement(kInsertEvent), e, text);
    // An imported event the projections cannot hold (a status scale naming a
    // status twice, say) makes the file inconsistent, not the database.
    try {
        projector_->apply(e);
    } catch (const SQLite::Exception& ex) {
        if (!is_code(ex, SQLITE_CONSTRAINT)) throw;
        throw InputError("event #" + std::to_string(e.id) + " cannot be replayed: " + ex.what());
    }
    if (digests_) digests_->appended(e.id, e.hash);
}

std::optional<Event> Store::event(EventId id) const {
    SQLite::Statement& q = statement(std::string(kEventColumns) + "WHERE id = ?");
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return std::nullopt;
    return read_event(q);
}

EventId Store::last_event_id(AsRecorded as_recorded) const {
    if (as_recorded.everything())
        return db_->execAndGet("SELECT coalesce(max(id), 0) FROM events").getInt64();
    SQLite::Statement& q =
        statement("SELECT coalesce(max(id), 0) FROM events WHERE recorded_at <= ?");
    q.bind(1, as_recorded.bound());
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::vector<Event> Store::log(const LogFilter& f) const {
    std::string sql = std::string(kEventColumns) + "WHERE 1 ";
    if (f.subject)
        sql += "AND id IN (SELECT event_id FROM event_subjects WHERE subject = :subject) ";
    if (f.since) sql += "AND effective >= :since ";
    if (f.until) sql += "AND effective <= :until ";
    sql += "ORDER BY id";
    SQLite::Statement q(*db_, sql);
    if (f.subject) q.bind(":subject", *f.subject);
    if (f.since) q.bind(":since", f.since->str());
    if (f.until) q.bind(":until", f.until->str());
    std::vector<Event> out;
    while (q.executeStep()) out.push_back(read_event(q));
    return out;
}

void Store::for_each_event(const std::function<void(const Event&)>& visit,
                           std::optional<EventId> up_to) const {
    SQLite::Statement q(*db_, std::string(kEventColumns) + "WHERE id <= ? ORDER BY id");
    q.bind(1, static_cast<int64_t>(up_to.value_or(std::numeric_limits<EventId>::max())));
    while (q.executeStep()) visit(read_event(q));
}

void Store::for_each_stored_event(
    const std::function<void(const StoredEventText&, bool as_hashed)>& visit,
    std::optional<EventId> up_to) const {
    SQLite::Statement q(*db_, std::string(kEventColumns) + "WHERE id <= ? ORDER BY id");
    q.bind(1, static_cast<int64_t>(up_to.value_or(std::numeric_limits<EventId>::max())));
    std::string previous = kGenesisHash;
    while (q.executeStep()) {
        const StoredEventText e = stored_event_text(q);
        visit(e, hashed_as_stored(e, previous));
        previous = e.hash;
    }
}

std::optional<EventId> Store::retracted_by(EventId id) const {
    SQLite::Statement& q = statement("SELECT event_id FROM corrections WHERE retracts = ?");
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

void Store::for_each_event_between(Date from, Date to, AsRecorded as_recorded,
                                   const std::function<void(const DatedEvent&)>& visit) const {
    SQLite::Statement q(
        *db_, std::string("SELECT ") + kEventFields +
                  ", (SELECT c.recorded_at FROM corrections c WHERE c.retracts = events.id "
                  "AND c.recorded_at <= :t) FROM events WHERE recorded_at <= :t AND "
                  "((effective BETWEEN :from AND :to) OR (recorded_at BETWEEN :rfrom AND "
                  ":rto)) ORDER BY id");
    q.bind(":t", as_recorded.bound());
    q.bind(":from", from.str());
    q.bind(":to", to.str());
    q.bind(":rfrom", Instant::start_of(from).str());
    q.bind(":rto", Instant::end_of(to).str());
    while (q.executeStep()) {
        DatedEvent d{read_event(q), std::nullopt};
        if (!q.getColumn(8).isNull()) d.retracted_at = q.getColumn(8).getString();
        visit(d);
    }
}

}  // namespace rectrack
