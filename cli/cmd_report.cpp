#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"
#include "report/report_render.hpp"

namespace rectrack::cli {

void add_report(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("report",
                                   "A period's status report (default: the last complete quarter)");
    struct Options {
        std::string quarter, from, to, format, output, as_recorded;
        std::vector<std::string> recs;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--quarter", o->quarter, "Calendar quarter, e.g. 2026-Q3");
    cmd->add_option("--from", o->from, "First day of the period");
    cmd->add_option("--to", o->to, "Last day of the period");
    add_format(cmd, o->format, {"md", "html", "csv", "json"});
    cmd->add_option("--output", o->output, "Write to this file instead of standard output");
    cmd->add_option(
        "--as-recorded", o->as_recorded,
        "Replay only events recorded up to this instant (reproduces an earlier report)");
    cmd->add_option("--recs", o->recs, "Only these recommendations, e.g. R1,R4")
        ->delimiter(',')
        ->type_name("REC");
    cmd->callback([&ctx, o] {
        const Settings s = ctx.settings();
        ReportOptions options;
        options.period = resolve_period(o->quarter, o->from, o->to, s.now.date());
        if (!o->as_recorded.empty())
            options.as_recorded = AsRecorded(require_instant(o->as_recorded, "--as-recorded"));
        options.generated = s.now;
        options.recs = o->recs;
        auto store = ctx.open();
        const StatusReport report = build_report(*store, options);
        const std::string text = o->format == "html"   ? render_html(report)
                                 : o->format == "csv"  ? render_csv(report)
                                 : o->format == "json" ? render_json(report)
                                                       : render_markdown(report);
        if (o->output.empty()) {
            std::cout << text;
            return;
        }
        // A report file is read on terminals too: controls are escaped as
        // they are on standard output (see visible_controls.hpp).
        std::ofstream out(o->output, std::ios::binary);
        if (!(out << escape_controls(text))) throw InputError("cannot write '" + o->output + "'");
    });
}

}  // namespace rectrack::cli
