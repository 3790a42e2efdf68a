// The store: the one module that speaks SQL. It opens and migrates the SQLite
// file, appends events to the journal while keeping the projections in step,
// answers queries, and verifies the journal against its hashes.
//
// Queries take an AsRecorded: they answer as the database stood when
// everything up to that instant had been recorded (design invariant 2). The
// default means "everything recorded so far".
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/check.hpp"
#include "model/event.hpp"
#include "model/model.hpp"
#include "model/status_scale.hpp"
#include "time/as_recorded.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace rectrack {

// What a command will do with the database. Readers open it read-only, so
// that a database on read-only media or in someone else's folder can still
// be read, reported on and verified.
enum class Access {
    read,    // never writes (except a one-time schema upgrade, if allowed)
    write,   // the file must exist
    create,  // creates the file if it does not exist
    // Creates a new file that no one else opens until it is complete (an
    // import into a new database, renamed into place when done): see
    // use_memory_journal(). Refuses a file that exists.
    build,
};

struct OpenOptions {
    Access access = Access::write;
    int busy_timeout_ms = 5000;  // how long to wait for another writer
};

struct LogFilter {
    std::optional<std::string> subject;  // rec:R4 or measure:ai-act
    std::optional<Date> since, until;    // on the effective date, inclusive
};

// How deep `verify` looks. Both check the hash chain event by event and the
// search index against its text.
enum class VerifyDepth {
    // Each projection table against the checksum kept as it was written:
    // one read of each table, however long the journal.
    checksums,
    // Also replays the whole journal into new projections and compares them
    // row by row: finds an edit that rewrote a table and its checksum alike.
    full,
};

// An event as its row stores it: the text of each column, unparsed.
struct StoredEventText {
    EventId id = 0;
    std::string_view kind, subjects, payload, effective, recorded_at, author, hash;
};

struct VerifyResult {
    std::int64_t events = 0;
    bool ok = true;
    std::optional<EventId> first_bad_event;  // the first event that does not match
    std::string problem;                     // what does not match, in a sentence
};

// One piece of text `rectrack search` found (store_search.cpp).
struct SearchHit {
    std::string subject;  // rec:R4, measure:dsa or evidence:E3
    std::string field;    // title, text, identifiers, url, publisher, note, status note, ...
    EventId event = 0;    // the event the text comes from
    std::string snippet;  // the matching words in [brackets], with some context
    double rank = 0;      // bm25: lower is better
};

class Projector;
class DigestWatch;
class DeferredIndexing;

class Store {
  public:
    // Opens (or creates) and migrates the database. Throws StorageError when
    // it is missing, not a rectrack database, newer than this binary, locked,
    // or (opened for reading) older than this binary and read-only.
    Store(const std::string& path, OpenOptions options);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static int latest_schema_version();
    int schema_version() const;

    // A write transaction, taken at once (BEGIN IMMEDIATE) so that a second
    // writer waits for the busy timeout instead of failing half-way. Rolls
    // back unless committed: a command records everything or nothing.
    class Transaction {
      public:
        explicit Transaction(Store& store);
        ~Transaction();
        void commit();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

      private:
        Store& store_;
        bool done_ = false;
    };

    // Appends an event: assigns its id, sets recorded_at to `now` (never
    // earlier than the previous event's), chains its hash, and applies it to
    // the projections. Returns the event as recorded.
    Event append(Transaction& tx, Event e, const std::string& now);
    // Appends an event exactly as given (journal import): its id must be the
    // next one and its hash must match, or nothing is written.
    void append_verbatim(Transaction& tx, const Event& e);

    // Loading a whole journal into an empty one (bulk_load.cpp): from here
    // until finish(), the indexes queries use, the search index and the
    // checksums are not kept row by row but built once by finish(), in the
    // same transaction. Destroyed unfinished, it leaves the rollback to
    // restore them.
    class BulkLoad {
      public:
        BulkLoad(Store& store, Transaction& tx);
        ~BulkLoad();
        BulkLoad(const BulkLoad&) = delete;
        BulkLoad& operator=(const BulkLoad&) = delete;
        void finish();

      private:
        Store& store_;
        std::unique_ptr<DeferredIndexing> deferred_;
    };

    // --- the journal ---
    std::optional<Event> event(EventId id) const;
    // The last event recorded by `as_recorded`; 0 for an empty journal.
    EventId last_event_id(AsRecorded as_recorded = {}) const;
    std::vector<Event> log(const LogFilter& filter) const;
    // Every event in order; with `up_to`, those up to that id: a prefix of
    // the append-only journal that a writer meanwhile cannot change.
    void for_each_event(const std::function<void(const Event&)>& visit,
                        std::optional<EventId> up_to = {}) const;
    // The same events as stored, unparsed, each with whether its text is
    // exactly what was hashed (the chain holds at it): only then is the text
    // the event as recorded, byte for byte (export writes it as it is).
    void for_each_stored_event(
        const std::function<void(const StoredEventText&, bool as_hashed)>& visit,
        std::optional<EventId> up_to = {}) const;
    std::optional<EventId> retracted_by(EventId id) const;
    VerifyResult verify(VerifyDepth depth = VerifyDepth::checksums) const;

