#include <iostream>

#include "commands.hpp"

namespace rectrack::cli {

void add_status(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("status", "Record where a recommendation stands");
    struct Options {
        std::string rec, status, date, note;
        std::vector<std::string> evidence;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("rec", o->rec, "Recommendation key")->required()->type_name("REC");
    cmd->add_option("status", o->status, "New status on the scale (listed below)")
        ->required()
        ->type_name("STATUS");
    cmd->add_option("--date", o->date, "When it happened (not in the future)")->required();
    cmd->add_option("--evidence", o->evidence,
                    "Evidence cited: E<n> or a recorded URL (repeatable, or E2,E7)")
        ->type_name("EVIDENCE");
    cmd->add_option("--note", o->note, "Why the status changed");
    std::string scale =
        "\nStatuses, in order of progress (the default scale; a dataset may set "
        "another):\n";
    for (const auto& level : StatusScale::default_scale().levels)
        scale += "  " + level.name +
                 std::string(16 - std::min<size_t>(15, level.name.size()), ' ') + level.label +
                 (level.closed ? " (closed: ends progress)" : "") + "\n";
    cmd->footer(scale + "Spellings are forgiving: Partial, in-force and in_force are one word.");
    cmd->callback([&ctx, o] {
        const Date d = require_date(o->date, "--date");
        const auto cited = split_references(o->evidence);
        print_recorded(ctx.write(
            [&](Tracker& t) { return t.set_status(o->rec, o->status, d, cited, o->note); }));
    });
}

}  // namespace rectrack::cli
