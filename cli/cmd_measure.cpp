#include <algorithm>
#include <iostream>
#include <tuple>

#include "commands.hpp"
#include "ids/official_links.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "model/vocabulary.hpp"

namespace rectrack::cli {

namespace {

// --stage adopted=2024-06-13
std::pair<std::string, Date> parse_stage(const std::string& text) {
    const size_t eq = text.find('=');
    if (eq == std::string::npos)
        throw InputError("invalid --stage '" + text + "': expected STAGE=YYYY-MM-DD");
    return {text.substr(0, eq), require_date(text.substr(eq + 1), "--stage " + text.substr(0, eq))};
}

void add_measure_add(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("add", "Record an EU measure");
    struct Options {
        Measure m;
        std::vector<std::string> stages, evidence;
        std::string date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("key", o->m.key, "Short key, e.g. ai-act")->required();
    cmd->add_option("--title", o->m.title, "Official title")->required();
    cmd->add_option("--type", o->m.type, "regulation, directive, decision, ...")->required();
    cmd->add_option("--institution", o->m.institutions, "Institution (repeatable, or commas)")
        ->delimiter(',');
    cmd->add_option("--theme", o->m.themes, "Theme (repeatable, or commas)")->delimiter(',');
    cmd->add_option("--celex", o->m.celex, "CELEX number, e.g. 32024R1689");
    cmd->add_option("--eli", o->m.eli, "ELI, e.g. http://data.europa.eu/eli/reg/2024/1689/oj");
    cmd->add_option("--com", o->m.com_ref, "COM/JOIN/SWD reference, e.g. 'COM(2021) 206 final'");
    cmd->add_option("--procedure", o->m.procedure, "Procedure reference, e.g. 2021/0106(COD)");
    cmd->add_option("--url", o->m.url, "Official page (http or https)");
    cmd->add_option("--stage", o->stages, "STAGE=DATE reached or planned (repeatable, or commas)")
        ->delimiter(',');
    cmd->add_option("--evidence", o->evidence,
                    "Evidence to attach: E<n> or URL (repeatable, or E2,E7)");
    cmd->add_option("--date", o->date, "When it was added (default: its first stage, else today)");
    cmd->callback([&ctx, o] {
        MeasureInput in{o->m, {}, split_references(o->evidence), std::nullopt};
        for (const auto& s : o->stages) in.stages.push_back(parse_stage(s));
        if (!o->date.empty()) in.date = require_date(o->date, "--date");
        const auto events = ctx.write([&](Tracker& t) { return t.add_measure(in); });
        std::cout << "recorded measure " << o->m.key << " (#" << events.front().id;
        if (events.size() > 1) std::cout << "-#" << events.back().id;
        std::cout << ")\n";
    });
}

void add_measure_stage(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("stage", "Record a stage a measure reached (or will reach)");
    struct Options {
        std::string key, stage, date, label;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("key", o->key, "Measure key")->required()->type_name("MEASURE");
    cmd->add_option("stage", o->stage, "The stage: " + measure_stages().list())
        ->required()
        ->type_name("STAGE");
    cmd->add_option("--date", o->date, "Date of the stage (may be in the future)")->required();
    cmd->add_option("--label", o->label,
                    "Which step, when a stage comes in several (\"Art. 14 reporting "
                    "obligations apply\")");
    cmd->callback([&ctx, o] {
        const Date d = require_date(o->date, "--date");
        const Event e =
            ctx.write([&](Tracker& t) { return t.reach_stage(o->key, o->stage, d, o->label); });
        std::cout << "recorded #" << e.id << ": " << describe(e) << " " << d.str() << "\n";
    });
}

void add_measure_list(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("list", "List measures");
    auto format = std::make_shared<std::string>();
    add_format(cmd, *format, {"text", "json"});
    cmd->callback([&ctx, format] {
        auto store = ctx.open();
        const auto measures = store->measures();
        if (*format == "json") {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& m : measures) {
                std::vector<std::string> recs;
                for (const auto& l : store->links_of_measure(m.key)) recs.push_back(l.rec);
                out.push_back({{"key", m.key},
                               {"title", m.title},
                               {"type", m.type},
                               {"celex", m.celex},
                               {"recommendations", recs}});
            }
            print_json(out);
            return;
        }
        std::cout << column("KEY", 34) << column("TYPE", 20) << column("CELEX", 14) << "RECS\n";
        for (const auto& m : measures) {
            std::vector<std::string> recs;
            for (const auto& l : store->links_of_measure(m.key)) recs.push_back(l.rec);
            std::cout << column(m.key, 34) << column(m.type, 20)
                      << column(m.celex.empty() ? "-" : m.celex, 14) << join(recs, ",") << "\n";
        }
    });
}

// What happened to a measure, stages and notes together, in date order.
struct TimelineEntry {
    Date date;
    EventId event;
    std::string text;
};

std::vector<TimelineEntry> measure_timeline(const std::vector<MeasureStage>& stages,
                                            const std::vector<Note>& notes) {
    std::vector<TimelineEntry> out;
    for (const auto& s : stages)
        out.push_back({s.date, s.event, s.stage + (s.label.empty() ? "" : " (" + s.label + ")")});
    for (const auto& n : notes) out.push_back({n.date, n.event, "note: " + n.text});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.date, a.event) < std::tie(b.date, b.event);
    });
    return out;
}

