#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace rectrack::cli {

namespace {

nlohmann::json evidence_json(const Evidence& v) {
    return {{"id", evidence_ref(v.id)},
            {"url", v.url},
            {"title", v.title},
            {"publisher", v.publisher},
            {"published", v.published ? v.published->str() : ""},
            {"kind", v.kind},
            {"bearing", v.bearing}};
}

}  // namespace

void add_show(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("show", "Show one recommendation in full");
    struct Options {
        std::string key, format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("rec", o->key, "Recommendation key, e.g. R4")->required();
    add_format(cmd, o->format, {"text", "json"});
    cmd->callback([&ctx, o] {
        const std::string& key = o->key;
        auto store = ctx.open();
        const auto rec = store->recommendation(key);
        if (!rec) throw InputError("unknown recommendation '" + key + "' (see `rectrack recs`)");
        // One pass gives this recommendation's standing and its parts'.
        const auto all = recommendation_summaries(*store);
        RecommendationSummary summary;
        std::vector<std::string> standing;  // "R4.a partial" for each part
        for (const auto& s : all) {
            if (s.rec.key == key) summary = s;
            if (s.rec.parent == key) standing.push_back(s.rec.key + " " + s.status);
        }
        const auto history = store->status_history(key);
        const auto links = store->links_of_rec(key);
        std::vector<Evidence> evidence;
        for (auto id : store->evidence_of_rec(key))
            if (auto v = store->evidence(id)) evidence.push_back(*v);
        const auto parts = store->parts(key);
        const auto notes = store->notes(rec_subject(key));

        if (o->format == "json") {
            nlohmann::json h = nlohmann::json::array(), m = nlohmann::json::array(),
                           ev = nlohmann::json::array(), n = nlohmann::json::array();
            for (const auto& c : history) {
                nlohmann::json refs = nlohmann::json::array();
                for (auto id : c.evidence) refs.push_back(evidence_ref(id));
                h.push_back({{"event", c.event},
                             {"date", c.date.str()},
                             {"status", c.status},
                             {"note", c.note},
                             {"author", c.author},
                             {"recorded_at", c.recorded_at},
                             {"evidence", refs}});
            }
            for (const auto& l : links) {
                const auto measure = store->measure(l.measure);
                nlohmann::json stages = nlohmann::json::array();
                for (const auto& s : store->stages(l.measure))
                    stages.push_back({{"stage", s.stage}, {"date", s.date.str()}});
                m.push_back({{"key", l.measure},
                             {"title", measure ? measure->title : ""},
                             {"relation", l.relation},
                             {"note", l.note},
                             {"celex", measure ? measure->celex : ""},
                             {"stages", stages}});
            }
            for (const auto& v : evidence) ev.push_back(evidence_json(v));
            for (const auto& note : notes)
                n.push_back({{"event", note.event},
                             {"date", note.date.str()},
                             {"text", note.text},
                             {"author", note.author}});
            print_json(
                {{"key", rec->key},
                 {"title", rec->title},
                 {"text", rec->text},
                 {"parent", rec->parent},
                 {"parts", parts},
                 {"addressees", rec->addressees},
                 {"themes", rec->themes},
                 {"status", summary.status},
                 {"status_since", summary.status_since ? nlohmann::json(summary.status_since->str())
                                                       : nlohmann::json()},
                 {"history", h},
                 {"measures", m},
                 {"evidence", ev},
                 {"notes", n}});
            return;
        }
        std::cout << rec->key << "  " << rec->title << "\n";
        std::cout << "Status:     " << summary.status;
        if (summary.status_since) std::cout << " since " << summary.status_since->str();
        std::cout << "\n";
        if (!rec->parent.empty()) std::cout << "Part of:    " << rec->parent << "\n";
        if (!standing.empty()) std::cout << "Parts:      " << join(standing, ", ") << "\n";
        if (!rec->addressees.empty())
            std::cout << "Addressees: " << join(rec->addressees, ", ") << "\n";
        if (!rec->themes.empty()) std::cout << "Themes:     " << join(rec->themes, ", ") << "\n";
        std::cout << "\n" << rec->text << "\n";
        std::cout << "\nHistory\n";
        if (history.empty()) std::cout << "  (no status recorded)\n";
        for (const auto& c : history) {
            std::cout << "  " << c.date.str() << "  " << column(c.status, 13) << "#" << c.event;
            std::string refs;
            for (auto id : c.evidence) refs += (refs.empty() ? "" : ", ") + evidence_ref(id);
            std::cout << "  " << (refs.empty() ? "NO EVIDENCE" : "cites " + refs);
            if (!c.note.empty()) std::cout << "  " << c.note;
            std::cout << "  (" << c.author << ", " << c.recorded_at << ")\n";
        }
        std::cout << "\nMeasures\n";
        if (links.empty()) std::cout << "  (none linked)\n";
        for (const auto& l : links) {
            const auto measure = store->measure(l.measure);
            std::cout << "  " << column(l.measure, 28) << column(l.relation, 16)
                      << (measure ? measure->title : "") << "\n";
            if (measure && !measure->celex.empty())
                std::cout << "      CELEX " << measure->celex << "\n";
            std::string stages;
            for (const auto& s : store->stages(l.measure))
                stages += (stages.empty() ? "" : ", ") + s.stage + " " + s.date.str();
            if (!stages.empty()) std::cout << "      " << stages << "\n";
        }
        std::cout << "\nEvidence\n";
        if (evidence.empty()) std::cout << "  (none)\n";
        for (const auto& v : evidence)
            std::cout << "  " << column(evidence_ref(v.id), 5) << v.title << "\n      " << v.url
                      << "\n";
        if (!notes.empty()) {
            std::cout << "\nNotes\n";
            for (const auto& n : notes)
                std::cout << "  " << n.date.str() << "  " << n.text << "  (" << n.author << ")\n";
        }
    });
}

}  // namespace rectrack::cli
