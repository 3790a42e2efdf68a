#include "report/recommendation_view.hpp"

#include "model/error.hpp"
#include "model/text.hpp"
#include "tracker/lookup.hpp"
#include "tracker/tracker.hpp"

namespace rectrack {

using nlohmann::json;

RecommendationView view_recommendation(const Store& store, const std::string& asked,
                                       const DeadlineRule& rule) {
    RecommendationView v;
    v.rec = find_recommendation(store, asked);
    const std::string& key = v.rec.key;
    // One pass gives this recommendation's standing and its parts'.
    for (const auto& s : recommendation_summaries(store, rule, key)) {
        if (s.rec.key == key) {
            v.status = s.status;
            v.status_since = s.status_since;
            v.follow_up = s.follow_up;
            v.deadline = s.deadline;
        }
        if (s.rec.parent == key) v.part_status.push_back(s.rec.key + " " + s.status);
    }
    v.parts = store.parts(key);
    v.history = store.status_history(key);
    for (const auto& l : store.links_of_rec(key))
        v.measures.push_back({l, store.measure(l.measure), store.stages(l.measure)});
    for (auto id : store.evidence_of_rec(key))
        if (auto e = store.evidence(id)) v.evidence.push_back(*e);
    v.notes = store.notes(rec_subject(key));
    v.follow_ups = store.follow_ups(key);
    return v;
}

namespace {

json evidence_refs(const std::vector<EvidenceId>& ids) {
    json refs = json::array();
    for (auto id : ids) refs.push_back(evidence_ref(id));
    return refs;
}

json history_json(const std::vector<StatusChange>& history) {
    json out = json::array();
    for (const auto& c : history)
        out.push_back({{"event", c.event},
                       {"date", c.date.str()},
                       {"status", c.status},
                       {"note", c.note},
                       {"author", c.author},
                       {"recorded_at", c.recorded_at},
                       {"evidence", evidence_refs(c.evidence)}});
    return out;
}

json measures_json(const std::vector<LinkedMeasure>& measures) {
    json out = json::array();
    for (const auto& m : measures) {
        json stages = json::array();
        for (const auto& s : m.stages)
            stages.push_back({{"stage", s.stage}, {"date", s.date.str()}, {"label", s.label}});
        out.push_back({{"key", m.link.measure},
                       {"title", m.measure ? m.measure->title : ""},
                       {"relation", m.link.relation},
                       {"note", m.link.note},
                       {"celex", m.measure ? m.measure->celex : ""},
                       {"stages", stages}});
    }
    return out;
}

json evidence_json(const std::vector<Evidence>& evidence) {
    json out = json::array();
    for (const auto& v : evidence)
        out.push_back({{"id", evidence_ref(v.id)},
                       {"url", v.url},
                       {"title", v.title},
                       {"publisher", v.publisher},
                       {"published", v.published ? v.published->str() : ""},
                       {"kind", v.kind},
                       {"bearing", v.bearing}});
    return out;
}

json follow_up_json(const RecommendationView& v) {
    json entries = json::array();
    for (const auto& f : v.follow_ups)
        entries.push_back({{"event", f.event},
                           {"date", f.date.str()},
                           {"field", field_name(f.field)},
                           {"value", f.value},
                           {"note", f.note},
                           {"evidence", evidence_refs(f.evidence)}});
    const auto& s = v.follow_up;
    json response;
    if (s.response)
        response = {{"response", s.response->value},
                    {"date", s.response->date.str()},
                    {"evidence", evidence_refs(s.response->evidence)},
                    {"note", s.response->note}};
    return {{"owner", s.owner},
            {"target", s.target ? json(s.target->str()) : json()},
            {"deadline", deadline_name(v.deadline)},
            {"response", response},
            {"entries", entries}};
}

json notes_json(const std::vector<Note>& notes) {
    json out = json::array();
    for (const auto& n : notes)
        out.push_back(
            {{"event", n.event}, {"date", n.date.str()}, {"text", n.text}, {"author", n.author}});
    return out;
}

void write_header(std::ostream& out, const RecommendationView& v) {
    const Recommendation& r = v.rec;
    out << r.key << "  " << r.title << "\n";
    out << "Status:     " << v.status;
    if (v.status_since) out << " since " << v.status_since->str();
    out << "\n";
    if (!r.parent.empty()) out << "Part of:    " << r.parent << "\n";
    if (!v.part_status.empty()) out << "Parts:      " << join(v.part_status, ", ") << "\n";
    if (!r.addressees.empty()) out << "Addressees: " << join(r.addressees, ", ") << "\n";
    if (!r.themes.empty()) out << "Themes:     " << join(r.themes, ", ") << "\n";
    const FollowUpState& f = v.follow_up;
    if (!f.owner.empty()) out << "Owner:      " << f.owner << "\n";
    if (f.target) {
        out << "Target:     " << f.target->str();
        if (v.deadline != Deadline::none) out << ", " << deadline_name(v.deadline);
        out << "\n";
    }
    if (f.response) out << "Response:   " << response_words(*f.response) << "\n";
    out << "\n" << r.text << "\n";
}

void write_history(std::ostream& out, const std::vector<StatusChange>& history) {
    out << "\nHistory\n";
    if (history.empty()) out << "  (no status recorded)\n";
    for (const auto& c : history) {
        out << "  " << c.date.str() << "  " << column(c.status, 13) << "#" << c.event;
        std::string refs;
        for (auto id : c.evidence) refs += (refs.empty() ? "" : ", ") + evidence_ref(id);
        out << "  " << (refs.empty() ? "NO EVIDENCE" : "cites " + refs);
        if (!c.note.empty()) out << "  " << c.note;
        out << "  (" << c.author << ", " << c.recorded_at << ")\n";
    }
}

void write_measures(std::ostream& out, const std::vector<LinkedMeasure>& measures) {
    out << "\nMeasures\n";
    if (measures.empty()) out << "  (none linked)\n";
    for (const auto& m : measures) {
        out << "  " << column(m.link.measure, 28) << column(m.link.relation, 16)
            << (m.measure ? m.measure->title : "") << "\n";
        if (m.measure && !m.measure->celex.empty())
            out << "      CELEX " << m.measure->celex << "\n";
        std::string stages;
        for (const auto& s : m.stages)
            stages += (stages.empty() ? "" : ", ") + s.stage +
                      (s.label.empty() ? "" : " (" + s.label + ")") + " " + s.date.str();
        if (!stages.empty()) out << "      " << stages << "\n";
    }
}

// Every owner, target and response, so a moved target shows where it was.
void write_follow_up(std::ostream& out, const std::vector<FollowUp>& entries) {
    if (entries.empty()) return;
    out << "\nFollow-up\n";
    for (const auto& f : entries) {
        out << "  " << f.date.str() << "  " << column(std::string(field_name(f.field)), 10);
        if (f.field == FollowUp::Field::response)
            out << response_words(f);
        else
            out << (f.value.empty() ? "(cleared)" : f.value)
                << (f.note.empty() ? "" : ": " + f.note);
        out << "  #" << f.event << "\n";
    }
}

void write_evidence_and_notes(std::ostream& out, const RecommendationView& v) {
    out << "\nEvidence\n";
    if (v.evidence.empty()) out << "  (none)\n";
    for (const auto& e : v.evidence)
        out << "  " << column(evidence_ref(e.id), 5) << e.title << "\n      " << e.url << "\n";
    if (v.notes.empty()) return;
    out << "\nNotes\n";
    for (const auto& n : v.notes)
        out << "  " << n.date.str() << "  " << n.text << "  (" << n.author << ")\n";
}

}  // namespace

json to_json(const RecommendationView& v) {
    const Recommendation& r = v.rec;
    return {{"key", r.key},
            {"title", r.title},
            {"text", r.text},
            {"parent", r.parent},
            {"parts", v.parts},
            {"addressees", r.addressees},
            {"themes", r.themes},
            {"status", v.status},
            {"status_since", v.status_since ? json(v.status_since->str()) : json()},
            {"history", history_json(v.history)},
            {"measures", measures_json(v.measures)},
            {"evidence", evidence_json(v.evidence)},
            {"notes", notes_json(v.notes)},
            {"follow_up", follow_up_json(v)}};
}

void write_text(std::ostream& out, const RecommendationView& v) {
    write_header(out, v);
    write_history(out, v.history);
    write_measures(out, v.measures);
    write_follow_up(out, v.follow_ups);
    write_evidence_and_notes(out, v);
}

}  // namespace rectrack
