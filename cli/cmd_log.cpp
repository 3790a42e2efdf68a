#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

void add_log(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("log", "Show the journal, oldest first");
    struct Options {
        std::string key, since, until, format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("key", o->key, "Only events about this recommendation or measure")
        ->type_name("SUBJECT");
    cmd->add_option("--since", o->since, "Effective on or after this date");
    cmd->add_option("--until", o->until, "Effective on or before this date");
    add_format(cmd, o->format, {"text", "json"});
    cmd->callback([&ctx, o] {
        auto store = ctx.open();
        LogFilter f;
        if (!o->since.empty()) f.since = require_date(o->since, "--since");
        if (!o->until.empty()) f.until = require_date(o->until, "--until");
        if (!o->key.empty()) f.subject = resolve_subject(*store, o->key);
        const auto events = store->log(f);
        if (o->format == "json") {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& e : events) {
                auto by = store->retracted_by(e.id);
                out.push_back({{"id", e.id},
                               {"kind", name(e.kind)},
                               {"subjects", e.subjects},
                               {"effective", e.effective.str()},
                               {"recorded_at", e.recorded_at},
                               {"author", e.author},
                               {"payload", e.payload},
                               {"hash", e.hash},
                               {"retracted_by", by ? nlohmann::json(*by) : nlohmann::json()}});
            }
            print_json(out);
            return;
        }
        for (const auto& e : events) {
            std::cout << column("#" + std::to_string(e.id), 6) << e.effective.str() << "  "
                      << column(std::string(name(e.kind)), 21) << describe(e);
            if (auto by = store->retracted_by(e.id)) std::cout << "  [retracted by #" << *by << "]";
            std::cout << "  (" << e.author << ", " << e.recorded_at << ")\n";
        }
    });
}

}  // namespace rectrack::cli
