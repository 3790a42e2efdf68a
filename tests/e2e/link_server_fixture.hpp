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

    // The lines the server has finished writing (a line being written has
    // no newline yet).
    std::vector<nlohmann::json> server_log() {
        std::vector<nlohmann::json> out;
        const std::string text = read_text(dir.file("server.log"));
        for (size_t at = 0, end; (end = text.find('\n', at)) != std::string::npos; at = end + 1)
            out.push_back(nlohmann::json::parse(text.substr(at, end - at)));
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
    // The requests to `path`, once there are at least `n` (for the same
    // reason); a count that must not grow is read with n = 0.
    std::vector<nlohmann::json> requests_to(const std::string& path, size_t n = 0) {
        std::vector<nlohmann::json> out;
        for (int i = 0; i < 100; ++i) {
            out.clear();
            for (auto& r : server_log())
                if (r["path"] == path) out.push_back(r);
            if (out.size() >= n) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return out;
    }
};

}  // namespace rectrack::test
