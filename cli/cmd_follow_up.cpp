// owner, target, response: a recommendation's follow-up.
#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

namespace {

std::optional<Date> optional_date_flag(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return require_date(text, "--date");
}

void add_owner(CLI::App& app, Context& ctx) {
    struct Options {
        std::string rec, owner, date;
        bool clear = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("owner", "Name who follows a recommendation internally");
    cmd->add_option("rec", o->rec, "Recommendation key")->required()->type_name("REC");
    auto* name = cmd->add_option("name", o->owner, "The staff member, e.g. \"A. Rossi\"");
    cmd->add_flag("--clear", o->clear, "No one follows it any more")->excludes(name);
    cmd->add_option("--date", o->date, "From when (default: today)");
    cmd->callback([&ctx, o] {
        if (o->owner.empty() && !o->clear) throw InputError("name the owner, or give --clear");
        const auto d = optional_date_flag(o->date);
        print_recorded(ctx.write([&](Tracker& t) { return t.set_owner(o->rec, o->owner, d); }));
    });
}

void add_target(CLI::App& app, Context& ctx) {
    struct Options {
        std::string rec, target, reason, date;
        bool clear = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("target",
                                   "Set, move or clear the date a recommendation is "
                                   "expected to be implemented by");
    cmd->add_option("rec", o->rec, "Recommendation or part key")->required()->type_name("REC");
    auto* date =
        cmd->add_option("date", o->target, "The target date, YYYY-MM-DD")->type_name("TARGET");
    cmd->add_flag("--clear", o->clear, "No target any more")->excludes(date);
    cmd->add_option("--reason", o->reason, "Why it moves or is cleared (required then)");
    cmd->add_option("--date", o->date, "When it was set (default: today)");
    cmd->callback([&ctx, o] {
        if (o->target.empty() && !o->clear) throw InputError("give the target date, or --clear");
        std::optional<Date> target;
        if (!o->clear) target = require_date(o->target, "the target date");
        const auto d = optional_date_flag(o->date);
        print_recorded(
            ctx.write([&](Tracker& t) { return t.set_target(o->rec, target, o->reason, d); }));
    });
}

void add_response(CLI::App& app, Context& ctx) {
    struct Options {
        std::string rec, response, note, date;
        std::vector<std::string> evidence;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("response", "Record how the addressee responded");
    cmd->add_option("rec", o->rec, "Recommendation key")->required()->type_name("REC");
    cmd->add_option("response", o->response,
                    "accepted, partially_accepted, noted, rejected or no_response")
        ->required()
        ->type_name("RESPONSE");
    cmd->add_option("--evidence", o->evidence, "Where it says so: E<n> or URL (repeatable)");
    cmd->add_option("--note", o->note, "What the response said");
    cmd->add_option("--date", o->date, "When it responded (default: today)");
    cmd->callback([&ctx, o] {
        const auto d = optional_date_flag(o->date);
        print_recorded(ctx.write([&](Tracker& t) {
            return t.record_response(o->rec, o->response, d, split_references(o->evidence),
                                     o->note);
        }));
    });
}

}  // namespace

void add_follow_up(CLI::App& app, Context& ctx) {
    add_owner(app, ctx);
    add_target(app, ctx);
    add_response(app, ctx);
}

}  // namespace rectrack::cli
