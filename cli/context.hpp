// What every command shares: the global flags, how to open the store and
// run one write transaction, and small printing helpers.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>

#include "audit/link_check.hpp"
#include "config/config.hpp"
#include "dataset/journal_file.hpp"
#include "model/text.hpp"
#include "store/store.hpp"
#include "tracker/lookup.hpp"
#include "tracker/tracker.hpp"

namespace rectrack::cli {

// "rectrack: warning: ..." on stderr, one line each.
void print_warnings(const std::vector<std::string>& warnings);

using Fetch = std::vector<CheckResult> (*)(const std::vector<CheckTarget>&, const CheckPolicy&,
                                           const std::function<void(std::size_t, std::size_t)>&);

// The link checker's entry points (audit/link_check.hpp). Only the
// rectrack-online helper links them, so that `rectrack` never loads libcurl
// and its dependency tree: in `rectrack` this is absent, and a command that
// needs the network hands its whole command line over to the helper.
struct Network {
    Fetch check_links;
    CheckResult (*capture_source)(const CheckTarget&, const CheckPolicy&);
    Fetch fetch_copies;
};

struct Context {
    Overrides overrides;
    const Network* network = nullptr;
    char** argv = nullptr;  // the command line, as the helper is to get it
    int exit_code = 0;
    bool strict = false;  // --strict: entry warnings refuse the command
    mutable std::optional<Settings> resolved;

    // Resolved once per command: flags, environment and rectrack.toml do not
    // change while it runs.
    const Settings& settings() const {
        if (!resolved) resolved = resolve_settings(overrides);
        return *resolved;
    }
    // Deadlines judged on the clock's day, with the configured warning.
    DeadlineRule deadline_rule() const { return {settings().now.date(), settings().due_soon_days}; }
    // The network, for a command that needs it. Call it before anything is
    // opened or printed: in `rectrack` it does not return but runs the
    // rectrack-online helper with the same command line.
    const Network& online() const;
    // Opens the database read-only, for commands that only read.
    std::unique_ptr<Store> open() const;
    // Before a command that reads the whole journal (and the file
    // `also_reads`, such as one to import) has read or printed anything: on
    // a large journal, starts it again with huge pages for malloc
    // (huge_pages.hpp).
    void prefer_huge_pages(const std::string& also_reads = {}) const;
    // Runs `work` in one transaction, commits it (all or nothing) and returns
    // what `work` returned. Commands print from that result, after the
    // commit, so nothing is reported as recorded that was not.
    template <typename Work>
    auto write(Work&& work) const {
        const Settings& s = settings();
        Store store(s.db_path, OpenOptions{Access::write, s.busy_timeout_ms});
        Store::Transaction tx(store);
        Tracker tracker(store, tx, Actor{s.author, s.now});
        tracker.set_strict(strict);
        if constexpr (std::is_void_v<decltype(work(tracker))>) {
            work(tracker);
            tx.commit();
            print_warnings(tracker.warnings());
        } else {
            auto result = work(tracker);
            tx.commit();
            print_warnings(tracker.warnings());
            return result;
        }
    }
    // Imports a journal or dataset in one transaction, creating the database
    // if needed; a database this call created is removed again on failure.
    ImportResult import_file(const std::string& file) const;
};

void print_json(const nlohmann::json& j);
// "recorded #12: R4 -> partial (cites E3)"
void print_recorded(const Event& e);
std::string optional_date(const std::optional<Date>& d);
// Evidence references given as repeated flags or with commas ("E2,E7"); a
// URL is taken whole, since URLs may hold commas.
std::vector<std::string> split_references(const std::vector<std::string>& given);
// Adds --format with the allowed values; the default comes first.
CLI::Option* add_format(CLI::App* cmd, std::string& format, std::vector<std::string> allowed);

// The politeness and safety knobs of link checks, shared by `audit --online`
// and `evidence capture`; the User-Agent names rectrack and the contact.
struct CheckFlags {
    CheckPolicy policy;
    double timeout_s = 30;
};
void add_check_options(CLI::App* cmd, CheckFlags& flags);
CheckPolicy check_policy(const CheckFlags& flags, const Settings& settings);
// Before fetching anything: tells the user on stderr when no contact is set.
void note_missing_contact(const Settings& settings);

// check_links or fetch_copies, run with a progress line ("checked 3 of 40
// URLs") for a person watching; never into a pipe or a file.
std::vector<CheckResult> with_progress(Fetch fetch, const std::vector<CheckTarget>& targets,
                                       const CheckPolicy& policy, const std::string& verb,
                                       const std::string& noun);

}  // namespace rectrack::cli
