// How `rectrack` hands a command that needs the network to rectrack-online,
// as git hands https to git-remote-https: the helper is the same program
// with libcurl linked in, run by exec with the same command line, so that
// its output, its exit code and its errors are the command's own.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "context.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

namespace {

// Beside the binary (the build tree), else where `cmake --install` puts it
// relative to the binary, so that an installed tree can be moved.
std::filesystem::path helper_path() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        throw StorageError("cannot find the rectrack-online helper: /proc/self/exe: " +
                           ec.message());
    const fs::path beside = exe.parent_path() / "rectrack-online";
    if (fs::exists(beside, ec)) return beside;
    return (exe.parent_path() / RECTRACK_LIBEXEC_FROM_BIN / "rectrack-online").lexically_normal();
}

}  // namespace

const Network& Context::online() const {
    if (network) return *network;
    const std::string helper = helper_path().string();
    std::cout.flush();
    std::cerr.flush();
    argv[0] = const_cast<char*>(helper.c_str());
    execv(helper.c_str(), argv);
    throw StorageError("cannot run the network helper " + helper + ": " + std::strerror(errno) +
                       " (it is installed with rectrack; reinstall it)");
}

}  // namespace rectrack::cli
