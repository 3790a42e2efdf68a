#include "config/config.hpp"

#include <pwd.h>
#include <unistd.h>

#include <toml++/toml.h>
#include <cstdlib>
#include <filesystem>

#include "model/error.hpp"
#include "model/text.hpp"

namespace rectrack {

namespace {

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

std::string login_name() {
    if (auto u = env("USER")) return *u;
    if (const passwd* pw = getpwuid(geteuid())) return pw->pw_name;
    return "unknown";
}

int parse_timeout(const std::string& text, const std::string& where) {
    if (const auto v = parse_number<int>(text)) return *v;
    throw InputError("invalid busy timeout '" + text + "' in " + where +
                     ": expected milliseconds, e.g. 5000");
}

}  // namespace

Settings resolve_settings(const Overrides& flags, const std::string& config_path) {
    Settings s;
    std::optional<std::string> file_db, file_author;
    if (std::filesystem::exists(config_path)) {
        toml::table t;
        try {
            t = toml::parse_file(config_path);
        } catch (const toml::parse_error& e) {
            throw InputError(config_path + ":" + std::to_string(e.source().begin.line) + ": " +
                             std::string(e.description()));
        }
        for (const auto& [key, value] : t) {
            const std::string k(key.str());
            if (k == "db" && value.is_string()) {
                file_db = value.as_string()->get();
            } else if (k == "author" && value.is_string()) {
                file_author = value.as_string()->get();
            } else if (k == "contact" && value.is_string()) {
                s.contact = value.as_string()->get();
            } else if (k == "busy_timeout_ms" && value.is_integer()) {
                s.busy_timeout_ms = static_cast<int>(value.as_integer()->get());
            } else if (k == "due_soon_days" && value.is_integer() &&
                       value.as_integer()->get() >= 0) {
                s.due_soon_days = static_cast<int>(value.as_integer()->get());
            } else {
                throw InputError(config_path + ": unknown or mistyped setting '" + k +
                                 "' (known: db, author, contact, busy_timeout_ms, due_soon_days)");
            }
        }
    }
    s.db_path = flags.db             ? *flags.db
                : env("RECTRACK_DB") ? *env("RECTRACK_DB")
                                     : file_db.value_or("rectrack.db");
    s.author = flags.author             ? *flags.author
               : env("RECTRACK_AUTHOR") ? *env("RECTRACK_AUTHOR")
                                        : file_author.value_or(login_name());
    if (auto t = env("RECTRACK_BUSY_TIMEOUT_MS"))
        s.busy_timeout_ms = parse_timeout(*t, "RECTRACK_BUSY_TIMEOUT_MS");
    if (auto d = env("RECTRACK_DUE_SOON_DAYS")) {
        const auto days = parse_number<int>(*d);
        if (!days || *days < 0)
            throw InputError("invalid RECTRACK_DUE_SOON_DAYS '" + *d + "': expected days, e.g. 30");
        s.due_soon_days = *days;
    }
    s.now = system_now();
    if (auto n = env("RECTRACK_NOW")) s.now = require_instant(*n, "RECTRACK_NOW");
    return s;
}

}  // namespace rectrack
