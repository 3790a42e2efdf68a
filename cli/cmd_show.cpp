#include <iostream>

#include "commands.hpp"
#include "report/recommendation_view.hpp"

namespace rectrack::cli {

void add_show(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("show", "Show one recommendation in full");
    struct Options {
        std::string key, format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("rec", o->key, "Recommendation key, e.g. R4")->required()->type_name("REC");
    add_format(cmd, o->format, {"text", "json"});
    cmd->callback([&ctx, o] {
        const auto store = ctx.open();
        const RecommendationView view = view_recommendation(*store, o->key, ctx.deadline_rule());
        if (o->format == "json")
            print_json(to_json(view));
        else
            write_text(std::cout, view);
    });
}

}  // namespace rectrack::cli
