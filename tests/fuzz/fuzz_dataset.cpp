// The TOML dataset loader: any file is refused with an InputError or loaded
// into a journal that exports, re-imports, and reports in every format.
#include <cstdint>

#include "fuzz_support.hpp"
#include "report/report.hpp"
#include "report/report_render.hpp"

using namespace rectrack;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (!text.empty() && text.front() == '{') return 0;  // JSON: fuzz_journal's ground
    fuzz::import_and_round_trip(text, [](const Store& store) {
        ReportOptions options;
        options.period = resolve_period("2021-Q2", "", "", *parse_date("2026-11-27"));
        options.generated = fuzz::fuzz_actor().now;
        try {
            const StatusReport r = build_report(store, options);
            render_markdown(r);
            render_html(r);
            render_csv(r);
            render_json(r);
        } catch (const InputError&) {  // a dataset without a report, say
        }
    });
    return 0;
}
