#include <iostream>

#include "commands.hpp"
#include "tracker/search.hpp"

namespace rectrack::cli {

void add_search(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "search",
        "Find recommendations, measures, sources and notes by their words or identifiers");
    struct Options {
        std::vector<std::string> phrases;
        int limit = 20;
        std::string format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("text", o->phrases,
                    "Words or identifiers; all must match; quote a phrase: \"supply chain\"")
        ->required()
        ->type_name("TEXT");
    cmd->add_option("--limit", o->limit, "At most this many hits, best first")
        ->capture_default_str();
    add_format(cmd, o->format, {"text", "json"});
    cmd->callback([&ctx, o] {
        const auto store = ctx.open();
        const auto hits = search(*store, o->phrases, o->limit);
        if (o->format == "json") {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& h : hits)
                out.push_back({{"kind", h.kind},
                               {"key", h.key},
                               {"field", h.field},
                               {"event", h.event},
                               {"snippet", h.snippet},
                               {"rank", h.rank}});
            print_json(out);
            return;
        }
        if (hits.empty()) {
            std::cout << "nothing found\n";
            return;
        }
        for (const auto& h : hits)
            std::cout << column(h.kind, 16) << column(h.key, 10) << column(h.field, 14) << h.snippet
                      << "\n";
    });
}

}  // namespace rectrack::cli
