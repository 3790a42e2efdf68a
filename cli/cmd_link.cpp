#include <iostream>

#include "commands.hpp"

namespace rectrack::cli {

void add_link(CLI::App& app, Context& ctx) {
    struct Options {
        std::string rec, measure, relation = "advances", note, date, reason;
    };
    auto o = std::make_shared<Options>();
    auto* link = app.add_subcommand("link", "Link a measure to a recommendation it bears on");
    link->add_option("rec", o->rec, "Recommendation key")->required()->type_name("REC");
    link->add_option("measure", o->measure, "Measure key")->required()->type_name("MEASURE");
    link->add_option("--relation", o->relation, "advances, partly_advances, related or counteracts")
        ->capture_default_str()
        ->type_name("RELATION");
    link->add_option("--note", o->note, "Why the measure bears on the recommendation");
    link->add_option("--date", o->date, "When the link holds from (default: today)");
    link->callback([&ctx, o] {
        std::optional<Date> d;
        if (!o->date.empty()) d = require_date(o->date, "--date");
        print_recorded(ctx.write(
            [&](Tracker& t) { return t.link(o->rec, o->measure, o->relation, o->note, d); }));
    });

    auto* unlink = app.add_subcommand("unlink", "Remove a link, with the reason");
    unlink->add_option("rec", o->rec, "Recommendation key")
        ->required()
        ->type_name("REC")
        ->type_name("REC");
    unlink->add_option("measure", o->measure, "Measure key")
        ->required()
        ->type_name("MEASURE")
        ->type_name("MEASURE");
    unlink->add_option("--reason", o->reason, "Why the link no longer holds")->required();
    unlink->add_option("--date", o->date, "When it stopped holding (default: today)");
    unlink->callback([&ctx, o] {
        std::optional<Date> d;
        if (!o->date.empty()) d = require_date(o->date, "--date");
        print_recorded(
            ctx.write([&](Tracker& t) { return t.unlink(o->rec, o->measure, o->reason, d); }));
    });
}

}  // namespace rectrack::cli
