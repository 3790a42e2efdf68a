#include "context.hpp"

#include <iostream>

namespace rectrack::cli {

std::unique_ptr<Store> Context::open(bool create) const {
    const Settings s = settings();
    return std::make_unique<Store>(s.db_path, OpenOptions{create, s.busy_timeout_ms});
}

void Context::write(const std::function<void(Tracker&, Store&)>& work) const {
    const Settings s = settings();
    Store store(s.db_path, OpenOptions{false, s.busy_timeout_ms});
    Store::Transaction tx(store);
    Tracker tracker(store, tx, Actor{s.author, s.now});
    work(tracker, store);
    tx.commit();
}

void print_json(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

std::string column(const std::string& s, size_t width) {
    size_t points = 0;
    for (unsigned char c : s) points += (c & 0xC0) != 0x80;
    return points >= width ? s + " " : s + std::string(width - points, ' ');
}

std::string optional_date(const std::optional<Date>& d) { return d ? d->str() : "-"; }

CLI::Option* add_format(CLI::App* cmd, std::string& format, std::vector<std::string> allowed) {
    format = allowed.front();
    std::string names;
    for (const auto& a : allowed) names += (names.empty() ? "" : "|") + a;
    return cmd->add_option("--format", format, "Output format: " + names)
        ->check(CLI::IsMember(allowed));
}

}  // namespace rectrack::cli
