// Whole-journal commands on a large journal run with glibc's malloc asking
// the kernel for transparent huge pages (bench/RESULTS.md): a report of a
// million events took 69,000 page faults, 14,000 with them, and a quarter
// less time. glibc reads its tunables only as a process starts, so such a
// command starts itself again, once, with the tunable added, before it has
// read or printed anything; the environment is put back as the user had it
// before anything else runs, so that programs rectrack starts see their own.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace rectrack::cli {

// From this size of journal (the database, or the file an import reads) a
// restart pays: at 50 MB (100,000 events) `recs` and a report gained 45-55
// ms, against 2-3 ms for starting again.
inline constexpr std::uintmax_t kHugePagesFrom = 32u << 20;

// GLIBC_TUNABLES as `current` (null: unset) with huge pages for malloc asked
// for; nothing when the user's own value already says what malloc is to do
// about them.
std::optional<std::string> tunables_with_huge_pages(const char* current);

// Whether a command reading `bytes` of journal is to restart with them, as
// RECTRACK_HUGE_PAGES says: "auto" or unset (from kHugePagesFrom), "always"
// or "never". Another value is an InputError.
bool wants_huge_pages(std::uintmax_t bytes, const char* setting);

// At start: puts back what a restart changed in the environment, and
// remembers that this process is the restarted one.
void restore_environment_after_restart();

// Starts this program again with `argv` and huge pages for malloc when the
// command reads `bytes` of journal and wants them; returns when it does not,
// or when this process already is the restart, or when starting again
// failed (the command then runs as it is).
void restart_with_huge_pages(char** argv, std::uintmax_t bytes);

}  // namespace rectrack::cli
