// Recommendation summaries (`recs`, `show`). One recommendation and its
// parts are looked up through indexes; every recommendation at once is a
// few passes over whole tables in the order they are stored or indexed,
// since at 100,000 recommendations and a million events the look-ups were a
// million random seeks into the citations alone.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <unordered_map>

#include "store/store.hpp"
#include "store/store_rows.hpp"
#include "store/tag_changes.hpp"
#include "store/valid_sql.hpp"

namespace rectrack {

namespace {

// Where each recommendation's summary is, and its parent's for a part: what
// a part has counts for its parent too.
class Family {
  public:
    explicit Family(const std::vector<RecommendationSummary>& all) {
        for (std::size_t i = 0; i < all.size(); ++i) position_.emplace(all[i].rec.key, i);
        parent_.resize(all.size(), kNone);
        for (std::size_t i = 0; i < all.size(); ++i)
            if (auto p = position_.find(all[i].rec.parent); p != position_.end())
                parent_[i] = p->second;
    }

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t of(const std::string& key) const {
        const auto it = position_.find(key);
        return it == position_.end() ? kNone : it->second;
    }

    // (recommendation, value) pairs, each counted for the recommendation's
    // parent too: one flat array, as 100,000 small ones cost more in
    // allocation than in counting.
    template <typename T>
    using Values = std::vector<std::pair<std::size_t, T>>;

    template <typename T>
    void add(Values<T>& values, std::size_t i, T value) const {
        values.emplace_back(i, value);
        if (parent_[i] != kNone) values.emplace_back(parent_[i], std::move(value));
    }

    // How many different values each recommendation has, its parts' included,
    // from (key, value) rows.
    template <typename T>
    std::vector<int> distinct_counts(SQLite::Statement& rows, std::size_t size) const {
        Values<T> values;
        while (rows.executeStep())
            if (const std::size_t i = of(rows.getColumn(0).getString()); i != kNone)
                add(values, i, static_cast<T>(rows.getColumn(1)));
        return distinct(values, size);
    }

    template <typename T>
    static std::vector<int> distinct(Values<T>& values, std::size_t size) {
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        std::vector<int> counts(size);
        for (const auto& v : values) ++counts[v.first];
        return counts;
    }

