#include "huge_pages.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "model/error.hpp"

namespace rectrack::cli {

namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb";
// Set only between a restart and restore_environment_after_restart(): the
// user's GLIBC_TUNABLES, when there was one.
constexpr const char* kRestarted = "RECTRACK_RESTARTED";
constexpr const char* kUserTunables = "RECTRACK_USER_GLIBC_TUNABLES";

bool restarted = false;

}  // namespace

std::optional<std::string> tunables_with_huge_pages(const char* current) {
    const std::string_view now = current ? current : "";
    // Each tunable is "name=value", separated by colons.
    std::size_t at = 0;
    while (at <= now.size()) {
        const std::size_t end = std::min(now.find(':', at), now.size());
        if (now.substr(at, end - at).starts_with(std::string(kTunable) + "=")) return std::nullopt;
        at = end + 1;
    }
    const std::string added = std::string(kTunable) + "=1";
    return now.empty() ? added : std::string(now) + ":" + added;
}

bool wants_huge_pages(std::uintmax_t bytes, const char* setting) {
    const std::string_view s = setting ? setting : "auto";
    if (s == "always") return true;
    if (s == "never") return false;
    if (s == "auto") return bytes >= kHugePagesFrom;
    throw InputError("RECTRACK_HUGE_PAGES is '" + std::string(s) +
                     "': expected auto, always or never");
}

void restore_environment_after_restart() {
    if (!std::getenv(kRestarted)) return;
    restarted = true;
    if (const char* user = std::getenv(kUserTunables))
        setenv("GLIBC_TUNABLES", user, 1);
    else
        unsetenv("GLIBC_TUNABLES");
    unsetenv(kUserTunables);
    unsetenv(kRestarted);
}

void restart_with_huge_pages(char** argv, std::uintmax_t bytes) {
    if (restarted || !wants_huge_pages(bytes, std::getenv("RECTRACK_HUGE_PAGES"))) return;
    const char* user = std::getenv("GLIBC_TUNABLES");
    const auto tunables = tunables_with_huge_pages(user);
    if (!tunables) return;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return;
    if (user) setenv(kUserTunables, user, 1);
    setenv(kRestarted, "1", 1);
    setenv("GLIBC_TUNABLES", tunables->c_str(), 1);
    std::cout.flush();
    std::cerr.flush();
    execv(self.c_str(), argv);
    // Still here: run as we are, with the environment as it was.
    restore_environment_after_restart();
    restarted = false;
}

}  // namespace rectrack::cli
