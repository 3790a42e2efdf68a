// verify(): the journal's hash chain, then the projections, either against
// the checksums kept as they were written or rebuilt from the journal.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <functional>
#include <future>
#include <string_view>

#include "model/error.hpp"
#include "model/json_text.hpp"
#include "model/sha256.hpp"
#include "store/bulk_load.hpp"
#include "store/projection_compare.hpp"
#include "store/projection_digest.hpp"
#include "store/store.hpp"
#include "store/store_rows.hpp"

namespace rectrack {

namespace {

std::string_view text(SQLite::Statement& q, int column) {
    const SQLite::Column c = q.getColumn(column);
    return {c.getText(), static_cast<std::size_t>(c.getBytes())};
}

// The bytes an event's hash covers are canonical_bytes(), which this builds
// from its stored columns without parsing them, as long as its subjects and
// payload are stored as rectrack writes them (compact, keys sorted).
// What is hashed: the previous hash, a newline, then those bytes.
std::string stored_chain_bytes(const StoredEventText& e, const std::string& previous) {
    std::string b;
    b.reserve(320);
    b += previous;
    b += "\n{\"author\":";
    append_json_string(b, e.author);
    b += ",\"effective\":";
    append_json_string(b, e.effective);
    b += ",\"id\":";
    b += std::to_string(e.id);
    b += ",\"kind\":";
    append_json_string(b, e.kind);
    b += ",\"payload\":";
    b += e.payload;
    b += ",\"recorded_at\":";
    append_json_string(b, e.recorded_at);
    b += ",\"subjects\":";
    b += e.subjects;
    b += '}';
    return b;
}

// Whether the event in `q` hashes to its stored hash after `previous`, as
// stored or, failing that, as parsed.
bool hash_holds(SQLite::Statement& q, const std::string& previous) {
    return hashed_as_stored(stored_event_text(q), previous) ||
           chain_hash(previous, read_event(q)) == text(q, 7);
}

// Where the chain ends, or the first event that breaks it.
struct ChainEnd {
    EventId events = 0;
    std::string hash = kGenesisHash;
    std::optional<EventId> bad_event;
    std::string problem;
};

// One pass over the journal, in order: numbering, hashes and recording
// times; each event is handed to `replay`, if any, parsed.
ChainEnd check_chain(SQLite::Database& db, const std::function<void(const Event&)>& replay) {
    ChainEnd end;
    auto fail = [&](EventId id, std::string why) {
        end.bad_event = id;
        end.problem = std::move(why);
        return end;
    };
    std::string previous_recorded;
    SQLite::Statement q(db, std::string(kEventColumns) + "ORDER BY id");
    while (q.executeStep()) {
        const EventId id = q.getColumn(0).getInt64();
        std::optional<Event> e;
        try {
            // Unparsed, the kind and date still have to be ones this binary reads.
            if (replay) e = read_event(q);
            if (!parse_event_kind(q.getColumn(1).getString()))
                throw StorageError("unknown kind '" + q.getColumn(1).getString() + "'");
            stored_date(q.getColumn(4).getString());
            if (!hash_holds(q, end.hash))
                return fail(id,
                            "its hash does not match its content or the chain before it: the "
                            "event was changed after it was recorded");
        } catch (const std::exception& ex) {
            return fail(id, std::string("its content cannot be read: ") + ex.what());
        }
        if (id != ++end.events)
            return fail(id, "expected event #" + std::to_string(end.events) +
                                " here: events are missing or renumbered");
        const std::string recorded = q.getColumn(5).getString();
        if (recorded < previous_recorded)
            return fail(id, "it claims to be recorded before the event it follows");
        previous_recorded = recorded;
        end.hash = q.getColumn(7).getString();
        if (!replay) continue;
        try {
            replay(*e);
        } catch (const std::exception& ex) {
            return fail(id, std::string("it cannot be replayed: ") + ex.what());
        }
    }
    return end;
}

// What the checksums say, read on their own connection while the chain is
// checked on another (verify's two halves, one per core).
struct KeptDigests {
    std::map<std::string, TableDigest> rows, kept;
    std::optional<JournalHead> head;
};

KeptDigests read_digests(SQLite::Database& disk) {
    return {digests_of_rows(disk), kept_digests(disk), kept_head(disk)};
}

// Each table against its kept checksum, and the checksums against the end of
// the journal.
std::optional<std::string> digest_differences(const KeptDigests& d, const ChainEnd& chain) {
    // A journal emptied behind rectrack's back leaves checksums that run
    // through events it no longer has.
    const auto& head = d.head;
    if (head ? head->event_id != chain.events || head->hash != chain.hash : chain.events > 0)
        return "the projections' checksums run through event #" +
               std::to_string(head ? head->event_id : 0) + ", not the journal's last (#" +
               std::to_string(chain.events) + "): the database was edited outside rectrack";
    for (const auto& [table, rows] : d.rows) {
        const auto k = d.kept.find(table);
        if (k == d.kept.end() || k->second != rows) {
            const std::int64_t written = k == d.kept.end() ? 0 : k->second.rows;
            return "the " + table + " table does not hold what rectrack wrote to it (" +
                   (written == rows.rows ? "rows were changed"
                                         : std::to_string(rows.rows) + " rows where " +
                                               std::to_string(written) + " were written") +
                   "): it was edited outside rectrack";
        }
    }
    return std::nullopt;
}

// A read transaction: everything read through it comes from one snapshot.
class Snapshot {
  public:
    explicit Snapshot(SQLite::Database& db) : db_(db) {
        db_.exec("BEGIN");
        last_ = db_.execAndGet("SELECT coalesce(max(id), 0) FROM events").getInt64();
    }
    ~Snapshot() {
        try {
            db_.exec("COMMIT");
        } catch (...) {  // a read leaves nothing to undo
        }
    }
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;
    // The journal's last event as this snapshot sees it; every write appends one.
    EventId last() const { return last_; }

