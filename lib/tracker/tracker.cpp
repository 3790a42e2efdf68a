#include "tracker/tracker.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ids/celex.hpp"
#include "ids/com_ref.hpp"
#include "ids/consistency.hpp"
#include "ids/eli.hpp"
#include "ids/procedure.hpp"
#include "ids/url.hpp"
#include "model/error.hpp"
#include "model/sha256.hpp"
#include "model/suggest.hpp"
#include "model/text.hpp"
#include "model/vocabulary.hpp"
#include "tracker/input_checks.hpp"
#include "tracker/lookup.hpp"

namespace rectrack {

namespace {

using nlohmann::json;

void require_key(const std::string& key, std::string_view what) {
    const bool ok =
        !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        });
    if (!ok)
        throw InputError("invalid " + std::string(what) + " key '" + key +
                         "': use letters, digits, '-', '_' and '.' (at most 64)");
}

// The fields given for a source already recorded that say something else,
// as `amend evidence` names them: never dropped without a word.
std::vector<std::string> differing(const Evidence& given, const Evidence& recorded) {
    std::vector<std::string> out;
    auto differs = [&](const char* option, const std::string& a, const std::string& b) {
        if (!a.empty() && a != b) out.emplace_back(option);
    };
    differs("--title", given.title, recorded.title);
    differs("--publisher", given.publisher, recorded.publisher);
    if (given.published && given.published != recorded.published) out.emplace_back("--published");
    differs("--archive", given.archive_url, recorded.archive_url);
    differs("--kind", given.kind, recorded.kind);
    differs("--bearing", given.bearing, recorded.bearing);
    return out;
}

// Adds a field only when it has a value: the payload then holds no nulls,
// which keeps it representable in TOML and its canonical bytes minimal.
void put(json& p, const char* field, const std::string& value) {
    if (!value.empty()) p[field] = value;
}

// The first field of a payload whose text is not UTF-8, if any: the journal
// is UTF-8 JSON, so such text can be neither hashed nor exported.
std::optional<std::string> non_utf8_field(const json& j, const std::string& name) {
    if (j.is_string()) {
        if (!valid_utf8(j.get_ref<const std::string&>())) return name;
    } else if (j.is_object()) {
        for (const auto& [k, v] : j.items())
            if (auto bad = non_utf8_field(v, k)) return bad;
    } else if (j.is_array()) {
        for (const auto& v : j)
            if (auto bad = non_utf8_field(v, name)) return bad;
    }
    return std::nullopt;
}

}  // namespace

Event Tracker::append(EventKind kind, std::vector<std::string> subjects, json payload,
                      Date effective) {
    if (auto bad = non_utf8_field(payload, "text"))
        throw InputError("the " + *bad + " is not valid UTF-8; enter it as UTF-8 text");
    for (const auto& s : subjects)
        if (!valid_utf8(s)) throw InputError("a key is not valid UTF-8; enter it as UTF-8 text");
    if (!valid_utf8(actor_.author))
        throw InputError("the author is not valid UTF-8; set it as UTF-8 text");
    Event e;
    e.kind = kind;
    e.subjects = std::move(subjects);
    e.payload = std::move(payload);
    e.effective = effective;
    e.author = actor_.author;
    return store_.append(tx_, std::move(e), actor_.now.str());
}

void Tracker::warn(const std::string& message) {
    if (strict_) throw InputError(message + " (refused: --strict)");
    warnings_.push_back(message);
}

// Warns of each disagreement among a measure's identifiers that is new since
// `before` (none for a measure being added).
void Tracker::warn_of_mismatches(const std::string& key, const std::vector<std::string>& before) {
    const auto m = store_.measure(key);
    if (!m) return;
    for (const auto& detail : identifier_mismatches(*m, store_.stages(key)))
        if (std::find(before.begin(), before.end(), detail) == before.end())
            warn("measure " + key + ": " + detail);
}

Recommendation Tracker::require_rec(const std::string& key) {
    return find_recommendation(store_, key);
}

Measure Tracker::require_measure(const std::string& key) {
    return find_measure(store_, key);
}

Date Tracker::past_or_today(std::optional<Date> date, std::string_view what) {
    const Date d = date.value_or(actor_.today());
    if (d > actor_.today())
        throw InputError(std::string(what) + " dated " + d.str() +
                         " is in the future; record it when it has happened");
    return d;
}

