// A CLI test with the link test server (link_server.py) running on
// 127.0.0.1, started and stopped by the test itself. Nothing is sent
// anywhere else.
#pragma once
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "e2e/cli_fixture.hpp"

namespace rectrack::test {

class LinkServerTest : public CliTest {
  protected:
    std::unique_ptr<Background> server;
    std::string base;  // http://127.0.0.1:PORT
    std::string tls;   // https://127.0.0.1:PORT, behind a certificate nobody trusts

    void SetUp() override {
        server = std::make_unique<Background>(
            "/usr/bin/python3",
            std::vector<std::string>{std::string(RECTRACK_E2E_DIR) + "/link_server.py",
                                     dir.file("port"), dir.file("server.log")});
        for (int i = 0; i < 100 && !std::filesystem::exists(dir.file("port")); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        ASSERT_TRUE(std::filesystem::exists(dir.file("port"))) << "the test server did not start";
        base = "http://127.0.0.1:" + read_text(dir.file("port"));
        tls = "https://127.0.0.1:" + read_text(dir.file("port.tls"));
    }

    std::vector<nlohmann::json> server_log() {
        std::vector<nlohmann::json> out;
        std::ifstream in(dir.file("server.log"));
        for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
        return out;
    }
    // The log once it holds `n` lines: the server writes a line after its
    // answer has gone, so the last may follow the client's exit by a moment.
    std::vector<nlohmann::json> server_log_of_at_least(size_t n) {
        auto log = server_log();
        for (int i = 0; i < 100 && log.size() < n; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            log = server_log();
        }
        return log;
    }
    std::vector<nlohmann::json> requests_to(const std::string& path) {
        std::vector<nlohmann::json> out;
        for (auto& r : server_log())
            if (r["path"] == path) out.push_back(r);
        return out;
    }
};

}  // namespace rectrack::test
