// Shared by the tests: a temporary directory that cleans up after itself, and
// an open store with the small test dataset loaded at a fixed clock.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "store/store.hpp"
#include "tracker/tracker.hpp"

namespace rectrack::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

// The instant tests run at: 2026-11-27T12:00:00Z.
Instant test_now();
Actor test_actor();
std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& content);

// Runs one command's worth of work in one transaction, as the CLI does.
void record(Store& store, const std::function<void(Tracker&)>& work,
            const Actor& actor = test_actor());

// A store at `path` with tests/data/small.toml loaded.
std::unique_ptr<Store> small_store(const std::string& path, Access access = Access::create);

}  // namespace rectrack::test