Event Tracker::set_scale(const StatusScale& scale, Date date) {
    if (scale.levels.empty()) throw InputError("a status scale needs at least one status");
    // Statuses already recorded must stay on the scale, or history would
    // point at nothing.
    for (const auto& c : store_.all_status_changes({}))
        if (!scale.find(c.status))
            throw InputError("the new status scale drops '" + c.status + "', which " + c.rec +
                             " already uses");
    json levels = json::array();
    std::set<std::string> names;
    for (const auto& l : scale.levels) {
        require_key(l.name, "status");
        if (!names.insert(l.name).second)
            throw InputError("the status scale lists '" + l.name + "' twice");
        levels.push_back({{"name", l.name},
                          {"label", l.label.empty() ? l.name : l.label},
                          {"closed", l.closed}});
    }
    return append(EventKind::scale_set, {"scale"}, {{"statuses", levels}}, date);
}

std::optional<Report> Tracker::report(const std::string& key) const {
    return store_.report(key);
}

StatusScale Tracker::scale() const {
    return store_.scale();
}

Event Tracker::add_report(const Report& r) {
    require_key(r.key, "report");
    require_text(r.title, "a report's title");
    if (store_.report(r.key)) throw InputError("report '" + r.key + "' already exists");
    json p = {{"key", r.key}, {"title", r.title}, {"issued", r.issued.str()}};
    put(p, "author", r.author);
    put(p, "publisher", r.publisher);
    if (r.issued_year_only) p["issued_precision"] = "year";
    if (!r.url.empty()) p["url"] = require_web_url(r.url, "report URL");
    return append(EventKind::report_added, {"report:" + r.key}, p, r.issued);
}

std::vector<Event> Tracker::add_recommendation(Recommendation r, std::optional<Date> date,
                                               const std::string& part_status) {
    require_key(r.key, "recommendation");
    require_text(r.title, "a recommendation's title");
    if (auto same = lookup_recommendation(store_, r.key))
        throw InputError("recommendation '" + same->key + "' already exists");
    // The parent's own standing, when adding a part splits a recommendation
    // that has a status history.
    std::optional<StatusChange> standing;
    if (!r.parent.empty()) {
        const auto parent = require_rec(r.parent);
        r.parent = parent.key;
        if (!parent.parent.empty())
            throw InputError("'" + r.parent + "' is itself a part; parts cannot have parts");
        if (auto history = store_.status_history(r.parent); !history.empty())
            standing = history.back();
        // A part belongs where its parent does.
        if (r.report.empty()) r.report = parent.report;
        if (r.number == 0) r.number = parent.number;
    }
    if (!part_status.empty() && !standing)
        throw InputError(
            "a starting status is given only when splitting a recommendation that "
            "has one; record it with `rectrack status " +
            r.key + "`");
    if (r.report.empty()) {
        const auto reports = store_.reports();
        if (reports.size() != 1)
            throw InputError("name the report (" + std::to_string(reports.size()) +
                             " are tracked)");
        r.report = reports.front().key;
    }
    const auto report = store_.report(r.report);
    if (!report) throw InputError("unknown report '" + r.report + "'");
    r.themes = clean_tags(r.themes, "theme");
    r.addressees = clean_tags(r.addressees, "addressee");
    json p = {{"key", r.key},     {"report", r.report},         {"number", r.number},
              {"title", r.title}, {"addressees", r.addressees}, {"themes", r.themes}};
    put(p, "parent", r.parent);
    put(p, "text", r.text);
    std::vector<std::string> subjects = {rec_subject(r.key)};
    if (!r.parent.empty()) subjects.push_back(rec_subject(r.parent));
    if (!standing)
        return {
            append(EventKind::recommendation_added, subjects, p, date.value_or(report->issued))};
    return split(r, p, subjects, *standing, date, part_status);
}

// Splitting keeps history: the parent's own status changes stay what they
// were, and each part starts, on the day of the split, where the parent
// stood (or at the status given), citing what the parent's standing cited.
std::vector<Event> Tracker::split(const Recommendation& part, const json& payload,
                                  const std::vector<std::string>& subjects,
                                  const StatusChange& standing, std::optional<Date> date,
                                  const std::string& part_status) {
    const Date day = past_or_today(date, "a split");
    if (day < standing.date)
        throw InputError("a split dated " + day.str() + " would come before " + part.parent +
                         "'s last status change (" + standing.date.str() + ")");
    std::vector<Event> events = {append(EventKind::recommendation_added, subjects, payload, day)};
    std::vector<std::string> cited;
    for (auto id : standing.evidence) cited.push_back(evidence_ref(id));
    events.push_back(set_status(part.key, part_status.empty() ? standing.status : part_status, day,
                                cited, "split from " + part.parent));
    return events;
}

