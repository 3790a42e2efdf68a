// PDF is chromium's job: it prints the HTML report exactly as a reader's
// browser would, honouring the page's CSS for paper size, margins, running
// header and page numbers. rectrack only finds it, runs it and waits.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <thread>

#include "model/error.hpp"
#include "report/report_render.hpp"

extern char** environ;

namespace rectrack {

namespace fs = std::filesystem;

namespace {

// Chromium's first start can be slow on a cold machine; a hung one must
// not hang the command.
constexpr auto kPrintTimeout = std::chrono::seconds(180);

bool executable(const fs::path& p) {
    return access(p.c_str(), X_OK) == 0 && !fs::is_directory(p);
}

std::optional<fs::path> find_chromium() {
    if (const char* chosen = std::getenv("RECTRACK_CHROMIUM"); chosen && *chosen) {
        if (executable(chosen)) return fs::path(chosen);
        return std::nullopt;
    }
    const char* path = std::getenv("PATH");
    const std::string dirs = path ? path : "";
    for (const char* name :
         {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
        size_t from = 0;
        while (from <= dirs.size()) {
            const size_t to = std::min(dirs.find(':', from), dirs.size());
            const fs::path candidate = fs::path(dirs.substr(from, to - from)) / name;
            if (to > from && executable(candidate)) return candidate;
            from = to + 1;
        }
    }
    return std::nullopt;
}

// A scratch folder for the page, the profile and the printed file.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "rectrack-pdf-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw StorageError("cannot create a temporary folder");
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

std::string file_url(const fs::path& p) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string url = "file://";
    for (unsigned char c : p.string()) {
        if (std::isalnum(c) ||
            std::string_view("/-_.~").find(static_cast<char>(c)) != std::string_view::npos) {
            url += static_cast<char>(c);
        } else {
            url += '%';
            url += hex[c >> 4];
            url += hex[c & 0xf];
        }
    }
    return url;
}

// Runs a program with no input and its chatter discarded, in a process
// group of its own so that a timeout takes its helpers down with it.
int run_quietly(const std::vector<std::string>& args) {
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &files, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (spawned != 0) throw StorageError("cannot run " + args[0]);
    const auto deadline = std::chrono::steady_clock::now() + kPrintTimeout;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            throw StorageError(args[0] + " did not finish printing within " +
                               std::to_string(kPrintTimeout.count()) + " s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

void print_pdf(const std::string& html, const fs::path& output) {
    const auto chromium = find_chromium();
    if (!chromium)
        throw InputError(
            "--format pdf prints through headless chromium, which was not found "
            "(install it with 'apt-get install chromium', or set RECTRACK_CHROMIUM)");
    const ScratchDir scratch;
    const fs::path page = scratch.path / "report.html", printed = scratch.path / "report.pdf";
    if (!(std::ofstream(page, std::ios::binary) << html))
        throw StorageError("cannot write " + page.string());
    // Headless and quiet: no first-run pages, no updates, no sync, nothing
    // fetched; the page is self-contained.
    std::vector<std::string> args = {chromium->string(),
                                     "--headless",
                                     "--disable-gpu",
                                     "--no-first-run",
                                     "--no-default-browser-check",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-extensions",
                                     "--disable-sync",
                                     "--user-data-dir=" + (scratch.path / "profile").string(),
                                     "--no-pdf-header-footer",
                                     "--print-to-pdf=" + printed.string()};
    if (geteuid() == 0)
        args.push_back("--no-sandbox");  // chromium will not start as root without it
    args.push_back(file_url(page));
    const int status = run_quietly(args);
    std::error_code ec;
    if (status != 0 || fs::file_size(printed, ec) == 0 || ec)
        throw StorageError(chromium->string() + " could not print the report (exit status " +
                           std::to_string(status) + ")");
    // The file appears whole or not at all.
    const fs::path part = output.string() + ".part";
    fs::copy_file(printed, part, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(part, output, ec);
    if (ec) {
        fs::remove(part, ec);
        throw InputError("cannot write '" + output.string() + "'");
    }
}

}  // namespace rectrack