    // --- projections (store_queries.cpp) ---
    StatusScale scale() const;
    std::vector<Report> reports() const;
    std::optional<Report> report(const std::string& key) const;
    std::optional<Recommendation> recommendation(const std::string& key,
                                                 AsRecorded as_recorded = {}) const;
    std::vector<Recommendation> recommendations(AsRecorded as_recorded = {}) const;
    std::vector<std::string> parts(const std::string& key, AsRecorded as_recorded = {}) const;
    std::vector<StatusChange> status_history(const std::string& rec,
                                             AsRecorded as_recorded = {}) const;
    // The status `rec` holds now and the date its latest run of that status
    // began; nullopt before its first change. Reads the covering index from
    // the end, so a long history costs no more than a short one.
    struct StatusRun {
        std::string status;
        Date since;
    };
    std::optional<StatusRun> current_status_run(const std::string& rec) const;
    // Every recommendation's, or only `only`'s and its parts'.
    std::vector<RecommendationSummary> summaries(const std::string& only = {}) const;
    std::optional<Measure> measure(const std::string& key, AsRecorded as_recorded = {}) const;
    std::vector<Measure> measures(AsRecorded as_recorded = {}) const;
    // The recorded key that equals `key` ignoring case, if any.
    std::optional<std::string> recommendation_key_any_case(const std::string& key,
                                                           AsRecorded as_recorded = {}) const;
    std::optional<std::string> measure_key_any_case(const std::string& key) const;
    std::vector<MeasureStage> stages(const std::string& measure, AsRecorded as_recorded = {}) const;
    std::optional<Link> active_link(const std::string& rec, const std::string& measure) const;
    std::vector<Link> links_of_rec(const std::string& rec, AsRecorded as_recorded = {}) const;
    std::vector<Link> links_of_measure(const std::string& measure) const;
    std::optional<Evidence> evidence(EvidenceId id) const;
    std::optional<Evidence> evidence_by_url(const std::string& url) const;
    // Sources whose URL has this comparable form (ids/url.hpp), through an index.
    std::vector<Evidence> evidence_by_url_form(const std::string& form) const;
    std::vector<Evidence> evidence_list(AsRecorded as_recorded = {}) const;
    std::vector<EvidenceId> evidence_of(const std::string& subject) const;  // attached
    std::vector<EvidenceId> evidence_of_rec(const std::string& rec) const;  // cited or attached
    std::vector<Note> notes(const std::string& subject) const;
    // The follow-up entries of a recommendation, or of all when `rec` is
    // empty, by recommendation, effective date, then event
    // (store_follow_ups.cpp).
    std::vector<FollowUp> follow_ups(const std::string& rec = {},
                                     AsRecorded as_recorded = {}) const;
    // The best `limit` pieces of text holding every one of `phrases` (each
    // matched as a phrase of words, in any case), best first.
    std::vector<SearchHit> search(const std::vector<std::string>& phrases, int limit) const;
    EvidenceId next_evidence_id() const;
    std::optional<EvidenceCapture> latest_capture(EvidenceId id) const;
    // How each evidence item fared in the audits recorded by `as_recorded`;
    // only `only` when given.
    std::map<EvidenceId, EvidenceHealth> evidence_health(std::optional<EvidenceId> only = {},
                                                         AsRecorded as_recorded = {}) const;
    // The latest effective date of any event about each recommendation.
    std::map<std::string, Date> last_activity() const;

    // --- whole-journal views for reports: linear in the journal, read once ---
    // Every status change that holds as recorded at `as_recorded`, by
    // recommendation, effective date, then event.
    std::vector<StatusChange> all_status_changes(AsRecorded as_recorded) const;
    // The same changes in the order they were recorded, one at a time: a
    // single pass over the tables that holds none of them in memory.
    void for_each_status_change(const std::function<void(StatusChange&&)>& visit,
                                AsRecorded as_recorded) const;
    // Only what says where a recommendation stood, by recommendation, date
    // and event: one pass along an index that holds all of it, without the
    // journal's rows (note, author, time of recording), most of the file.
    // The views live until the visit returns.
    struct StatusPoint {
        EventId event = 0;
        std::string_view rec, status;
        Date date;
    };
    void for_each_status_point(const std::function<void(const StatusPoint&)>& visit,
                               AsRecorded as_recorded) const;
    // Every source cited (by a status change or a response), by event, then
    // source: pair them with the events that hold as recorded.
    void for_each_citation(
        const std::function<void(EventId event, EvidenceId source)>& visit) const;
    // Links that hold on `date` as recorded at `as_recorded`.
    std::vector<Link> links_on(Date date, AsRecorded as_recorded) const;
    std::vector<MeasureStage> all_stages(AsRecorded as_recorded) const;
    // Events effective in [from, to], or recorded in that span, as recorded at
    // `as_recorded`, each with the instant of the correction that retracted
    // it by then, if any, in the order recorded. Handed over one at a time:
    // a quarter of a million-event journal held at once was 25 MB.
    struct DatedEvent {
        Event event;
        std::optional<std::string> retracted_at;
    };
    void for_each_event_between(Date from, Date to, AsRecorded as_recorded,
                                const std::function<void(const DatedEvent&)>& visit) const;
    // Evidence attached to any subject, as recorded at `as_recorded`.
    std::vector<std::pair<std::string, EvidenceId>> all_attachments(AsRecorded as_recorded) const;
    // How many current facts still rest on a measure or an evidence item, so
    // that retracting its addition would leave them dangling.
    // The standing events that would dangle if the measure's or the source's
    // adding were retracted: links, stages and attachments; citing status
    // changes and attachments.
    std::vector<EventId> dependents_of_measure(const std::string& key) const;
    std::vector<EventId> dependents_of_evidence(EvidenceId id) const;