std::vector<Event> Tracker::add_measure(MeasureInput in) {
    Measure& m = in.measure;
    require_key(m.key, "measure");
    require_text(m.title, "a measure's title");
    m.type = measure_types().require(m.type);
    if (auto same = lookup_measure(store_, m.key))
        throw InputError("measure '" + same->key + "' already exists");
    if (!m.celex.empty()) m.celex = value_or_throw(parse_celex(m.celex));
    if (!m.eli.empty()) m.eli = value_or_throw(parse_eli(m.eli));
    if (!m.com_ref.empty()) m.com_ref = value_or_throw(parse_com_ref(m.com_ref));
    if (!m.procedure.empty()) m.procedure = value_or_throw(parse_procedure(m.procedure));
    if (!m.url.empty()) m.url = require_web_url(m.url, "measure URL");
    for (auto& [stage, date] : in.stages) stage = measure_stages().require(stage);
    // A measure is added on its earliest stage, else today: its record then
    // never starts after the events that describe it.
    Date added = in.date.value_or(actor_.today());
    if (!in.date)
        for (const auto& [stage, date] : in.stages) added = std::min(added, date);

    m.themes = clean_tags(m.themes, "theme");
    json p = {
        {"key", m.key}, {"title", m.title}, {"type", m.type}, {"institutions", m.institutions}};
    if (!m.themes.empty()) p["themes"] = m.themes;
    put(p, "celex", m.celex);
    put(p, "eli", m.eli);
    put(p, "com_ref", m.com_ref);
    put(p, "procedure", m.procedure);
    put(p, "url", m.url);
    std::vector<Event> events = {
        append(EventKind::measure_added, {measure_subject(m.key)}, p, added)};
    for (const auto& [stage, date] : in.stages)
        events.push_back(record_stage(m.key, stage, date, ""));
    // Judged on the whole record: a publication in the CELEX year explains
    // an adoption the year before, whichever stage comes first.
    warn_of_mismatches(m.key, {});
    for (const auto& ref : in.evidence) events.push_back(attach_evidence(ref, m.key, added));
    return events;
}

Event Tracker::reach_stage(const std::string& measure_key, const std::string& stage_word, Date date,
                           const std::string& label) {
    const Measure m = require_measure(measure_key);
    const auto before = identifier_mismatches(m, store_.stages(m.key));
    Event e = record_stage(m.key, stage_word, date, label);
    warn_of_mismatches(m.key, before);
    return e;
}

Event Tracker::record_stage(const std::string& measure, const std::string& stage_word, Date date,
                            const std::string& label) {
    const std::string stage = measure_stages().require(stage_word);
    if (label.find('\n') != std::string::npos) throw InputError("a stage's label is one line");
    json p = {{"measure", measure}, {"stage", stage}};
    put(p, "label", label);
    // Planned stages (a regulation's date of application) may lie ahead.
    return append(EventKind::stage_reached, {measure_subject(measure)}, p, date);
}

Event Tracker::link(const std::string& rec_key, const std::string& measure_key,
                    const std::string& relation_word, const std::string& note,
                    std::optional<Date> date) {
    const std::string rec = require_rec(rec_key).key;
    const std::string measure = require_measure(measure_key).key;
    const std::string relation = link_relations().require(relation_word);
    if (store_.active_link(rec, measure))
        throw InputError(rec + " is already linked to " + measure +
                         "; unlink it first to change the relation");
    const Date d = past_or_today(date, "a link");
    json p = {{"rec", rec}, {"measure", measure}, {"relation", relation}};
    put(p, "note", note);
    return append(EventKind::measure_linked, {rec_subject(rec), measure_subject(measure)}, p, d);
}

Event Tracker::unlink(const std::string& rec_key, const std::string& measure_key,
                      const std::string& reason, std::optional<Date> date) {
    const std::string rec = require_rec(rec_key).key;
    const std::string measure = require_measure(measure_key).key;
    require_text(reason, "the reason for unlinking");
    const auto link = store_.active_link(rec, measure);
    if (!link) throw InputError(rec + " is not linked to " + measure);
    const Date d = past_or_today(date, "an unlink");
    if (d < link->date)
        throw InputError("the unlink (" + d.str() + ") would come before the link it ends (" +
                         link->date.str() + ")");
    return append(
        EventKind::measure_unlinked, {rec_subject(rec), measure_subject(measure)},
        {{"rec", rec}, {"measure", measure}, {"link_event", link->event}, {"reason", reason}}, d);
}

