// Amending how something is recorded: a title mistyped, an identifier
// missing, an archive URL found later. The adding event is never touched;
// an `amended` event records the changed fields and what they were, so
// `log` shows both and a report as recorded earlier keeps the old values.
#include "ids/celex.hpp"
#include "ids/com_ref.hpp"
#include "ids/consistency.hpp"
#include "ids/eli.hpp"
#include "ids/procedure.hpp"
#include "ids/url.hpp"
#include "model/vocabulary.hpp"
#include "tracker/input_checks.hpp"
#include "tracker/tracker.hpp"

namespace rectrack {

namespace {

using nlohmann::json;

std::string optional_date(const std::optional<Date>& d) {
    return d ? d->str() : "";
}

void require_known(const Tracker::FieldChanges& fields,
                   const std::map<std::string, std::string>& current, const std::string& what) {
    for (const auto& [field, value] : fields)
        if (!current.contains(field))
            throw InputError("'" + field + "' cannot be amended on " + what);
}

}  // namespace

Event Tracker::amend(const std::string& subject, const FieldChanges& fields,
                     const std::map<std::string, std::string>& current, const std::string& reason) {
    json changed = json::object(), previous = json::object();
    for (const auto& [field, value] : fields) {
        const std::string& was = current.at(field);
        if (value == was) continue;
        changed[field] = value;
        if (!was.empty()) previous[field] = was;
    }
    const std::string label = subject.substr(subject.find(':') + 1);
    if (changed.empty())
        throw InputError("nothing to amend: " + label + " already has the values given");
    json p = {{"subject", subject}, {"fields", changed}, {"previous", previous}};
    if (!trim(reason).empty()) p["reason"] = reason;
    return append(EventKind::amended, {subject}, p, actor_.today());
}

Event Tracker::amend_recommendation(const std::string& key, FieldChanges fields,
                                    const std::string& reason) {
    const Recommendation r = require_rec(key);
    const std::map<std::string, std::string> current = {{"title", r.title}, {"text", r.text}};
    require_known(fields, current, "a recommendation");
    if (fields.contains("title")) require_text(fields["title"], "a recommendation's title");
    if (fields.contains("text")) require_text(fields["text"], "a recommendation's text");
    return amend(rec_subject(r.key), fields, current, reason);
}

Event Tracker::amend_measure(const std::string& key, FieldChanges fields,
                             const std::string& reason) {
    const Measure m = require_measure(key);
    const std::map<std::string, std::string> current = {
        {"title", m.title},     {"type", m.type},           {"celex", m.celex}, {"eli", m.eli},
        {"com_ref", m.com_ref}, {"procedure", m.procedure}, {"url", m.url}};
    require_known(fields, current, "a measure");
    // The same checks and normal forms as `measure add`.
    for (auto& [field, value] : fields) {
        if (field == "title") require_text(value, "a measure's title");
        if (field == "type") value = measure_types().require(value);
        if (value.empty()) continue;  // clears an identifier
        if (field == "celex") value = value_or_throw(parse_celex(value));
        if (field == "eli") value = value_or_throw(parse_eli(value));
        if (field == "com_ref") value = value_or_throw(parse_com_ref(value));
        if (field == "procedure") value = value_or_throw(parse_procedure(value));
        if (field == "url") value = require_web_url(value, "measure URL");
    }
    const auto before = identifier_mismatches(m, store_.stages(m.key));
    Event e = amend(measure_subject(m.key), fields, current, reason);
    warn_of_mismatches(m.key, before);
    return e;
}

Event Tracker::amend_evidence(const std::string& ref, FieldChanges fields,
                              const std::string& reason) {
    const EvidenceId id = resolve_evidence(ref);
    const Evidence v = *store_.evidence(id);
    const std::map<std::string, std::string> current = {{"title", v.title},
                                                        {"publisher", v.publisher},
                                                        {"published", optional_date(v.published)},
                                                        {"archive_url", v.archive_url},
                                                        {"kind", v.kind},
                                                        {"bearing", v.bearing}};
    require_known(fields, current, "evidence");
    for (auto& [field, value] : fields) {
        if (field == "title") require_text(value, "an evidence title");
        if (field == "bearing") value = evidence_bearings().require(value);
        if (value.empty()) continue;
        if (field == "kind") value = evidence_kinds().require(value);
        if (field == "archive_url") value = require_web_url(value, "archive URL");
        if (field == "published") {
            const auto d = parse_date(value);
            if (!d) throw InputError("invalid publication date '" + value + "' (YYYY-MM-DD)");
            if (*d > actor_.today())
                throw InputError("evidence published " + d->str() + " is in the future");
            value = d->str();
        }
    }
    return amend(evidence_subject(id), fields, current, reason);
}

}  // namespace rectrack
