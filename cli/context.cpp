#include "context.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "huge_pages.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

std::unique_ptr<Store> Context::open() const {
    const Settings s = settings();
    return std::make_unique<Store>(s.db_path, OpenOptions{Access::read, s.busy_timeout_ms});
}

void Context::prefer_huge_pages(const std::string& also_reads) const {
    if (!argv) return;
    // A file yet to be created reads nothing; one that cannot be read is
    // the command's to report.
    auto bytes = [](const std::string& path) -> std::uintmax_t {
        std::error_code missing;
        const auto size = std::filesystem::file_size(path, missing);
        return missing ? 0 : size;
    };
    restart_with_huge_pages(
        argv, bytes(settings().db_path) + (also_reads.empty() ? 0 : bytes(also_reads)));
}

namespace {

void remove_database(const std::string& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
}

// Moves a finished database into place unless one has appeared there since
// the import began: never overwrite a database.
void move_into_place(const std::string& from, const std::string& to) {
    if (std::filesystem::exists(from + "-wal"))  // SQLite keeps it only after a failed checkpoint
        throw StorageError("the new database '" + from +
                           "' did not close cleanly; nothing was imported");
    if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
    int error = errno;
    // A file system without RENAME_NOREPLACE: link() also refuses to replace.
    if (error == EINVAL) {
        if (link(from.c_str(), to.c_str()) == 0) {
            unlink(from.c_str());
            return;
        }
        error = errno;
    }
    if (error == EEXIST)
        throw StorageError("a database appeared at '" + to +
                           "' while importing; it was left as it is and nothing was imported");
    throw StorageError("cannot create '" + to + "': " + std::strerror(error));
}

}  // namespace

ImportResult Context::import_file(const std::string& file) const {
    const Settings s = settings();
    auto import_into = [&](const std::string& path, Access access) {
        Store store(path, OpenOptions{access, s.busy_timeout_ms});
        Store::Transaction tx(store);
        const ImportResult r = rectrack::import_file(store, tx, Actor{s.author, s.now}, file);
        // As for any other entry: with --strict, a warning refuses it all.
        if (strict && !r.warnings.empty())
            throw InputError(r.warnings.front() + " (refused: --strict)");
        tx.commit();
        print_warnings(r.warnings);
        return r;
    };
    if (std::filesystem::exists(s.db_path)) return import_into(s.db_path, Access::create);
    // A new database is built under another name and renamed into place
    // once complete, so that a failed or killed import never leaves an
    // empty or partial database where the user looks for one.
    const std::string partial = s.db_path + ".partial-" + std::to_string(getpid());
    // One left by a killed import that had this process number is garbage.
    remove_database(partial);
    try {
        const ImportResult r = import_into(partial, Access::build);
        move_into_place(partial, s.db_path);
        return r;
    } catch (...) {
        remove_database(partial);
        throw;
    }
}

void print_json(const nlohmann::json& j) {
    std::cout << j.dump(2) << "\n";
}

void print_warnings(const std::vector<std::string>& warnings) {
    for (const auto& w : warnings) std::cerr << "rectrack: warning: " << w << "\n";
}

void print_recorded(const Event& e) {
    std::cout << "recorded #" << e.id << ": " << describe(e) << "\n";
}

std::string optional_date(const std::optional<Date>& d) {
    return d ? d->str() : "-";
}

std::vector<std::string> split_references(const std::vector<std::string>& given) {
    std::vector<std::string> out;
    for (const auto& g : given) {
        if (g.find("://") != std::string::npos) {
            out.push_back(g);
            continue;
        }
        size_t from = 0;
        for (size_t comma; (comma = g.find(',', from)) != std::string::npos; from = comma + 1)
            if (comma > from) out.push_back(g.substr(from, comma - from));
        if (from < g.size()) out.push_back(g.substr(from));
    }
    return out;
}

CLI::Option* add_format(CLI::App* cmd, std::string& format, std::vector<std::string> allowed) {
    format = allowed.front();
    std::string names;
    for (const auto& a : allowed) names += (names.empty() ? "" : "|") + a;
    return cmd->add_option("--format", format, "Output format: " + names)
        ->check(CLI::IsMember(allowed));
}

void add_check_options(CLI::App* cmd, CheckFlags& f) {
    cmd->add_flag("--allow-private", f.policy.allow_private,
                  "Also check loopback and private addresses (never by default)");
    cmd->add_option("--timeout", f.timeout_s, "Seconds one request may take")
        ->capture_default_str();
    cmd->add_option("--retries", f.policy.attempts, "Attempts for timeouts, 5xx, 408 and 429")
        ->capture_default_str();
    cmd->add_option("--backoff-ms", f.policy.backoff_ms,
                    "First pause before a retry, doubled after each")
        ->capture_default_str();
    cmd->add_option("--min-interval-ms", f.policy.min_interval_ms,
                    "Pause between requests to one host")
        ->capture_default_str();
    cmd->add_option("--per-host", f.policy.per_host, "Requests at once to one host")
        ->capture_default_str();
    cmd->add_option("--max-requests", f.policy.total, "Requests at once in all")
        ->capture_default_str();
    cmd->add_option("--max-body", f.policy.max_body, "Bytes read of one body")
        ->capture_default_str();
}

CheckPolicy check_policy(const CheckFlags& f, const Settings& s) {
    CheckPolicy p = f.policy;
    if (f.timeout_s <= 0 || p.attempts < 1 || p.per_host < 1 || p.total < 1 ||
        p.min_interval_ms < 0 || p.backoff_ms < 0 || p.max_body < 1)
        throw InputError(
            "link-check limits must be positive (--timeout, --retries, --per-host, ...)");
    p.timeout_ms = static_cast<int>(f.timeout_s * 1000);
    p.connect_timeout_ms = std::min(p.connect_timeout_ms, p.timeout_ms);
    // The User-Agent names rectrack and how to reach its user; it carries
    // nothing else, so site owners never read instructions meant for staff.
    p.user_agent = std::string("rectrack/") + RECTRACK_VERSION +
                   (s.contact.empty() ? "" : " (+" + s.contact + ")");
    return p;
}

void note_missing_contact(const Settings& s) {
    if (s.contact.empty())
        std::cerr << "rectrack: note: no contact is set, so site owners cannot reach you; add "
                     "contact = \"you@example.org\" to rectrack.toml\n";
}

}  // namespace rectrack::cli

namespace rectrack::cli {

std::vector<CheckResult> with_progress(Fetch fetch, const std::vector<CheckTarget>& targets,
                                       const CheckPolicy& policy, const std::string& verb,
                                       const std::string& noun) {
    const bool tty = isatty(STDERR_FILENO);
    auto results = fetch(targets, policy, [&](std::size_t done, std::size_t total) {
        if (tty)
            std::cerr << "\r" << verb << " " << done << " of " << total << " " << noun
                      << std::flush;
    });
    if (tty && !targets.empty()) std::cerr << "\n";
    return results;
}

}  // namespace rectrack::cli