Event Tracker::set_status(const std::string& rec_key, const std::string& status_word, Date date,
                          const std::vector<std::string>& evidence, const std::string& note) {
    const Recommendation r = require_rec(rec_key);
    const std::string& rec = r.key;
    const auto parts = store_.parts(rec);
    if (!parts.empty())
        throw InputError(rec + " is tracked through its parts (" + join(parts, ", ") +
                         "); record the status on a part");
    const std::string status = store_.scale().require(status_word);
    past_or_today(date, "a status change");
    if (const auto report = store_.report(r.report); report && date < report->issued)
        throw InputError("a status change dated " + date.str() +
                         " comes before the report was issued (" + report->issued.str() + ")");
    std::vector<EvidenceId> ids;
    for (const auto& ref : evidence) {
        const EvidenceId id = resolve_evidence(ref);
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    if (const auto run = store_.current_status_run(rec); run && run->status == status)
        warn(rec + " is already " + status + " (since " + run->since.str() +
             "): this change says nothing new");
    for (auto id : ids)
        if (const auto v = store_.evidence(id); v && v->published && *v->published > date)
            warn(evidence_ref(id) + " was published " + v->published->str() +
                 ", after the change it is cited for (" + date.str() + ")");
    json p = {{"rec", rec}, {"status", status}, {"evidence", ids}};
    put(p, "note", note);
    std::vector<std::string> subjects = {rec_subject(rec)};
    for (auto id : ids) subjects.push_back(evidence_subject(id));
    return append(EventKind::status_changed, subjects, p, date);
}

EvidenceAdded Tracker::add_evidence(EvidenceInput in) {
    Evidence& v = in.evidence;
    v.url = require_web_url(v.url, "evidence URL");
    if (auto existing = store_.evidence_by_url(v.url))
        return {existing->id, false, differing(v, *existing)};
    require_text(v.title, "an evidence title");
    const std::string form = comparable_url(v.url);
    for (const auto& other : store_.evidence_by_url_form(form))
        warn(v.url + " is " + evidence_ref(other.id) + " (" + other.url +
             ") under another form of its URL; cite " + evidence_ref(other.id) + " instead");
    if (!v.archive_url.empty()) v.archive_url = require_web_url(v.archive_url, "archive URL");
    if (!v.kind.empty()) v.kind = evidence_kinds().require(v.kind);
    if (v.bearing.empty()) v.bearing = "supports";
    v.bearing = evidence_bearings().require(v.bearing);
    if (!v.sha256.empty()) {
        v.sha256 = to_lower(v.sha256);
        if (!is_sha256_hex(v.sha256))
            throw InputError("invalid SHA-256 '" + v.sha256 + "': expected 64 hex digits");
    }
    if (v.published && *v.published > actor_.today())
        throw InputError("evidence published " + v.published->str() + " is in the future");
    if (v.accessed && *v.accessed > actor_.today())
        throw InputError("evidence accessed " + v.accessed->str() + " is in the future");
    v.id = store_.next_evidence_id();
    json p = {{"id", v.id}, {"url", v.url}, {"title", v.title}, {"bearing", v.bearing}};
    if (v.accessed) p["accessed"] = v.accessed->str();
    put(p, "publisher", v.publisher);
    if (v.published) p["published"] = v.published->str();
    put(p, "archive_url", v.archive_url);
    put(p, "sha256", v.sha256);
    put(p, "kind", v.kind);
    append(EventKind::evidence_added, {evidence_subject(v.id)}, p,
           past_or_today(in.date, "evidence"));
    return {v.id, true, {}};
}

Event Tracker::attach_evidence(const std::string& ref, const std::string& to,
                               std::optional<Date> date) {
    const EvidenceId id = resolve_evidence(ref);
    const std::string subject = resolve_subject(store_, to);
    for (auto existing : store_.evidence_of(subject))
        if (existing == id) throw InputError(evidence_ref(id) + " is already attached to " + to);
    return append(EventKind::evidence_attached, {subject, evidence_subject(id)},
                  {{"evidence", id}, {"to", subject}}, past_or_today(date, "an attachment"));
}

Event Tracker::add_note(const std::string& key, const std::string& text, std::optional<Date> date) {
    const std::string subject = resolve_subject(store_, key);
    require_text(text, "a note");
    return append(EventKind::note_added, {subject}, {{"subject", subject}, {"text", text}},
                  past_or_today(date, "a note"));
}

std::vector<Event> Tracker::correct(EventId id, const std::string& reason, bool with_dependents) {
    require_text(reason, "the reason for a correction");
    const auto target = store_.event(id);
    if (!target) throw InputError("no event #" + std::to_string(id) + " (see `rectrack log`)");
    const EventKind k = target->kind;
    if (k == EventKind::correction)
        throw InputError("event #" + std::to_string(id) +
                         " is a correction; record the retracted event again instead");
    if (!info(k).retractable)
        throw InputError("event #" + std::to_string(id) + " (" + std::string(name(k)) +
                         ") cannot be retracted: it defines what is tracked or records an audit");
    if (auto by = store_.retracted_by(id))
        throw InputError("event #" + std::to_string(id) + " was already retracted by #" +
                         std::to_string(*by));
    std::vector<EventId> dependents;
    std::string what;
    if (k == EventKind::measure_added) {
        what = "measure '" + target->payload.value("key", "") + "'";
        dependents = store_.dependents_of_measure(target->payload.value("key", ""));
    }
    if (k == EventKind::evidence_added) {
        const EvidenceId ev = target->payload.value("id", EvidenceId{0});
        what = evidence_ref(ev);
        dependents = store_.dependents_of_evidence(ev);
    }
    std::vector<Event> events;
    if (!dependents.empty() && !with_dependents) {
        std::vector<std::string> named;
        for (auto d : dependents)
            named.push_back("#" + std::to_string(d) + " (" + describe(*store_.event(d)) + ")");
        throw InputError(what + " is still used by " + join(named, ", ") +
                         "; retract those first, or together with --with-dependents");
    }
    // Dependents go first, so that no event ever stands on a retracted one.
    for (auto d : dependents)
        events.push_back(retract(*store_.event(d), "with #" + std::to_string(id) + ": " + reason));
    events.push_back(retract(*target, reason));
    return events;
}

Event Tracker::retract(const Event& target, const std::string& reason) {
    std::vector<std::string> subjects = {"event:" + std::to_string(target.id)};
    subjects.insert(subjects.end(), target.subjects.begin(), target.subjects.end());
    return append(
        EventKind::correction, subjects,
        {{"retracts", target.id}, {"retracts_kind", name(target.kind)}, {"reason", reason}},
        actor_.today());
}

Event Tracker::record_capture(EvidenceId id, const CheckResult& f) {
    if (!store_.evidence(id)) throw InputError("unknown evidence " + evidence_ref(id));
    json p = {{"evidence", id}, {"http_status", f.http_status}};
    put(p, "sha256", f.sha256);
    put(p, "text_sha256", f.text_sha256);
    put(p, "etag", f.etag);
    put(p, "last_modified", f.last_modified);
    put(p, "final_url", f.final_url);
    return append(EventKind::evidence_captured, {evidence_subject(id)}, p, actor_.today());
}

Event Tracker::record_archive(EvidenceId id, const CheckResult& f, const std::string& fetched_at) {
    if (!store_.evidence(id)) throw InputError("unknown evidence " + evidence_ref(id));
    json headers = json::array();
    for (const auto& [header, value] : f.headers) headers.push_back({header, value});
    json p = {{"evidence", id},           {"sha256", store_.put_object(tx_, f.body)},
              {"size", f.body.size()},    {"http_status", f.http_status},
              {"fetched_at", fetched_at}, {"headers", headers}};
    put(p, "content_type", f.content_type);
    put(p, "final_url", f.final_url);
    return append(EventKind::evidence_archived, {evidence_subject(id)}, p, actor_.today());
}

Event Tracker::record_audit(const std::vector<CheckResult>& results, int findings) {
    json list = json::array();
    std::vector<std::string> subjects = {"audit"};
    for (const auto& r : results) {
        json item = {{"evidence", r.evidence},   {"url", r.url},
                     {"result", name(r.result)}, {"http_status", r.http_status},
                     {"attempts", r.attempts},   {"ok", info(r.result).seen_working}};
        put(item, "final_url", r.final_url);
        put(item, "detail", r.detail);
        list.push_back(item);
        subjects.push_back(evidence_subject(r.evidence));
    }
    return append(EventKind::audit_recorded, subjects, {{"results", list}, {"findings", findings}},
                  actor_.today());
}

std::optional<Evidence> find_evidence(const Store& store, const std::string& ref) {
    if (auto id = parse_evidence_ref(ref)) return store.evidence(*id);
    if (ref.find("://") == std::string::npos) return std::nullopt;
    try {
        return store.evidence_by_url(require_web_url(ref, "evidence URL"));
    } catch (const InputError&) {
        return std::nullopt;
    }
}

std::vector<CheckTarget> check_targets(const Store& store, const std::vector<EvidenceId>& ids) {
    std::vector<CheckTarget> out;
    for (const auto& v : store.evidence_list()) {
        if (!ids.empty() && std::find(ids.begin(), ids.end(), v.id) == ids.end()) continue;
        CheckTarget t{v.id, v.url, v.sha256, "", "", ""};
        if (auto c = store.latest_capture(v.id)) {
            t.sha256 = c->sha256;
            t.text_sha256 = c->text_sha256;
            t.etag = c->etag;
            t.last_modified = c->last_modified;
        }
        out.push_back(std::move(t));
    }
    return out;
}

EvidenceId Tracker::resolve_evidence(const std::string& ref) {
    if (auto id = parse_evidence_ref(ref)) {
        if (store_.evidence(*id)) return *id;
        throw InputError("unknown evidence " + evidence_ref(*id) +
                         " (see `rectrack evidence list`)");
    }
    if (ref.find("://") != std::string::npos) {
        const std::string url = require_web_url(ref, "evidence URL");
        if (auto v = store_.evidence_by_url(url)) return v->id;
        throw InputError("no evidence recorded for " + url +
                         "; add it first with `rectrack evidence add URL --title ...`");
    }
    throw InputError("invalid evidence reference '" + ref + "': expected E<number> or a URL");
}

std::string resolve_subject(const Store& store, const std::string& key) {
    if (auto r = lookup_recommendation(store, key)) return rec_subject(r->key);
    if (auto m = lookup_measure(store, key)) return measure_subject(m->key);
    std::vector<std::string> keys;
    for (const auto& r : store.recommendations()) keys.push_back(r.key);
    for (const auto& m : store.measures()) keys.push_back(m.key);
    throw InputError("'" + key + "' is neither a recommendation nor a measure" +
                     did_you_mean(key, keys));
}

std::vector<EvidenceId> evidence_of_recs(const Store& store, const std::vector<std::string>& recs) {
    std::vector<EvidenceId> out;
    for (const auto& r : recs) {
        std::vector<std::string> family = store.parts(r);
        family.push_back(r);
        for (const auto& key : family)
            for (auto id : store.evidence_of_rec(key))
                if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    return out;
}

std::vector<RecommendationSummary> recommendation_summaries(const Store& store,
                                                            const DeadlineRule& rule,
                                                            const std::string& only) {
    auto all = store.summaries(only);
    const StatusScale scale = store.scale();
    std::map<std::string, std::vector<FollowUp>> follow_ups;
    for (const auto& s : all)
        if (!only.empty()) follow_ups[s.rec.key] = store.follow_ups(s.rec.key);
    if (only.empty())
        for (auto& f : store.follow_ups()) follow_ups[f.rec].push_back(std::move(f));
    std::map<std::string, std::vector<const RecommendationSummary*>> parts;
    for (const auto& s : all)
        if (!s.rec.parent.empty()) parts[s.rec.parent].push_back(&s);
    for (auto& s : all) {
        auto it = parts.find(s.rec.key);
        if (it == parts.end()) continue;
        std::vector<std::string> statuses;
        for (const auto* p : it->second) statuses.push_back(p->status);
        s.status = scale.rollup(statuses);
        s.status_since = std::nullopt;
        for (const auto* p : it->second)
            if (p->status_since && (!s.status_since || *p->status_since > *s.status_since))
                s.status_since = p->status_since;
    }
    for (auto& s : all) {
        s.follow_up = follow_up_on(follow_ups[s.rec.key], rule.today);
        s.deadline =
            deadline(s.follow_up.target, scale.settled(s.status), rule.today, rule.due_soon_days);
    }
    return all;
}

}  // namespace rectrack
