#include <iostream>

#include "commands.hpp"

namespace rectrack::cli {

void add_note(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("note", "Add a dated note to a recommendation or measure");
    struct Options {
        std::string key, text, date;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("key", o->key, "Recommendation or measure key")
        ->required()
        ->type_name("SUBJECT");
    cmd->add_option("text", o->text, "The note")->required();
    cmd->add_option("--date", o->date, "Date the note refers to (default: today)");
    cmd->callback([&ctx, o] {
        std::optional<Date> d;
        if (!o->date.empty()) d = require_date(o->date, "--date");
        print_recorded(ctx.write([&](Tracker& t) { return t.add_note(o->key, o->text, d); }));
    });
}

}  // namespace rectrack::cli
