#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

void add_correct(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("correct", "Retract an earlier event, with the reason");
    struct Options {
        std::string event, reason;
        bool with_dependents = false;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("event", o->event, "Event number, as `rectrack log` shows it (12 or #12)")
        ->required();
    cmd->add_option("--reason", o->reason, "Why the event was wrong")->required();
    cmd->add_flag("--with-dependents", o->with_dependents,
                  "Also retract the events that stand on it (a measure's links, stages and "
                  "attachments; a source's citations and attachments)");
    cmd->callback([&ctx, o] {
        std::string digits = o->event;
        if (!digits.empty() && digits[0] == '#') digits.erase(0, 1);
        const auto id = parse_number<EventId>(digits);
        if (!id || *id <= 0) throw InputError("invalid event number '" + o->event + "'");
        for (const auto& e :
             ctx.write([&](Tracker& t) { return t.correct(*id, o->reason, o->with_dependents); }))
            print_recorded(e);
    });
}

}  // namespace rectrack::cli
