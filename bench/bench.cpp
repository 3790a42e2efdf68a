// Scale benchmark (design, "Scale"): recording one update must cost the same
// on a database of a million events as on a fresh one; reports, verify and
// export may grow linearly but should stay well under a second or so.
//
//   rectrack_bench [events] [recommendations]     defaults: 1000000 100000
//
// Prints figures; asserts nothing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "dataset/journal_file.hpp"
#include "report/recommendation_view.hpp"
#include "report/report_render.hpp"
#include "store/store.hpp"
#include "tracker/tracker.hpp"

using namespace rectrack;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

Actor actor(std::int64_t second) {
    return Actor{"bench", Instant{1767225600 + second}};
}  // 2026

// Fills `store` with `recs` recommendations and status changes up to `events`.
void fill(Store& store, std::int64_t events, int recs) {
    Store::Transaction tx(store);
    Tracker t(store, tx, actor(0));
    t.set_scale(StatusScale::default_scale(), Date{2020, 1, 1});
    t.add_report({"bench", "Bench report", "", "", Date{2020, 1, 1}, ""});
    for (int i = 1; i <= recs; ++i)
        t.add_recommendation({"R" + std::to_string(i),
                              "bench",
                              i,
                              "",
                              "Rec " + std::to_string(i),
                              "Text",
                              {},
                              {},
                              Date{}});
    t.add_evidence({Evidence{0, "https://example.org/e", "E", "", {}, {}, "", "", "", ""}, {}});
    const char* statuses[] = {"announced", "proposed", "partial", "substantial"};
    for (std::int64_t n = store.last_event_id(); n < events; ++n) {
        const int rec = static_cast<int>(n % recs) + 1;
        t.set_status("R" + std::to_string(rec), statuses[n % 4],
                     Date::from_days(Date{2021, 1, 1}.days() + n % 1500), {"E1"}, "");
    }
    tx.commit();
}

// Average milliseconds to record one status change, each in its own
// transaction as a CLI call would, over `n` calls.
double record_cost(Store& store, int recs, int n) {
    const auto start = Clock::now();
    for (int i = 0; i < n; ++i) {
        Store::Transaction tx(store);
        Tracker t(store, tx, actor(100000 + i));
        t.set_status("R" + std::to_string(1 + (i * 7919) % recs), "partial", Date{2026, 1, 1},
                     {"E1"}, "bench");
        tx.commit();
    }
    return ms_since(start) / n;
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t events = argc > 1 ? std::stoll(argv[1]) : 1000000;
    const int recs = argc > 2 ? std::stoi(argv[2]) : 100000;
    const auto dir =
        std::filesystem::temp_directory_path() / ("rectrack-bench-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    Store fresh((dir / "fresh.db").string(), {Access::create, 5000});
    fill(fresh, 0, 100);
    std::printf("record one status change, fresh database:   %.3f ms\n",
                record_cost(fresh, 100, 200));

    Store full((dir / "full.db").string(), {Access::create, 5000});
    auto t = Clock::now();
    fill(full, events, recs);
    std::printf("fill %lld events, %d recommendations:       %.0f ms\n",
                static_cast<long long>(full.last_event_id()), recs, ms_since(t));
    std::printf("record one status change, full database:    %.3f ms\n",
                record_cost(full, recs, 200));

    t = Clock::now();
    const auto rows = recommendation_summaries(full, {Date{2026, 1, 1}, 30});
    std::printf("recs (%zu rows):                        %.0f ms\n", rows.size(), ms_since(t));
    t = Clock::now();
    view_recommendation(full, "R4", {Date{2026, 1, 1}, 30});
    std::printf("show R4 (history, measures, follow-up):     %.3f ms\n", ms_since(t));
    t = Clock::now();
    const Period quarter = resolve_period("2024-Q3", "", "", Date{2026, 1, 1});
    ReportOptions options;
    options.period = quarter;
    options.generated = actor(0).now;
    const std::string report = render_json(build_report(full, options));
    std::printf("report 2024-Q3 as JSON (%.0f MB):                %.0f ms\n", report.size() / 1e6,
                ms_since(t));
    t = Clock::now();
    const auto v = full.verify();
    std::printf("verify (%lld events, %s):               %.0f ms\n",
                static_cast<long long>(v.events), v.ok ? "ok" : "FAILED", ms_since(t));
    t = Clock::now();
    const auto json = export_journal_json(full);
    std::printf("export json (%.0f MB):                        %.0f ms\n", json.size() / 1e6,
                ms_since(t));
    if (!std::getenv("RECTRACK_BENCH_KEEP")) std::filesystem::remove_all(dir);
}
