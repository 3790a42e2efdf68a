#include "dataset/dataset.hpp"

#include <toml++/toml.h>
#include <algorithm>

#include "model/error.hpp"

namespace rectrack {

namespace {

// Reads a field, which must have the asked type when present.
std::string text(const toml::table& t, const char* field, bool required = false) {
    const toml::node* n = t.get(field);
    if (!n) {
        if (required) throw InputError(std::string("missing field '") + field + "'");
        return {};
    }
    if (!n->is_string()) throw InputError(std::string("field '") + field + "' must be a string");
    return n->as_string()->get();
}

std::optional<Date> date(const toml::table& t, const char* field, bool required = false) {
    const toml::node* n = t.get(field);
    if (!n) {
        if (required) throw InputError(std::string("missing field '") + field + "'");
        return std::nullopt;
    }
    // A TOML date passes the same check as one typed on the command line:
    // the journal stores dates as YYYY-MM-DD, so a year below 1000 could not
    // be read back as written.
    if (const auto* d = n->as_date()) {
        const toml::date v = d->get();
        return require_date(Date{v.year, v.month, v.day}.str(),
                            std::string("field '") + field + "'");
    }
    if (n->is_string())
        return require_date(n->as_string()->get(), std::string("field '") + field + "'");
    throw InputError(std::string("field '") + field + "' must be a date (YYYY-MM-DD)");
}

std::vector<std::string> texts(const toml::table& t, const char* field) {
    std::vector<std::string> out;
    const toml::node* n = t.get(field);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) throw InputError(std::string("field '") + field + "' must be an array of strings");
    for (const auto& v : *a) {
        if (!v.is_string())
            throw InputError(std::string("field '") + field + "' must hold strings");
        out.push_back(v.as_string()->get());
    }
    return out;
}

// Visits each table of an array of tables, prefixing errors with where they are.
template <typename F>
void each(const toml::table& data, const char* name, const std::string& source, F&& visit) {
    const toml::node* n = data.get(name);
    if (!n) return;
    const toml::array* a = n->as_array();
    if (!a)
        throw InputError(source + ": '" + name + "' must be an array of tables ([[" + name + "]])");
    size_t index = 0;
    for (const auto& item : *a) {
        ++index;
        const toml::table* t = item.as_table();
        std::string label = std::string(name) + " #" + std::to_string(index);
        try {
            if (!t) throw InputError("must be a table");
            if (auto key = t->get("key"); key && key->is_string())
                label = std::string(name) + " '" + key->as_string()->get() + "'";
            visit(*t);
        } catch (const InputError& e) {
            throw InputError(source + ": " + label + ": " + e.what());
        }
    }
}

Report read_report(const toml::table& data, const std::string& source) {
    const toml::table* report = data["report"].as_table();
    if (!report) throw InputError(source + ": a dataset needs a [report] table");
    try {
        // `issued = 2020`: only the year is known, as for many reports.
        if (const auto* year = (*report)["issued"].as_integer()) {
            const auto y = year->get();
            if (y < 1000 || y > 9999)
                throw InputError("field 'issued': the year " + std::to_string(y) +
                                 " is not a four-digit year");
            return Report{text(*report, "key", true),
                          text(*report, "title", true),
                          text(*report, "author"),
                          text(*report, "publisher"),
                          Date{static_cast<int>(y), 1, 1},
                          text(*report, "url"),
                          true};
        }
        return Report{text(*report, "key", true),
                      text(*report, "title", true),
                      text(*report, "author"),
                      text(*report, "publisher"),
                      *date(*report, "issued", true),
                      text(*report, "url"),
                      false};
    } catch (const InputError& e) {
        throw InputError(source + ": report: " + e.what());
    }
}

// A dataset without [[status]] tables keeps the scale the database has, or
// gets the default one.
void load_scale(Tracker& tracker, const toml::table& data, const std::string& source, Date issued) {
    StatusScale scale;
    each(data, "status", source, [&](const toml::table& t) {
        scale.levels.push_back(
            {text(t, "name", true), text(t, "label"), t["closed"].value_or(false)});
    });
    if (!scale.levels.empty()) {
        tracker.set_scale(scale, issued);
    } else if (tracker.scale().levels.empty()) {
        tracker.set_scale(StatusScale::default_scale(), issued);
    }
}

// A dataset may add to a report already tracked: it names it by key.
void load_report(Tracker& tracker, const Report& r, const std::string& source) {
    try {
        if (const auto existing = tracker.report(r.key)) {
            if (existing->title != r.title)
                throw InputError("the database tracks '" + r.key + "' as \"" + existing->title +
                                 "\", not \"" + r.title + "\"");
        } else {
            tracker.add_report(r);
        }
    } catch (const InputError& e) {
        throw InputError(source + ": report: " + e.what());
    }
}

EvidenceInput read_evidence(const toml::table& t) {
    EvidenceInput in;
    in.evidence.url = text(t, "url", true);
    in.evidence.title = text(t, "title", true);
    in.evidence.publisher = text(t, "publisher");
    in.evidence.published = date(t, "published");
    in.evidence.accessed = date(t, "accessed");
    in.evidence.archive_url = text(t, "archive_url");
    in.evidence.sha256 = text(t, "sha256");
    in.evidence.kind = text(t, "kind");
    in.evidence.bearing = text(t, "bearing");
    in.date = in.evidence.accessed;
    return in;
}

MeasureInput read_measure(const toml::table& t, const std::string& source) {
    MeasureInput in;
    in.measure = Measure{text(t, "key", true),     text(t, "title", true), text(t, "type", true),
                         texts(t, "institutions"), text(t, "celex"),       text(t, "eli"),
                         text(t, "com_ref"),       text(t, "procedure"),   text(t, "url"),
                         texts(t, "themes")};
    each(t, "stage", source, [&](const toml::table& s) {
        in.stages.emplace_back(text(s, "stage", true), *date(s, "date", true));
    });
    in.evidence = texts(t, "evidence");
    return in;
}

// Status changes are recorded in the order they happened, whatever the
// order of the file, so that the journal reads as a history.
void load_status_changes(Tracker& tracker, const toml::table& data, const std::string& source) {
    struct Change {
        std::string rec, status, note;
        Date date;
        std::vector<std::string> evidence;
    };
    std::vector<Change> changes;
    each(data, "status_change", source, [&](const toml::table& t) {
        changes.push_back({text(t, "rec", true), text(t, "status", true), text(t, "note"),
                           *date(t, "date", true), texts(t, "evidence")});
    });
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& a, const Change& b) { return a.date < b.date; });
    for (const auto& c : changes) {
        try {
            tracker.set_status(c.rec, c.status, c.date, c.evidence, c.note);
        } catch (const InputError& e) {
            throw InputError(source + ": status_change of " + c.rec + " on " + c.date.str() + ": " +
                             e.what());
        }
    }
}

