// Archived copies of sources. The bytes are kept once per content, under
// their SHA-256 and compressed with zlib, as git keeps its objects; the
// journal's `evidence_archived` events say which source each copy is of and
// when it was taken. An object is never rewritten: a second copy of the same
// content is the same object.
#include <SQLiteCpp/SQLiteCpp.h>
#include <zlib.h>

#include "model/error.hpp"
#include "model/sha256.hpp"
#include "store/store.hpp"
#include "store/valid_sql.hpp"

namespace rectrack {

namespace {

std::string deflate_bytes(const std::string& content) {
    uLongf size = compressBound(content.size());
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                  reinterpret_cast<const Bytef*>(content.data()), content.size(),
                  Z_BEST_COMPRESSION) != Z_OK)
        throw std::runtime_error("zlib could not compress a copy");
    out.resize(size);
    return out;
}

// The content of `zlib`, which must be exactly `size` bytes; nullopt if the
// stream is damaged or of another size.
std::optional<std::string> inflate_bytes(const std::string& zlib, std::int64_t size) {
    // zlib cannot expand data more than about 1032 to 1: a larger size is a
    // lie, and believing it would allocate whatever an imported file asks.
    constexpr std::int64_t kMaxRatio = 1032;
    if (size < 0 || size > static_cast<std::int64_t>(zlib.size()) * kMaxRatio + 64)
        return std::nullopt;
    std::string out(static_cast<std::size_t>(size), '\0');
    uLongf got = out.size();
    // uncompress() needs a non-null buffer even for empty content.
    char empty = 0;
    Bytef* into =
        out.empty() ? reinterpret_cast<Bytef*>(&empty) : reinterpret_cast<Bytef*>(out.data());
    if (uncompress(into, &got, reinterpret_cast<const Bytef*>(zlib.data()), zlib.size()) != Z_OK ||
        got != out.size())
        return std::nullopt;
    return out;
}

std::string blob(const SQLite::Column& c) {
    return std::string(static_cast<const char*>(c.getBlob()),
                       static_cast<std::size_t>(c.getBytes()));
}

void insert_object(SQLite::Database& db, const std::string& sha256, std::int64_t size,
                   const std::string& zlib) {
    SQLite::Statement ins(db, "INSERT OR IGNORE INTO objects(sha256, size, zlib) VALUES (?,?,?)");
    ins.bind(1, sha256);
    ins.bind(2, static_cast<int64_t>(size));
    ins.bind(3, zlib.data(), static_cast<int>(zlib.size()));
    ins.exec();
}

EvidenceArchive read_archive(SQLite::Statement& q) {
    EvidenceArchive a;
    a.event = q.getColumn(0).getInt64();
    a.evidence = q.getColumn(1).getInt64();
    a.sha256 = q.getColumn(2).getString();
    a.size = q.getColumn(3).getInt64();
    a.content_type = q.getColumn(4).getString();
    a.final_url = q.getColumn(5).getString();
    a.http_status = q.getColumn(6).getInt();
    a.fetched_at = q.getColumn(7).getString();
    for (const auto& h : nlohmann::json::parse(q.getColumn(8).getString()))
        a.headers.emplace_back(h.at(0).get<std::string>(), h.at(1).get<std::string>());
    a.recorded_at = q.getColumn(9).getString();
    return a;
}

}  // namespace

std::string Store::put_object(Transaction&, const std::string& content) {
    const std::string sha256 = sha256_hex(content);
    insert_object(*db_, sha256, static_cast<std::int64_t>(content.size()), deflate_bytes(content));
    return sha256;
}

void Store::put_object(Transaction&, const StoredObject& o) {
    const auto content = inflate_bytes(o.zlib, o.size);
    if (!content)
        throw InputError("object " + o.sha256 + " is not " + std::to_string(o.size) +
                         " bytes of zlib-compressed content");
    if (sha256_hex(*content) != o.sha256)
        throw InputError("object " + o.sha256 + " does not hold what its hash says");
    insert_object(*db_, o.sha256, o.size, o.zlib);
}

std::optional<std::string> Store::object(const std::string& sha256) const {
    SQLite::Statement q(*db_, "SELECT size, zlib FROM objects WHERE sha256 = ?");
    q.bind(1, sha256);
    if (!q.executeStep()) return std::nullopt;
    auto content = inflate_bytes(blob(q.getColumn(1)), q.getColumn(0).getInt64());
    if (!content || sha256_hex(*content) != sha256)
        throw StorageError("the archived copy " + sha256 +
                           " is damaged: its bytes do not match its hash");
    return content;
}

void Store::for_each_object(const std::function<void(const StoredObject&)>& visit) const {
    SQLite::Statement q(*db_, "SELECT sha256, size, zlib FROM objects ORDER BY sha256");
    while (q.executeStep())
        visit({q.getColumn(0).getString(), q.getColumn(1).getInt64(), blob(q.getColumn(2))});
}

std::map<EvidenceId, std::vector<EvidenceArchive>> Store::archives(std::optional<EvidenceId> only,
                                                                   AsRecorded as_recorded) const {
    SQLite::Statement q(
        *db_,
        "SELECT a.event_id, a.evidence_id, a.sha256, a.size, a.content_type, a.final_url, "
        "a.http_status, a.fetched_at, a.headers, a.recorded_at FROM evidence_archives a "
        "WHERE " VALID(
            "a") " AND (:only IS NULL OR a.evidence_id = :only) ORDER BY a.evidence_id, "
                 "a.event_id");
    q.bind(":t", as_recorded.bound());
    if (only) q.bind(":only", static_cast<int64_t>(*only));
    std::map<EvidenceId, std::vector<EvidenceArchive>> out;
    while (q.executeStep()) {
        EvidenceArchive a = read_archive(q);
        out[a.evidence].push_back(std::move(a));
    }
    return out;
}

std::optional<std::string> Store::check_archives() const {
    // Every copy an event names, retracted or not: the journal vouches for
    // all of them.
    SQLite::Statement q(*db_,
                        "SELECT a.event_id, a.evidence_id, a.sha256 FROM evidence_archives a "
                        "ORDER BY a.event_id");
    while (q.executeStep()) {
        const std::string what = "the copy of " + evidence_ref(q.getColumn(1).getInt64()) +
                                 " archived by event #" + q.getColumn(0).getString();
        try {
            if (!object(q.getColumn(2).getString())) return what + " is missing from the database";
        } catch (const StorageError&) {
            return what + " is damaged: its bytes do not match its hash";
        }
    }
    return std::nullopt;
}

}  // namespace rectrack
