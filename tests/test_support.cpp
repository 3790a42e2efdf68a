#include "test_support.hpp"

#include <toml++/toml.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include "dataset/dataset.hpp"

namespace rectrack::test {

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("rectrack-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

Instant test_now() {
    return *parse_instant("2026-11-27T12:00:00Z");
}
Actor test_actor() {
    return Actor{"tester", test_now()};
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_text(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

void record(Store& store, const std::function<void(Tracker&)>& work, const Actor& actor) {
    Store::Transaction tx(store);
    Tracker tracker(store, tx, actor);
    work(tracker);
    tx.commit();
}

std::unique_ptr<Store> small_store(const std::string& path, Access access) {
    auto store = std::make_unique<Store>(path, OpenOptions{access, 1000});
    Store::Transaction tx(*store);
    Tracker tracker(*store, tx, test_actor());
    load_dataset(tracker, toml::parse_file(std::string(RECTRACK_TEST_DATA) + "/small.toml"),
                 "small.toml");
    tx.commit();
    return store;
}

}  // namespace rectrack::test
