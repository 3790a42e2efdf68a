#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

namespace {

// The listing as JSON, one object per recommendation.
void print_recs_json(const std::vector<RecommendationSummary>& rows) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows)
        out.push_back(
            {{"key", r.rec.key},
             {"title", r.rec.title},
             {"parent", r.rec.parent.empty() ? nlohmann::json() : nlohmann::json(r.rec.parent)},
             {"status", r.status},
             {"status_since",
              r.status_since ? nlohmann::json(r.status_since->str()) : nlohmann::json()},
             {"measures", r.measures},
             {"evidence", r.evidence},
             {"addressees", r.rec.addressees},
             {"themes", r.rec.themes},
             {"owner", r.follow_up.owner},
             {"target",
              r.follow_up.target ? nlohmann::json(r.follow_up.target->str()) : nlohmann::json()},
             {"deadline", deadline_name(r.deadline)},
             {"response", r.follow_up.response ? nlohmann::json(r.follow_up.response->value)
                                               : nlohmann::json()}});
    print_json(out);
}

}  // namespace

void add_recs(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("recs", "List recommendations with their current status");
    struct Options {
        std::vector<std::string> statuses, addressees, themes, owners;
        bool overdue = false;
        std::string format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--status", o->statuses, "Only these statuses (repeatable, or commas)")
        ->delimiter(',')
        ->type_name("STATUS");
    cmd->add_option("--addressee", o->addressees,
                    "Only those addressed to these (repeatable, or commas), e.g. Council")
        ->delimiter(',');
    cmd->add_option("--theme", o->themes, "Only those on these themes (repeatable, or commas)")
        ->delimiter(',');
    cmd->add_option("--owner", o->owners, "Only those these staff follow (repeatable, or commas)")
        ->delimiter(',');
    cmd->add_flag("--overdue", o->overdue,
                  "Only those whose target date has passed and are not implemented or closed");
    add_format(cmd, o->format, {"text", "json"});
    cmd->callback([&ctx, o] {
        ctx.prefer_huge_pages();
        auto store = ctx.open();
        const StatusScale scale = store->scale();
        std::vector<std::string> statuses;
        for (const auto& s : o->statuses) statuses.push_back(scale.require(s));
        auto rows = recommendation_summaries(*store, ctx.deadline_rule());
        if (o->overdue)
            std::erase_if(rows, [](const auto& r) { return r.deadline != Deadline::overdue; });
        if (!o->owners.empty()) {
            const auto keep = followed_by(rows, o->owners);
            std::erase_if(rows, [&](const auto& r) { return !keep.contains(r.rec.key); });
        }
        std::erase_if(rows, [&](const RecommendationSummary& r) {
            return !statuses.empty() &&
                   std::find(statuses.begin(), statuses.end(), r.status) == statuses.end();
        });
        for (const auto& [wanted, tag] :
             {std::pair{&o->addressees, Tag::addressee}, std::pair{&o->themes, Tag::theme}}) {
            if (wanted->empty()) continue;
            const auto keep = tagged(store->recommendations(), *wanted, tag);
            std::erase_if(rows, [&](const auto& r) { return !keep.contains(r.rec.key); });
        }
        if (o->format == "json") {
            print_recs_json(rows);
            return;
        }
        std::cout << column("KEY", 8) << column("STATUS", 15) << column("SINCE", 12)
                  << column("MEASURES", 9) << column("EVIDENCE", 9) << column("TARGET", 12)
                  << column("DUE", 10) << column("OWNER", 14) << "TITLE\n";
        for (const auto& r : rows)
            std::cout << column((r.rec.parent.empty() ? "" : "  ") + r.rec.key, 8)
                      << column(r.status, 15) << column(optional_date(r.status_since), 12)
                      << column(std::to_string(r.measures), 9)
                      << column(std::to_string(r.evidence), 9)
                      << column(optional_date(r.follow_up.target), 12)
                      << column(std::string(deadline_name(r.deadline)), 10)
                      << column(r.follow_up.owner.empty() ? "-" : r.follow_up.owner, 14)
                      << r.rec.title << "\n";
    });
}

}  // namespace rectrack::cli