  private:
    SQLite::Database& db_;
    EventId last_ = 0;
};

}  // namespace

StoredEventText stored_event_text(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(),
            text(q, 1),
            text(q, 2),
            text(q, 3),
            text(q, 4),
            text(q, 5),
            text(q, 6),
            text(q, 7)};
}

// The stored text is tried as it is, which needs no parsing; since every
// other field is a JSON string, a match means the payload and subjects are
// exactly what was hashed as long as each is one JSON value on its own.
std::string stored_chain_hash(const StoredEventText& e, const std::string& previous) {
    return sha256_hex(stored_chain_bytes(e, previous));
}

bool hashed_as_stored(const StoredEventText& e, const std::string& previous) {
    return stored_chain_hash(e, previous) == e.hash && is_json_value(e.payload) &&
           is_json_value(e.subjects);
}

VerifyResult Store::verify(VerifyDepth depth) const {
    for (int attempt = 1;; ++attempt) {
        if (auto r = verify_snapshot(depth)) return *r;
        if (attempt == 3)
            throw StorageError(
                "the journal kept changing while it was verified: run `verify` "
                "again when nothing is being recorded");
    }
}

// The chain on this store's connection; the checksums on a second one, in
// parallel; the search index (and, in full, every table) rebuilt in memory.
// Each reads its own snapshot: if a write lands between their starts, the
// three would judge different journals, so nothing is judged.
std::optional<VerifyResult> Store::verify_snapshot(VerifyDepth depth) const {
    const bool full = depth == VerifyDepth::full;
    // Read-only, as this store was opened: verify never writes.
    const std::string uri = file_uri(path_) + (immutable_ ? "?immutable=1" : "?mode=ro");
    SQLite::Database side(uri, SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
    SQLite::Database rebuilt(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE |
                                             SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
    run_migrations(rebuilt, 0);
    SQLite::Statement attach(rebuilt, "ATTACH DATABASE ? AS disk");
    attach.bind(1, uri);
    attach.exec();
    reset_statements();
    const Snapshot chain_view(*db_), digests_view(side);
    rebuilt.exec("BEGIN");
    const EventId rebuilt_last =
        rebuilt.execAndGet("SELECT coalesce(max(id), 0) FROM disk.events").getInt64();
    if (chain_view.last() != digests_view.last() || chain_view.last() != rebuilt_last)
        return std::nullopt;
    auto digests = std::async(std::launch::async, [&side] { return read_digests(side); });
    DeferredIndexing deferred(rebuilt);
    Projector projector(rebuilt);
    const ChainEnd chain = check_chain(*db_, full ? [&](const Event& e) { projector.apply(e); }
                                                  : std::function<void(const Event&)>());
    const KeptDigests kept = digests.get();
    VerifyResult r;
    r.events = chain.events;
    if (chain.bad_event) {
        r.ok = false;
        r.first_bad_event = chain.bad_event;
        r.problem = chain.problem;
        return r;
    }
    if (!full) rebuilt.exec("INSERT INTO main.search_text SELECT * FROM disk.search_text");
    deferred.finish();
    std::optional<std::string> problem;
    if (full) problem = table_differences(rebuilt);
    if (!problem) problem = digest_differences(kept, chain);
    if (!problem) problem = index_differences(rebuilt);
    rebuilt.exec("COMMIT");
    if (!problem) problem = check_archives();
    if (problem) {
        r.ok = false;
        r.problem = *problem;
    }
    return r;
}

}  // namespace rectrack