void print_measure_json(const Measure& m, const Store& store) {
    nlohmann::json st = nlohmann::json::array(), ln = nlohmann::json::array(),
                   nt = nlohmann::json::array(), ev = nlohmann::json::array();
    for (const auto& s : store.stages(m.key))
        st.push_back({{"stage", s.stage}, {"date", s.date.str()}, {"label", s.label}});
    for (const auto& l : store.links_of_measure(m.key))
        ln.push_back(
            {{"rec", l.rec}, {"relation", l.relation}, {"note", l.note}, {"date", l.date.str()}});
    for (const auto& n : store.notes(measure_subject(m.key)))
        nt.push_back({{"event", n.event}, {"date", n.date.str()}, {"text", n.text}});
    for (auto id : store.evidence_of(measure_subject(m.key))) ev.push_back(evidence_ref(id));
    const MeasureLinks official = official_links(m);
    print_json({{"key", m.key},
                {"title", m.title},
                {"type", m.type},
                {"institutions", m.institutions},
                {"themes", m.themes},
                {"celex", m.celex},
                {"eli", m.eli},
                {"com_ref", m.com_ref},
                {"procedure", m.procedure},
                {"url", m.url},
                {"eur_lex", official.eur_lex},
                {"observatory", official.observatory},
                {"stages", st},
                {"notes", nt},
                {"recommendations", ln},
                {"evidence", ev}});
}

void print_measure_text(const Measure& m, const Store& store) {
    const MeasureLinks official = official_links(m);
    std::cout << m.key << "  " << m.title << "\n";
    std::cout << "Type:         " << m.type << "\n";
    if (!m.institutions.empty())
        std::cout << "Institutions: " << join(m.institutions, ", ") << "\n";
    if (!m.themes.empty()) std::cout << "Themes:       " << join(m.themes, ", ") << "\n";
    if (!m.celex.empty()) std::cout << "CELEX:        " << m.celex << "\n";
    if (!m.eli.empty()) std::cout << "ELI:          " << m.eli << "\n";
    if (!m.com_ref.empty()) std::cout << "COM ref:      " << m.com_ref << "\n";
    if (!m.procedure.empty()) std::cout << "Procedure:    " << m.procedure << "\n";
    if (!m.url.empty()) std::cout << "URL:          " << m.url << "\n";
    if (!official.eur_lex.empty()) std::cout << "EUR-Lex:      " << official.eur_lex << "\n";
    if (!official.observatory.empty())
        std::cout << "Observatory:  " << official.observatory << "\n";
    std::cout << "\nStages and notes\n";
    const auto timeline =
        measure_timeline(store.stages(m.key), store.notes(measure_subject(m.key)));
    if (timeline.empty()) std::cout << "  (none recorded)\n";
    for (const auto& t : timeline) std::cout << "  " << t.date.str() << "  " << t.text << "\n";
    const auto links = store.links_of_measure(m.key);
    std::cout << "\nRecommendations\n";
    if (links.empty()) std::cout << "  (none linked)\n";
    for (const auto& l : links)
        std::cout << "  " << column(l.rec, 8) << column(l.relation, 16) << l.note << "\n";
    const auto evidence = store.evidence_of(measure_subject(m.key));
    if (!evidence.empty()) {
        std::cout << "\nEvidence\n";
        for (auto id : evidence)
            if (auto v = store.evidence(id))
                std::cout << "  " << column(evidence_ref(id), 5) << v->title << "\n      " << v->url
                          << "\n";
    }
}

void add_measure_show(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand("show",
                                       "Show one measure: identifiers, stages and notes "
                                       "in date order, recommendations, evidence");
    struct Options {
        std::string key, format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("key", o->key, "Measure key")->required()->type_name("MEASURE");
    add_format(cmd, o->format, {"text", "json"});
    cmd->callback([&ctx, o] {
        auto store = ctx.open();
        const Measure m = find_measure(*store, o->key);
        if (o->format == "json")
            print_measure_json(m, *store);
        else
            print_measure_text(m, *store);
    });
}

}  // namespace

void add_measure(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("measure", "Record and list EU measures");
    cmd->require_subcommand(1);
    add_measure_add(cmd, ctx);
    add_measure_stage(cmd, ctx);
    add_measure_list(cmd, ctx);
    add_measure_show(cmd, ctx);
}

}  // namespace rectrack::cli
