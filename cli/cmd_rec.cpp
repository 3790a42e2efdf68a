#include <iostream>

#include "commands.hpp"

namespace rectrack::cli {

void add_rec(CLI::App& app, Context& ctx) {
    auto* rec = app.add_subcommand("rec", "Add recommendations, or split one into parts");
    rec->require_subcommand(1);
    auto* cmd = rec->add_subcommand("add", "Add a recommendation, or a part of one (--parent)");
    struct Options {
        Recommendation r;
        std::string date, status;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("key", o->r.key, "Key, e.g. R12, or R4.a for a part")->required();
    cmd->add_option("--title", o->r.title, "Short title")->required();
    cmd->add_option("--text", o->r.text, "Full text, verbatim from the report");
    cmd->add_option("--parent", o->r.parent, "The recommendation this is a part of")
        ->type_name("REC");
    cmd->add_option("--report", o->r.report, "Report key (default: the only report tracked)");
    cmd->add_option("--number", o->r.number, "Number in the report (default: the parent's)");
    cmd->add_option("--addressee", o->r.addressees, "Addressee (repeatable, or commas)")
        ->delimiter(',');
    cmd->add_option("--theme", o->r.themes, "Theme (repeatable, or commas)")->delimiter(',');
    cmd->add_option("--date", o->date,
                    "Day of the split, when the parent has a status (default: today)");
    cmd->add_option("--status", o->status,
                    "A split-off part's starting status (default: the parent's)");
    cmd->callback([&ctx, o] {
        std::optional<Date> date;
        if (!o->date.empty()) date = require_date(o->date, "--date");
        for (const auto& e :
             ctx.write([&](Tracker& t) { return t.add_recommendation(o->r, date, o->status); }))
            print_recorded(e);
    });
}

}  // namespace rectrack::cli
