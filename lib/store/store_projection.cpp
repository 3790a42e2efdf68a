// Applies journal events to the projection tables. This is the only code that
// writes projections, both when an event is appended and when verify()
// rebuilds them, so the two can never disagree by construction.
#include <SQLiteCpp/SQLiteCpp.h>

#include "ids/url.hpp"
#include "model/error.hpp"
#include "store/projector_exec.hpp"
#include "store/store.hpp"

namespace rectrack {

namespace {

using nlohmann::json;

std::string array_text(const json& p, const char* field) {
    auto it = p.find(field);
    return it != p.end() && it->is_array() ? it->dump() : std::string("[]");
}

// The projection table that holds the row an event of this kind created, for
// corrections to stamp; nullptr for kinds that cannot be retracted.
const char* fact_table(EventKind k) {
    switch (k) {
        case EventKind::status_changed:
            return "status_changes";
        case EventKind::stage_reached:
            return "stages";
        case EventKind::measure_linked:
            return "links";
        case EventKind::measure_unlinked:
            return "unlinks";
        case EventKind::note_added:
            return "notes";
        case EventKind::evidence_attached:
            return "attachments";
        case EventKind::measure_added:
            return "measures";
        case EventKind::evidence_added:
            return "evidence";
        case EventKind::evidence_captured:
            return "evidence_captures";
        case EventKind::evidence_archived:
            return "evidence_archives";
        case EventKind::amended:
            return "amendments";
        case EventKind::tags_changed:
            return "tag_changes";
        case EventKind::owner_set:
        case EventKind::target_set:
        case EventKind::response_recorded:
            return "follow_ups";
        case EventKind::scale_set:
        case EventKind::report_added:
        case EventKind::recommendation_added:
        case EventKind::correction:
        case EventKind::audit_recorded:
            return nullptr;
    }
    return nullptr;
}

}  // namespace

Projector::Projector(SQLite::Database& db) : db_(db) {}
Projector::~Projector() = default;

void Projector::retract(const Event& correction) {
    const EventId target = correction.payload.at("retracts").get<EventId>();
    // The correction names the kind it retracts, so that replaying it needs
    // nothing but the event itself (verify() rebuilds without the journal).
    const auto target_kind = parse_event_kind(str(correction.payload, "retracts_kind"));
    const char* table = target_kind ? fact_table(*target_kind) : nullptr;
    if (!table) throw InputError("event #" + std::to_string(target) + " cannot be retracted");
    const std::string sql = std::string("UPDATE ") + table +
                            " SET retracted_at = ?, retracted_by = ? WHERE event_id = ?";
    exec(sql, correction.recorded_at, correction.id, target);
    exec("INSERT INTO corrections(event_id, retracts, reason, recorded_at) VALUES (?,?,?,?)",
         correction.id, target, str(correction.payload, "reason"), correction.recorded_at);
}

// An owner, a target or a response; a response's sources are citations.
void Projector::follow_up(const Event& e, const char* field, const std::string& value,
                          const std::string& note) {
    exec(
        "INSERT INTO follow_ups(event_id, rec, field, value, note, effective, recorded_at) "
        "VALUES (?,?,?,?,?,?,?)",
        e.id, str(e.payload, "rec"), field, value, note, e.effective.str(), e.recorded_at);
    for (const auto& id : e.payload.value("evidence", json::array()))
        exec("INSERT INTO citations(event_id, evidence_id) VALUES (?,?)", e.id,
             id.get<EvidenceId>());
}

// A table: each kind of event and the projection rows it writes.
void Projector::apply(const Event& e) {
    const json& p = e.payload;
    const std::string eff = e.effective.str();
    for (const auto& s : e.subjects)
        exec("INSERT INTO event_subjects(subject, event_id) VALUES (?, ?)", s, e.id);

    switch (e.kind) {
        case EventKind::scale_set: {
            db_.exec("DELETE FROM scale");
            int rank = 0;
            for (const auto& level : p.at("statuses"))
                exec("INSERT INTO scale(rank, name, label, closed) VALUES (?,?,?,?)", rank++,
                     str(level, "name"), str(level, "label"), level.value("closed", false) ? 1 : 0);
            break;
        }
        case EventKind::report_added: {
            exec(
                "INSERT INTO reports(key, title, author, publisher, issued, url, event_id, "
                "issued_precision) VALUES (?,?,?,?,?,?,?,?)",
                str(p, "key"), str(p, "title"), str(p, "author"), str(p, "publisher"),
                str(p, "issued"), str(p, "url"), e.id, p.value("issued_precision", "day"));
            break;
        }
        case EventKind::recommendation_added: {
            exec(
                "INSERT INTO recommendations(key, report, number, parent, title, text, addressees, "
                "themes, event_id, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                str(p, "key"), str(p, "report"), p.value("number", 0), str(p, "parent"),
                str(p, "title"), str(p, "text"), array_text(p, "addressees"),
                array_text(p, "themes"), e.id, e.recorded_at);
            break;
        }
        case EventKind::status_changed: {
            exec(
                "INSERT INTO status_changes(event_id, rec, status, effective, note, recorded_at) "
                "VALUES (?,?,?,?,?,?)",
                e.id, str(p, "rec"), str(p, "status"), eff, str(p, "note"), e.recorded_at);
            if (p.contains("evidence"))
                for (const auto& id : p["evidence"])
                    exec("INSERT INTO citations(event_id, evidence_id) VALUES (?,?)", e.id,
                         id.get<EvidenceId>());
            break;
        }
        case EventKind::measure_added: {
            exec(
                "INSERT INTO measures(key, title, type, institutions, celex, eli, com_ref, "
                "procedure, url, event_id, recorded_at, themes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                str(p, "key"), str(p, "title"), str(p, "type"), array_text(p, "institutions"),
                str(p, "celex"), str(p, "eli"), str(p, "com_ref"), str(p, "procedure"),
                str(p, "url"), e.id, e.recorded_at, array_text(p, "themes"));
            break;
        }
        case EventKind::stage_reached: {
            exec(
                "INSERT INTO stages(event_id, measure, stage, effective, recorded_at, label) "
                "VALUES (?,?,?,?,?,?)",
                e.id, str(p, "measure"), str(p, "stage"), eff, e.recorded_at, str(p, "label"));
            break;
        }
        case EventKind::measure_linked: {
            exec(
                "INSERT INTO links(event_id, rec, measure, relation, note, effective, recorded_at) "
                "VALUES (?,?,?,?,?,?,?)",
                e.id, str(p, "rec"), str(p, "measure"), str(p, "relation"), str(p, "note"), eff,
                e.recorded_at);
            break;
        }
        case EventKind::measure_unlinked: {
            exec(
                "INSERT INTO unlinks(event_id, link_event, reason, effective, recorded_at) "
                "VALUES (?,?,?,?,?)",
                e.id, p.at("link_event").get<EventId>(), str(p, "reason"), eff, e.recorded_at);
            break;
        }
        case EventKind::evidence_added: {
            exec(
                "INSERT INTO evidence(id, url, title, publisher, published, accessed, archive_url, "
                "sha256, kind, bearing, event_id, recorded_at, url_form) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                p.at("id").get<EvidenceId>(), str(p, "url"), str(p, "title"), str(p, "publisher"),
                str(p, "published"), str(p, "accessed"), str(p, "archive_url"), str(p, "sha256"),
                str(p, "kind"), str(p, "bearing"), e.id, e.recorded_at,
                comparable_url(str(p, "url")));
            break;
        }
        case EventKind::evidence_attached: {
            exec(
                "INSERT INTO attachments(event_id, evidence_id, subject, effective, recorded_at) "
                "VALUES (?,?,?,?,?)",
                e.id, p.at("evidence").get<EvidenceId>(), str(p, "to"), eff, e.recorded_at);
            break;
        }
        case EventKind::note_added: {
            exec(
                "INSERT INTO notes(event_id, subject, text, effective, recorded_at) VALUES "
                "(?,?,?,?,?)",
                e.id, str(p, "subject"), str(p, "text"), eff, e.recorded_at);
            break;
        }
        case EventKind::evidence_captured: {
            exec(
                "INSERT INTO evidence_captures(event_id, evidence_id, sha256, text_sha256, etag, "
                "last_modified, final_url, http_status, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)",
                e.id, p.at("evidence").get<EvidenceId>(), str(p, "sha256"), str(p, "text_sha256"),
                str(p, "etag"), str(p, "last_modified"), str(p, "final_url"),
                p.value("http_status", 0), e.recorded_at);
            break;
        }
        case EventKind::evidence_archived: {
            exec(
                "INSERT INTO evidence_archives(event_id, evidence_id, sha256, size, content_type, "
                "final_url, http_status, fetched_at, headers, recorded_at) VALUES "
                "(?,?,?,?,?,?,?,?,?,?)",
                e.id, p.at("evidence").get<EvidenceId>(), str(p, "sha256"),
                p.value("size", std::int64_t{0}), str(p, "content_type"), str(p, "final_url"),
                p.value("http_status", 0), str(p, "fetched_at"),
                p.value("headers", json::array()).dump(), e.recorded_at);
            break;
        }
        case EventKind::amended: {
            for (const auto& [field, value] : p.at("fields").items())
                exec(
                    "INSERT INTO amendments(event_id, subject, field, value, recorded_at) VALUES "
                    "(?,?,?,?,?)",
                    e.id, str(p, "subject"), field, value.get<std::string>(), e.recorded_at);
            break;
        }
        case EventKind::audit_recorded: {
            for (const auto& r : p.value("results", json::array()))
                exec(
                    "INSERT INTO evidence_checks(evidence_id, event_id, url, result, http_status, "
                    "final_url, attempts, detail, ok, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    r.at("evidence").get<EvidenceId>(), e.id, str(r, "url"), str(r, "result"),
                    r.value("http_status", 0), str(r, "final_url"), r.value("attempts", 0),
                    str(r, "detail"), r.value("ok", false) ? 1 : 0, e.recorded_at);
            break;
        }
        case EventKind::tags_changed: {
            for (const auto& [how, added] : {std::pair{"added", 1}, std::pair{"removed", 0}})
                for (const auto& [tag, field] :
                     {std::pair{"theme", "themes"}, std::pair{"addressee", "addressees"}})
                    for (const auto& v : p.value(how, json::object()).value(field, json::array()))
                        exec(
                            "INSERT INTO tag_changes(event_id, subject, tag, value, added, "
                            "recorded_at) VALUES (?,?,?,?,?,?)",
                            e.id, str(p, "subject"), tag, v.get<std::string>(), added,
                            e.recorded_at);
            break;
        }
        case EventKind::owner_set:
            follow_up(e, "owner", str(p, "owner"), "");
            break;
        case EventKind::target_set:
            follow_up(e, "target", str(p, "target"), str(p, "reason"));
            break;
        case EventKind::response_recorded:
            follow_up(e, "response", str(p, "response"), str(p, "note"));
            break;
        case EventKind::correction: {
            retract(e);
            break;
        }
    }
    index(e);
}

}  // namespace rectrack