// Who follows each recommendation and its target date, as of the load, and
// the addressees' responses, each on its date.
void load_follow_ups(Tracker& tracker, const toml::table& data, const std::string& source) {
    each(data, "recommendation", source, [&](const toml::table& t) {
        const std::string key = text(t, "key", true);
        if (const std::string owner = text(t, "owner"); !owner.empty())
            tracker.set_owner(key, owner, std::nullopt);
        if (const auto target = date(t, "target"))
            tracker.set_target(key, target, "", std::nullopt);
    });
    each(data, "response", source, [&](const toml::table& t) {
        tracker.record_response(text(t, "rec", true), text(t, "response", true),
                                date(t, "date", true), texts(t, "evidence"), text(t, "note"));
    });
}

}  // namespace

void load_dataset(Tracker& tracker, const toml::table& data, const std::string& source) {
    const Report r = read_report(data, source);
    load_scale(tracker, data, source, r.issued);
    load_report(tracker, r, source);
    each(data, "recommendation", source, [&](const toml::table& t) {
        tracker.add_recommendation({text(t, "key", true), r.key,
                                    static_cast<int>(t["number"].value_or(0)), text(t, "parent"),
                                    text(t, "title", true), text(t, "text"), texts(t, "addressees"),
                                    texts(t, "themes"), Date{}});
    });
    each(data, "evidence", source, [&](const toml::table& t) {
        const EvidenceInput in = read_evidence(t);
        if (!tracker.add_evidence(in).created)
            throw InputError("the URL " + in.evidence.url + " is listed twice");
    });
    each(data, "measure", source,
         [&](const toml::table& t) { tracker.add_measure(read_measure(t, source)); });
    each(data, "link", source, [&](const toml::table& t) {
        tracker.link(text(t, "rec", true), text(t, "measure", true),
                     t["relation"].value_or(std::string("advances")), text(t, "note"),
                     date(t, "date"));
    });
    load_status_changes(tracker, data, source);
    each(data, "note", source, [&](const toml::table& t) {
        tracker.add_note(text(t, "on", true), text(t, "text", true), date(t, "date"));
    });
    load_follow_ups(tracker, data, source);
}

}  // namespace rectrack
