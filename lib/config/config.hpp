// Where settings come from, in order: command-line flags, RECTRACK_*
// environment variables, ./rectrack.toml, then defaults.
#pragma once
#include <optional>
#include <string>

#include "time/date.hpp"

namespace rectrack {

struct Overrides {
    std::optional<std::string> db;
    std::optional<std::string> author;
};

struct Settings {
    std::string db_path = "rectrack.db";
    std::string author;
    std::string contact;  // sent in the User-Agent of link checks
    int busy_timeout_ms = 5000;
    // A target date this near is "due soon" in `recs`, `show` and reports.
    int due_soon_days = 30;
    // The clock. RECTRACK_NOW fixes it, so tests and reproduced reports see
    // the same "today" on any day they run.
    Instant now;
};

// Throws InputError for an unreadable or malformed rectrack.toml, or a
// malformed RECTRACK_NOW / RECTRACK_BUSY_TIMEOUT_MS.
Settings resolve_settings(const Overrides& flags, const std::string& config_path = "rectrack.toml");

}  // namespace rectrack
