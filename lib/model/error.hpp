// Errors that cross the library boundary. The CLI maps each to an exit code,
// so the kind of failure, not its message, decides what a script sees.
#pragma once
#include <stdexcept>

namespace rectrack {

// The user asked for something invalid: unknown key, malformed identifier,
// impossible date. Exit code 2. Nothing has been written.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The database is missing, locked, corrupt or too new. Exit code 3.
struct StorageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace rectrack
