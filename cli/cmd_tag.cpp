#include <iostream>

#include "commands.hpp"

namespace rectrack::cli {

namespace {

// `tag` gives themes and addressees; `untag` takes them away.
void add_tagging(CLI::App& app, Context& ctx, bool give) {
    auto* cmd =
        app.add_subcommand(give ? "tag" : "untag",
                           give ? "Give a recommendation themes or addressees, or a measure themes"
                                : "Take themes or addressees from a recommendation or measure");
    struct Options {
        std::string key, date;
        Tracker::TagEdit tags;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("key", o->key, "Recommendation or measure key")
        ->required()
        ->type_name("SUBJECT");
    cmd->add_option("--theme", o->tags.themes, "Theme (repeatable, or commas), e.g. cybersecurity")
        ->delimiter(',');
    cmd->add_option("--addressee", o->tags.addressees,
                    "Addressee (repeatable, or commas), e.g. Council")
        ->delimiter(',');
    cmd->add_option("--date", o->date, "When it changed (default: today)");
    cmd->callback([&ctx, o, give] {
        std::optional<Date> d;
        if (!o->date.empty()) d = require_date(o->date, "--date");
        print_recorded(ctx.write([&](Tracker& t) {
            return give ? t.change_tags(o->key, o->tags, {}, d)
                        : t.change_tags(o->key, {}, o->tags, d);
        }));
    });
}

}  // namespace

void add_tag(CLI::App& app, Context& ctx) {
    add_tagging(app, ctx, true);
    add_tagging(app, ctx, false);
}

}  // namespace rectrack::cli
