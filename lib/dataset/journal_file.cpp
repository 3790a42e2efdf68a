#include "dataset/journal_file.hpp"

#include <toml++/toml.h>
#include <fstream>
#include <sstream>

#include "dataset/dataset.hpp"
#include "dataset/journal_json.hpp"
#include "model/base64.hpp"
#include "model/error.hpp"
#include "model/json_text.hpp"
#include "store/anchor.hpp"

namespace rectrack {

namespace {

using nlohmann::json;
constexpr const char* kFormat = "rectrack-journal";
constexpr int kFormatVersion = 1;

json event_json(const Event& e) {
    return {{"id", e.id},
            {"kind", name(e.kind)},
            {"subjects", e.subjects},
            {"payload", e.payload},
            {"effective", e.effective.str()},
            {"recorded_at", e.recorded_at},
            {"author", e.author},
            {"hash", e.hash}};
}

toml::table to_toml_table(const json& j);
toml::array to_toml_array(const json& j);

// Calls `use` with the TOML value for a JSON value of a journal payload.
template <typename F>
void with_toml(const json& j, F&& use) {
    if (j.is_object())
        use(to_toml_table(j));
    else if (j.is_array())
        use(to_toml_array(j));
    else if (j.is_string())
        use(j.get<std::string>());
    else if (j.is_boolean())
        use(j.get<bool>());
    else if (j.is_number_integer())
        use(j.get<int64_t>());
    else
        throw std::logic_error(
            "journal payloads hold only strings, integers, booleans, arrays, tables");
}

toml::table to_toml_table(const json& j) {
    toml::table t;
    for (const auto& [k, v] : j.items()) with_toml(v, [&](auto&& x) { t.insert(k, std::move(x)); });
    return t;
}

toml::array to_toml_array(const json& j) {
    toml::array a;
    for (const auto& v : j) with_toml(v, [&](auto&& x) { a.push_back(std::move(x)); });
    return a;
}

json from_toml(const toml::node& n) {
    if (const auto* t = n.as_table()) {
        json o = json::object();
        for (const auto& [k, v] : *t) o[std::string(k.str())] = from_toml(v);
        return o;
    }
    if (const auto* a = n.as_array()) {
        json arr = json::array();
        for (const auto& v : *a) arr.push_back(from_toml(v));
        return arr;
    }
    if (const auto* s = n.as_string()) return s->get();
    if (const auto* b = n.as_boolean()) return b->get();
    if (const auto* i = n.as_integer()) return i->get();
    throw InputError("unsupported TOML value in a journal payload");
}

Event event_from_json(const json& j) {
    try {
        Event e;
        e.id = j.at("id").get<EventId>();
        const auto kind = j.at("kind").get<std::string>();
        const auto known = parse_event_kind(kind);
        if (!known) throw InputError("unknown event kind '" + kind + "'");
        e.kind = *known;
        e.subjects = j.at("subjects").get<std::vector<std::string>>();
        e.payload = j.at("payload");
        e.effective = require_date(j.at("effective").get<std::string>(), "effective");
        e.recorded_at = j.at("recorded_at").get<std::string>();
        e.author = j.at("author").get<std::string>();
        e.hash = j.at("hash").get<std::string>();
        if (!parse_instant(e.recorded_at)) throw InputError("invalid recorded_at");
        return e;
    } catch (const json::exception& ex) {
        throw InputError(std::string("malformed event: ") + ex.what());
    }
}

// Only versions this rectrack knows are read: a newer one may mean things
// this code would silently misread.
void require_version(int64_t version, const std::string& path) {
    if (version != kFormatVersion)
        throw InputError(path + ": journal format version " + std::to_string(version) +
                         " is not one this rectrack reads (" + std::to_string(kFormatVersion) +
                         ")");
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read '" + path + "'");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

namespace {

// The events of a journal file and the anchor it ends with, if it has one.
struct JournalFile {
    std::vector<Event> events;
    std::optional<std::string> anchor;
    std::vector<Store::StoredObject> objects;  // archived copies the events name
};

// An archived copy as a journal file holds it: {sha256, size, zlib}, the
// compressed bytes in base64.
json object_json(const Store::StoredObject& o) {
    return {{"sha256", o.sha256}, {"size", o.size}, {"zlib", base64_encode(o.zlib)}};
}

Store::StoredObject object_from_json(const json& j, const std::string& path) {
    if (!j.is_object() || !j.contains("sha256") || !j["sha256"].is_string() ||
        !j.contains("size") || !j["size"].is_number_integer() || !j.contains("zlib") ||
        !j["zlib"].is_string())
        throw InputError(path + ": an archived object needs sha256, size and zlib");
    auto zlib = base64_decode(j["zlib"].get<std::string>());
    if (!zlib)
        throw InputError(path + ": object " + j["sha256"].get<std::string>() +
                         " is not valid base64");
    return {j["sha256"].get<std::string>(), j["size"].get<std::int64_t>(), std::move(*zlib)};
}

// What a JSON journal holds besides its events, once they have been read
// (read_json_journal hands them on as it goes).
JournalFile rest_of_json_journal(const json& doc, const std::string& path) {
    if (!doc.is_object() || doc.value("format", "") != kFormat)
        throw InputError(path + ": a JSON file must be a rectrack journal export");
    require_version(doc.value("version", 0), path);
    if (!doc.contains("events") || !doc["events"].is_array())
        throw InputError(path + ": a journal export needs an \"events\" array");
    JournalFile file;
    if (doc.contains("objects")) {
        if (!doc["objects"].is_array()) throw InputError(path + ": \"objects\" must be an array");
        for (const auto& j : doc["objects"]) file.objects.push_back(object_from_json(j, path));
    }
    if (doc.contains("anchor")) {
        if (!doc["anchor"].is_string()) throw InputError(path + ": \"anchor\" must be a string");
        file.anchor = doc["anchor"].get<std::string>();
    }
    return file;
}

JournalFile toml_journal(const toml::table& doc, const std::string& path) {
    require_version(doc["version"].value_or(int64_t{0}), path);
    JournalFile file;
    if (const toml::array* a = doc["event"].as_array())
        for (const auto& n : *a) file.events.push_back(event_from_json(from_toml(n)));
    if (const toml::array* a = doc["object"].as_array())
        for (const auto& n : *a) file.objects.push_back(object_from_json(from_toml(n), path));
    if (doc.contains("anchor")) {
        file.anchor = doc["anchor"].value<std::string>();
        if (!file.anchor) throw InputError(path + ": anchor must be a string");
    }
    return file;
}

void require_empty(const Store& store, const std::string& path) {
    if (store.last_event_id() != 0)
        throw InputError(path + " is a journal export; import it into a new, empty database");
}

// Appends one event verbatim, checked against the chain.
void append_event(Store& store, Store::Transaction& tx, const Event& e, const std::string& path) {
    try {
        store.append_verbatim(tx, e);
    } catch (const InputError& ex) {
        throw InputError(path + ": " + ex.what());
    } catch (const json::exception& ex) {  // a payload the projections cannot read
        throw InputError(path + ": event #" + std::to_string(e.id) +
                         " cannot be replayed: " + ex.what());
    }
}

// After the events: the archived copies they name, and the anchor. A file
// cut short after its last event, or edited with its hashes recomputed but
// its anchor left, does not import.
void finish_journal(Store& store, Store::Transaction& tx, const JournalFile& file,
                    const std::string& path) {
    for (const auto& o : file.objects) {
        try {
            store.put_object(tx, o);
        } catch (const InputError& ex) {
            throw InputError(path + ": " + ex.what());
        }
    }
    if (auto problem = store.check_archives())
        throw InputError(path + ": " + *problem + " (the file lacks it or it was edited)");
    if (!file.anchor) return;  // written before exports carried anchors
    const auto anchor = parse_anchor(*file.anchor);
    if (!anchor) throw InputError(path + ": '" + *file.anchor + "' is not an anchor (N:HASH)");
    const Anchor imported = journal_anchor(store);
    if (!(imported == *anchor))
        throw InputError(path + ": its events end at " + imported.str() + ", not at its anchor " +
                         anchor->str() + ": the file was cut short or edited");
}

// A JSON journal, read and appended an event at a time.
ImportResult import_json_journal(Store& store, Store::Transaction& tx, std::istream& in,
                                 const std::string& path) {
    ImportResult result;
    result.journal = true;
    std::optional<Store::BulkLoad> bulk;
    const json doc = read_json_journal(in, path, [&](const json& j) {
        if (result.events == 0) {
            require_empty(store, path);
            bulk.emplace(store, tx);
        }
        append_event(store, tx, event_from_json(j), path);
        ++result.events;
    });
    // Its format is checked once read: keys come sorted, "format" after
    // "events". Until the command commits, nothing read is recorded.
    const JournalFile rest = rest_of_json_journal(doc, path);
    if (result.events == 0) require_empty(store, path);
    if (bulk) bulk->finish();
    finish_journal(store, tx, rest, path);
    return result;
}

}  // namespace

namespace {

// An event as event_json(e).dump(2) writes it two levels into the file,
// from the text it is stored as.
void write_event_text(std::string& out, const StoredEventText& e) {
    out += "{\n      \"author\": ";
    append_json_string(out, e.author);
    out += ",\n      \"effective\": ";
    append_json_string(out, e.effective);
    out += ",\n      \"hash\": ";
    append_json_string(out, e.hash);
    out += ",\n      \"id\": ";
    out += std::to_string(e.id);
    out += ",\n      \"kind\": ";
    append_json_string(out, e.kind);
    out += ",\n      \"payload\": ";
    append_indented(out, e.payload, 3);
    out += ",\n      \"recorded_at\": ";
    append_json_string(out, e.recorded_at);
    out += ",\n      \"subjects\": ";
    append_indented(out, e.subjects, 3);
    out += "\n    }";
}

}  // namespace

void write_journal_json(const Store& store, std::ostream& out) {
    // The bytes json::dump(2) gives for the whole document, written an
    // element at a time so that no journal is held in memory: keys in
    // sorted order (anchor, events, format, objects, version), each array
    // element dumped on its own and indented two levels.
    const auto element = [&](const json& j, bool first) {
        std::string text = j.dump(2);
        std::string indented;
        indented.reserve(text.size() + text.size() / 8);
        for (char c : text) {
            indented += c;
            if (c == '\n') indented += "    ";
        }
        out << (first ? "\n    " : ",\n    ") << indented;
    };
    // The anchor is read first and the events up to it: a command that
    // appends meanwhile cannot make the file disagree with its anchor.
    const Anchor anchor = journal_anchor(store);
    out << "{\n  \"anchor\": " << json(anchor.str()).dump() << ",\n  \"events\": [";
    bool first = true;
    std::string text;
    store.for_each_stored_event(
        [&](const StoredEventText& e, bool as_hashed) {
            // Text that is what was hashed is laid out as it is; anything
            // else is parsed and written in its canonical form, as before.
            if (!as_hashed) {
                element(event_json(*store.event(e.id)), first);
            } else {
                text = first ? "\n    " : ",\n    ";
                write_event_text(text, e);
                out << text;
            }
            first = false;
        },
        anchor.events);
    out << (first ? "]" : "\n  ]") << ",\n  \"format\": " << json(kFormat).dump();
    first = true;
    store.for_each_object([&](const Store::StoredObject& o) {
        if (first) out << ",\n  \"objects\": [";
        element(object_json(o), first);
        first = false;
    });
    // Exports without copies stay as they were: no "objects" at all.
    if (!first) out << "\n  ]";
    out << ",\n  \"version\": " << kFormatVersion << "\n}\n";
}

std::string export_journal_json(const Store& store) {
    std::ostringstream out;
    write_journal_json(store, out);
    return out.str();
}

std::string export_journal_toml(const Store& store) {
    toml::table doc;
    doc.insert("format", kFormat);
    doc.insert("version", kFormatVersion);
    toml::array events;
    Anchor anchor{0, kGenesisHash};
    store.for_each_event([&](const Event& e) {
        events.push_back(to_toml_table(event_json(e)));
        anchor = Anchor{e.id, e.hash};
    });
    doc.insert("anchor", anchor.str());
    doc.insert("event", std::move(events));
    toml::array objects;
    store.for_each_object(
        [&](const Store::StoredObject& o) { objects.push_back(to_toml_table(object_json(o))); });
    if (!objects.empty()) doc.insert("object", std::move(objects));
    std::ostringstream out;
    out << doc << "\n";
    return out.str();
}

ImportResult import_file(Store& store, Store::Transaction& tx, const Actor& actor,
                         const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read '" + path + "'");
    // A JSON journal is streamed; a TOML file (a dataset or a journal) is
    // read whole, as toml++ parses it.
    in >> std::ws;
    if (in.peek() == '{') return import_json_journal(store, tx, in, path);
    in.close();
    return import_text(store, tx, actor, read_file(path), path);
}

ImportResult import_text(Store& store, Store::Transaction& tx, const Actor& actor,
                         const std::string& content, const std::string& path) {
    const size_t first = content.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && content[first] == '{') {
        std::istringstream in(content);
        return import_json_journal(store, tx, in, path);
    }
    toml::table doc;
    try {
        doc = toml::parse(content, path);
    } catch (const toml::parse_error& e) {
        throw InputError(path + ":" + std::to_string(e.source().begin.line) + ": " +
                         std::string(e.description()));
    }
    ImportResult result;
    if (doc["format"].value_or(std::string()) != kFormat) {
        const EventId before = store.last_event_id();
        Tracker tracker(store, tx, actor);
        load_dataset(tracker, doc, path);
        result.events = store.last_event_id() - before;
        result.warnings = tracker.warnings();
        return result;
    }
    const JournalFile file = toml_journal(doc, path);
    require_empty(store, path);
    Store::BulkLoad bulk(store, tx);
    for (const auto& e : file.events) append_event(store, tx, e, path);
    bulk.finish();
    finish_journal(store, tx, file, path);
    result.journal = true;
    result.events = static_cast<std::int64_t>(file.events.size());
    return result;
}

}  // namespace rectrack
