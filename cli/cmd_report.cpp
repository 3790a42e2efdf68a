#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"
#include "report/report_render.hpp"

namespace rectrack::cli {

namespace {

// A report file is read on terminals too: controls are escaped as they are
// on standard output (see visible_controls.hpp).
void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    if (!(out << escape_controls(text))) throw InputError("cannot write '" + path.string() + "'");
}

// Markdown written to a file gets its two charts beside it, as SVG files
// named after it, for pandoc to place in a Word document.
std::string markdown_with_charts(const StatusReport& report, RenderOptions options,
                                 const std::filesystem::path& output) {
    const std::string stem = output.stem().string();
    options.status_chart = stem + "-status.svg";
    options.trend_chart = stem + "-trend.svg";
    write_file(output.parent_path() / options.status_chart, status_chart_svg(report));
    write_file(output.parent_path() / options.trend_chart, trend_chart_svg(report));
    return render_markdown(report, options);
}

}  // namespace

void add_report(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("report",
                                   "A period's status report (default: the last complete quarter)");
    struct Options {
        std::string quarter, from, to, format, output, as_recorded, by;
        std::vector<std::string> recs, themes, addressees;
        bool collapse = false;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--quarter", o->quarter, "Calendar quarter, e.g. 2026-Q3");
    cmd->add_option("--from", o->from, "First day of the period");
    cmd->add_option("--to", o->to, "Last day of the period");
    add_format(cmd, o->format, {"md", "html", "csv", "json", "pdf"});
    cmd->add_option("-o,--output", o->output,
                    "Write to this file instead of standard output (pdf: required; md: the "
                    "charts are written beside it)");
    cmd->add_option("--theme", o->themes,
                    "Only recommendations on these themes, e.g. cybersecurity")
        ->delimiter(',');
    cmd->add_option("--addressee", o->addressees, "Only recommendations addressed to these")
        ->delimiter(',');
    cmd->add_option("--by", o->by, "Also group the recommendations: addressee")
        ->check(CLI::IsMember({"addressee"}))
        ->type_name("GROUPING");
    cmd->add_flag("--collapse-unchanged", o->collapse,
                  "Name recommendations with nothing in the period in one line (md, html, pdf)");
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
        options.themes = o->themes;
        options.addressees = o->addressees;
        options.by_addressee = o->by == "addressee";
        options.due_soon_days = s.due_soon_days;
        if (o->format == "pdf" && o->output.empty())
            throw InputError("--format pdf writes a file: give --output FILE.pdf");
        ctx.prefer_huge_pages();
        auto store = ctx.open();
        const StatusReport report = build_report(*store, options);
        RenderOptions layout;
        layout.collapse_unchanged = o->collapse;
        if (o->format == "pdf") return print_pdf(render_html(report, layout), o->output);
        if (o->format == "md" && !o->output.empty())
            return write_file(o->output, markdown_with_charts(report, layout, o->output));
        if (o->output.empty() && o->format == "json") return write_json(report, std::cout);
        if (o->output.empty() && o->format == "md")
            return write_markdown(report, layout, std::cout);
        const std::string text = o->format == "html"   ? render_html(report, layout)
                                 : o->format == "csv"  ? render_csv(report)
                                 : o->format == "json" ? render_json(report)
                                                       : render_markdown(report, layout);
        if (o->output.empty())
            std::cout << text;
        else
            write_file(o->output, text);
    });
}

}  // namespace rectrack::cli