  private:
    std::unordered_map<std::string, std::size_t> position_;
    std::vector<std::size_t> parent_;
};

void mark(std::vector<std::uint32_t>& rec_of_event, std::int64_t event, std::size_t rec) {
    const auto e = static_cast<std::size_t>(event);
    if (rec != Family::kNone && e < rec_of_event.size())
        rec_of_event[e] = static_cast<std::uint32_t>(rec + 1);
}

}  // namespace

std::vector<RecommendationSummary> Store::summaries(const std::string& only) const {
    if (only.empty()) return all_summaries();
        // One recommendation and its parts: correlated look-ups on indexed
        // columns, whose cost never grows with the length of the journal. A
        // recommendation's measures and evidence include those of its parts.
#define FAMILY(col)                                              \
    " (" col " = r.key OR " col                                  \
    " IN (SELECT p.key FROM recommendations p WHERE p.parent = " \
    "r.key)) "
    SQLite::Statement& q = statement(
        "SELECT " + rec_fields() + ", "
        // The status, and since when: the first change of the latest run of
        // that status, so that repeating a status does not reset "since".
        " (SELECT s.status || ' ' || (SELECT min(f.effective) FROM status_changes f WHERE "
        "   f.rec = r.key AND f.status = s.status AND " VALID("f") " AND NOT EXISTS (SELECT 1 "
        "   FROM status_changes d WHERE d.rec = r.key AND d.status <> s.status AND " VALID("d")
        "   AND (d.effective, d.event_id) > (f.effective, f.event_id))) "
        "  FROM status_changes s WHERE s.rec = r.key AND "
        VALID("s") " ORDER BY s.effective DESC, s.event_id DESC LIMIT 1), "
        " (SELECT count(DISTINCT l.measure) FROM links l WHERE " FAMILY("l.rec") " AND " VALID("l")
        "   AND NOT EXISTS (SELECT 1 FROM unlinks u WHERE u.link_event = l.event_id AND " VALID("u")
        ")), "
        " (SELECT count(*) FROM (SELECT c.evidence_id FROM citations c JOIN status_changes s ON "
        "   s.event_id = c.event_id WHERE " FAMILY("s.rec") " AND " VALID("s")
        "   UNION SELECT c.evidence_id FROM citations c JOIN follow_ups f ON "
        "   f.event_id = c.event_id WHERE " FAMILY("f.rec") " AND " VALID("f")
        // By the whole subject, which the index on it can find.
        "   UNION SELECT a.evidence_id FROM attachments a WHERE (a.subject = 'rec:' || r.key OR "
        "   a.subject IN (SELECT 'rec:' || p.key FROM recommendations p WHERE p.parent = r.key)) "
        "   AND " VALID("a") ")) "
        // Through the indexes on key and parent; "(:only = '' OR ...)" would
        // read every recommendation to find one.
        "FROM recommendations r WHERE r.recorded_at <= :t AND (r.key = :only OR r.parent = "
        ":only)" + std::string(kRecOrder));
#undef FAMILY
    q.bind(":t", AsRecorded{}.bound());
    q.bind(":only", only);
    const StatusScale sc = scale();
    const TagChanges tags(statement(TagChanges::kQuery), AsRecorded{});
    std::vector<RecommendationSummary> out;
    while (q.executeStep()) {
        RecommendationSummary s;
        s.rec = read_rec(q);
        tags.apply(rec_subject(s.rec.key), s.rec.themes, &s.rec.addressees);
        s.status = sc.levels.empty() ? "" : sc.lowest();
        if (!q.getColumn(9).isNull()) {
            const std::string v = q.getColumn(9).getString();
            s.status = v.substr(0, v.find(' '));
            s.status_since = parse_date(v.substr(v.find(' ') + 1));
        }
        s.measures = q.getColumn(10).getInt();
        s.evidence = q.getColumn(11).getInt();
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<RecommendationSummary> Store::all_summaries() const {
    const std::string now = AsRecorded{}.bound();
    std::vector<RecommendationSummary> out;
    const StatusScale sc = scale();
    const TagChanges tags(statement(TagChanges::kQuery), AsRecorded{});
    SQLite::Statement recs(*db_, "SELECT " + rec_fields() +
                                     "FROM recommendations r WHERE r.recorded_at <= :t" +
                                     std::string(kRecOrder));
    recs.bind(":t", now);
    // Sized first: at 100,000 recommendations of 568 bytes each, growing
    // the list by doubling was a sixth of `recs` in page faults and moves.
    out.reserve(recommendation_count(AsRecorded{}));
    while (recs.executeStep()) {
        RecommendationSummary s;
        s.rec = read_rec(recs);
        tags.apply(rec_subject(s.rec.key), s.rec.themes, &s.rec.addressees);
        s.status = sc.levels.empty() ? "" : sc.lowest();
        out.push_back(std::move(s));
    }
    const Family family(out);
    // Which recommendation each status change and response is about, by
    // event (its position plus one): the citations are then read in their
    // stored order and placed without a key looked up for each, which was
    // half of `recs` at a million events.
    std::vector<std::uint32_t> rec_of_event(static_cast<std::size_t>(last_event_id()) + 1, 0);
    // Each status, and since when: the first change of the latest run of
    // that status, so that repeating a status does not reset "since".
    std::string rec;
    std::size_t at = Family::kNone;
    for_each_status_point(
        [&](const StatusPoint& c) {
            if (c.rec != rec || rec.empty()) {
                rec = c.rec;
                at = family.of(rec);
                if (at != Family::kNone) out[at].status.clear();
            }
            if (at == Family::kNone) return;
            mark(rec_of_event, c.event, at);
            if (c.status != out[at].status) {
                out[at].status = c.status;
                out[at].status_since = c.date;
            }
        },
        AsRecorded{});
    SQLite::Statement responses(*db_,
                                "SELECT f.event_id, f.rec FROM follow_ups f WHERE " VALID("f"));
    responses.bind(":t", now);
    while (responses.executeStep())
        mark(rec_of_event, responses.getColumn(0).getInt64(),
             family.of(responses.getColumn(1).getString()));

    // Sources cited by status changes and responses, or attached; measures
    // linked and not unlinked: each table read in its stored order.
    Family::Values<std::int64_t> sources;
    for_each_citation([&](EventId event, EvidenceId source) {
        const auto e = static_cast<std::size_t>(event);
        if (e < rec_of_event.size() && rec_of_event[e] != 0)
            family.add(sources, rec_of_event[e] - 1, std::int64_t{source});
    });
    SQLite::Statement attached(*db_,
                               "SELECT substr(a.subject, 5), a.evidence_id FROM attachments a "
                               "WHERE a.subject LIKE 'rec:%' AND " VALID("a"));
    attached.bind(":t", now);
    while (attached.executeStep())
        if (const auto i = family.of(attached.getColumn(0).getString()); i != Family::kNone)
            family.add(sources, i, attached.getColumn(1).getInt64());
    const std::vector<int> evidence = Family::distinct(sources, out.size());
    SQLite::Statement measures(*db_,
                               "SELECT l.rec, l.measure FROM links l WHERE " VALID(
                                   "l") " AND NOT EXISTS (SELECT 1 FROM unlinks u WHERE "
                                        "u.link_event = l.event_id AND " VALID("u") ")");
    measures.bind(":t", now);
    const std::vector<int> linked = family.distinct_counts<std::string>(measures, out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].evidence = evidence[i];
        out[i].measures = linked[i];
    }
    return out;
}

}  // namespace rectrack