    // --- archived copies: a content-addressed object store (store_objects.cpp) ---
    // An object as exported: the content zlib-compressed, its size and hash.
    struct StoredObject {
        std::string sha256;
        std::int64_t size = 0;
        std::string zlib;
    };
    // Keeps `content` once under its SHA-256, which it returns.
    std::string put_object(Transaction& tx, const std::string& content);
    // Keeps an exported object after checking that it holds what its hash
    // says; throws InputError otherwise.
    void put_object(Transaction& tx, const StoredObject& object);
    // The content kept under `sha256`, if any. Throws StorageError if the
    // bytes no longer match their hash.
    std::optional<std::string> object(const std::string& sha256) const;
    void for_each_object(const std::function<void(const StoredObject&)>& visit) const;
    // The copies taken of each source by `as_recorded`, the latest last; only
    // `only` when given.
    std::map<EvidenceId, std::vector<EvidenceArchive>> archives(std::optional<EvidenceId> only = {},
                                                                AsRecorded as_recorded = {}) const;
    // The first archive whose object is missing or does not match its hash,
    // described in a sentence; nullopt when every copy is intact.
    std::optional<std::string> check_archives() const;

  private:
    friend class Transaction;
    friend class BulkLoad;
    std::string path_;
    int busy_timeout_ms_;
    bool immutable_ = false;  // read without locks: see open_for_reading()
    bool building_ = false;   // Access::build: turns to WAL when closed
    std::unique_ptr<SQLite::Database> db_;
    // Keeps the projections' checksums as this connection writes (writers
    // only); after db_, so that it lets go of the connection first.
    std::unique_ptr<DigestWatch> digests_;
    // Statements prepared once and reused (statement()); after db_, so that
    // they are finalized before the connection closes.
    mutable std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
    SQLite::Statement& statement(const std::string& sql) const;
    void reset_statements() const;
    std::unique_ptr<Projector> projector_;
    void connect(int flags, const std::string& name);
    int open_for_reading();
    void upgrade_for_reading(int version);
    void use_wal();
    void use_memory_journal();
    void migrate();
    std::optional<VerifyResult> verify_snapshot(VerifyDepth depth) const;
    std::vector<RecommendationSummary> all_summaries() const;
    // How many recommendations had been recorded: for sizing a list of them
    // once, as one grown by doubling moved each several times and held room
    // for half as many again.
    std::size_t recommendation_count(AsRecorded as_recorded) const;
};

// A date read from the database. Every date was checked on its way in, so
// one that does not parse means the file was damaged or edited: a
// StorageError, never a substitute date.
Date stored_date(std::string_view text);

// Turns SQLite's exceptions into StorageError with a message a user can act
// on (locked, corrupt, read-only); other exceptions pass through unchanged.
[[noreturn]] void rethrow_as_storage_error(const std::string& path);

// Applies events to the projection tables of one database
// (store_projection.cpp): the only code that writes projections.
class Projector {
  public:
    explicit Projector(SQLite::Database& db);
    ~Projector();
    void apply(const Event& e);

  private:
    SQLite::Database& db_;
    std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> literal_statements_;
    template <typename Sql, typename... Args>
    void exec(const Sql& sql, const Args&... args);
    SQLite::Statement& prepared(const std::string& sql);
    SQLite::Statement& prepared(const char* sql);
    void retract(const Event& correction);
    void follow_up(const Event& e, const char* field, const std::string& value,
                   const std::string& note);

  public:
    // What an event adds to or takes from the search index; apply() calls it
    // last, and an upgrade to schema 10 replays it over the journal.
    void index(const Event& e);

  private:
    void index_entity(const std::string& subject);
    void index_note(const std::string& subject, const char* field, const Event& e,
                    const std::string& text);
    std::map<std::string, std::string> current_fields(const std::string& subject,
                                                      EventId& added_by);
};

}  // namespace rectrack
