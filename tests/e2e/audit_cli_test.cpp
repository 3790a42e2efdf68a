// End-to-end tests of `rectrack audit` against a test server on 127.0.0.1
// that the test starts and stops itself. Nothing is sent anywhere else.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "e2e/link_server_fixture.hpp"

using namespace rectrack::test;

namespace {

const std::vector<std::string> kRoutes = {
    "/ok",       "/chain1",       "/loop1",     "/missing",     "/gone",
    "/flaky",    "/busy-seconds", "/busy-date", "/always-busy", "/down",
    "/slow",     "/etag",         "/changing",  "/churn",       "/soft404",
    "/old-page", "/challenge",    "/doc.pdf",   "/big",         "/head-refused"};

class AuditCli : public LinkServerTest {
  protected:
    void SetUp() override {
        LinkServerTest::SetUp();
        if (HasFatalFailure()) return;
        // A dataset whose every source is on the test server; E<n> follows kRoutes.
        std::ostringstream data;
        data << "[report]\nkey='t'\ntitle='Test'\nissued=2020-01-01\n"
             << "[[recommendation]]\nkey='R1'\nnumber=1\ntitle='One'\n";
        for (const auto& r : kRoutes)
            data << "[[evidence]]\nurl='" << base << r << "'\ntitle='" << r
                 << "'\npublished=2021-01-01\n";
        data << "[[evidence]]\nurl='" << tls << "/ok'\ntitle='TLS'\npublished=2021-01-01\n";
        data << "[[status_change]]\nrec='R1'\nstatus='partial'\ndate=2021-02-01\nevidence=['"
             << base << "/missing']\n";
        write_text(dir.file("data.toml"), data.str());
        ok({"init", "--data", dir.file("data.toml")});
    }

    std::string ref(const std::string& route) {
        return "E" + std::to_string(std::find(kRoutes.begin(), kRoutes.end(), route) -
                                    kRoutes.begin() + 1);
    }
    std::vector<std::string> online() {
        return {"audit",     "--online",   "--allow-private", "--format", "json",
                "--timeout", "1",          "--backoff-ms",    "100",      "--min-interval-ms",
                "50",        "--max-body", "1000000"};
    }
};

}  // namespace

TEST_F(AuditCli, ClassifiesEveryRoute) {
    write_text(dir.file("rectrack.toml"), "contact = \"audits@example.org\"\n");
    for (const char* r : {"/etag", "/changing", "/churn"})
        ok({"evidence", "capture", ref(r), "--allow-private"});
    const size_t before_audit = server_log().size();
    Result run = rt(online());
    EXPECT_EQ(run.code, 1);  // broken sources were found
    EXPECT_TRUE(run.err.empty()) << "progress must never go into a pipe: " << run.err;
    const auto out = nlohmann::json::parse(run.out);
    std::map<std::string, nlohmann::json> by_url;
    for (const auto& r : out["results"]) {
        const std::string url = r["url"];
        by_url[url.starts_with(base) ? url.substr(base.size()) : url] = r;
    }
    const std::map<std::string, std::string> expected = {{"/ok", "ok"},
                                                         {"/chain1", "redirected_permanent"},
                                                         {"/loop1", "broken"},
                                                         {"/missing", "broken"},
                                                         {"/gone", "gone"},
                                                         {"/flaky", "ok"},
                                                         {"/busy-seconds", "ok"},
                                                         {"/busy-date", "ok"},
                                                         {"/always-busy", "rate_limited"},
                                                         {"/down", "server_error"},
                                                         {"/slow", "timeout"},
                                                         {"/etag", "not_modified"},
                                                         {"/changing", "changed"},
                                                         {"/churn", "changed"},
                                                         {"/soft404", "soft_404"},
                                                         {"/old-page", "soft_404"},
                                                         {"/challenge", "blocked"},
                                                         {"/doc.pdf", "ok"},
                                                         {"/big", "ok"},
                                                         {"/head-refused", "ok"}};
    ASSERT_EQ(by_url.size(), expected.size() + 1);
    EXPECT_EQ(by_url[tls + "/ok"]["result"], "tls_error") << by_url[tls + "/ok"].dump();
    for (const auto& [route, result] : expected)
        EXPECT_EQ(by_url[route]["result"], result) << route << ": " << by_url[route].dump();
    EXPECT_EQ(by_url["/chain1"]["final_url"], base + "/ok");
    EXPECT_NE(by_url["/loop1"]["detail"].get<std::string>().find("loop"), std::string::npos);
    EXPECT_NE(by_url["/churn"]["detail"].get<std::string>().find("markup only"), std::string::npos);
    EXPECT_EQ(by_url["/changing"]["detail"].get<std::string>().find("markup only"),
              std::string::npos);
    EXPECT_NE(by_url["/old-page"]["detail"].get<std::string>().find("home page"),
              std::string::npos);
    EXPECT_EQ(by_url["/missing"]["http_status"], 404);

    // The interval is the client's to keep between its own request starts,
    // so it is checked on the start times the client reports: exact, and
    // immune to the scheduling delay between a request leaving and the
    // server's thread stamping it. The server's log proves the report is
    // whole: it saw as many requests as the client reports.
    std::map<std::string, std::vector<double>> starts;  // by host, as the limits count it
    size_t reported_to_base = 0;
    for (const auto& r : out["results"])
        for (const auto& q : r["requests"]) {
            starts[q["host"]].push_back(q["started_ms"]);
            reported_to_base += q["url"].get<std::string>().starts_with(base);
        }
    const auto log = server_log_of_at_least(before_audit + reported_to_base);
    EXPECT_EQ(log.size() - before_audit, reported_to_base);
    for (auto& [host, times] : starts) {
        std::sort(times.begin(), times.end());
        for (size_t i = 1; i < times.size(); ++i)
            ASSERT_GE(times[i] - times[i - 1], 50.0)
                << "requests to " << host << " closer than --min-interval-ms 50: at "
                << times[i - 1] << " and " << times[i] << " ms";
    }

    // What the server saw.
    ASSERT_GT(log.size(), before_audit);
    for (const auto& r : log) {
        EXPECT_LE(r["active"].get<int>(), 2) << "more than 2 requests at once to one host";
        EXPECT_EQ(r["user_agent"], "rectrack/" RECTRACK_VERSION " (+audits@example.org)");
    }
    for (const char* path : {"/doc.pdf", "/soft404", "/head-refused"}) {  // one GET per link
        const auto hits = requests_to(path);
        ASSERT_EQ(hits.size(), 1u) << path;
        EXPECT_EQ(hits[0]["method"], "GET") << path;
        EXPECT_EQ(by_url[path]["requests"].size(), 1u) << path;
    }
    EXPECT_EQ(requests_to("/missing").size(), 1u);    // 404 is never retried
    EXPECT_EQ(requests_to("/gone").size(), 1u);       // nor 410
    EXPECT_EQ(requests_to("/challenge").size(), 1u);  // nor 403
    for (const char* path : {"/busy-seconds", "/busy-date"}) {
        const auto hits = requests_to(path);
        ASSERT_GE(hits.size(), 2u) << path;
        EXPECT_GE(hits[1]["start"].get<double>() - hits[0]["end"].get<double>(), 0.9)
            << path << ": Retry-After was not honoured";
    }
    EXPECT_EQ(requests_to("/always-busy").size(), 3u);  // --retries 3
    const auto etag = requests_to("/etag");
    EXPECT_EQ(etag.back()["if_none_match"], "\"v1\"");  // the conditional GET
    EXPECT_EQ(etag.back()["method"], "GET");
}

TEST_F(AuditCli, WithoutAContactTheUserAgentIsBareAndTheUserIsTold) {
    Result run = rt({"audit", "--online", "--allow-private", "--recs", "R1", "--format", "json",
                     "--min-interval-ms", "0", "--retries", "1"});
    EXPECT_NE(run.err.find("no contact is set"), std::string::npos) << run.err;
    const auto log = server_log();
    ASSERT_FALSE(log.empty());
    for (const auto& r : log) EXPECT_EQ(r["user_agent"], "rectrack/" RECTRACK_VERSION) << r.dump();
    // An offline audit fetches nothing and has nothing to say about it.
    EXPECT_EQ(rt({"audit", "--format", "json"}).err, "");
}

TEST_F(AuditCli, ResultsAreKeptInTheJournalAndShownByEvidenceShow) {
    rt(online());
    const auto shown =
        nlohmann::json::parse(ok({"evidence", "show", ref("/missing"), "--format", "json"}));
    EXPECT_EQ(shown["last_result"], "broken");
    EXPECT_EQ(shown["last_checked"], "2026-11-27T12:00:00Z");
    EXPECT_TRUE(shown["last_success"].is_null());
    EXPECT_EQ(shown["consecutive_failures"], 1);
    const auto good =
        nlohmann::json::parse(ok({"evidence", "show", ref("/ok"), "--format", "json"}));
    EXPECT_EQ(good["last_success"], "2026-11-27T12:00:00Z");
    EXPECT_NE(ok({"log"}).find("audit_recorded"), std::string::npos);
    EXPECT_EQ(rt({"verify"}).code, 0);
    // Reports say when each source was last seen working.
    const auto report =
        nlohmann::json::parse(ok({"report", "--quarter", "2021-Q1", "--format", "json"}));
    EXPECT_TRUE(
        report["recommendations"][0]["evidence"][0]["last_seen_working"].is_null());  // /missing
    // The offline audit now knows the cited source is broken.
    const auto offline = nlohmann::json::parse(rt({"audit", "--format", "json"}).out);
    bool broken = false;
    for (const auto& f : offline["findings"]) broken |= f["kind"] == "broken_evidence";
    EXPECT_TRUE(broken) << offline.dump();
}

TEST_F(AuditCli, AProgressLineOnATerminal) {
    // script(1) runs the audit on a pseudo-terminal, as a person would see it.
    std::string command;
    for (const auto& [k, v] : env) command += k + "='" + v + "' ";
    command += std::string(RECTRACK_BIN) +
               " audit --online --allow-private --min-interval-ms 0 "
               "--timeout 1 --retries 1 --recs R1 --format json";
    Result r = tool("/usr/bin/script", {"-q", "-e", "-c", command, "/dev/null"});
    EXPECT_NE(r.out.find("checked 1 of 1 URLs"), std::string::npos) << r.out << r.err;
}

TEST_F(AuditCli, PrivateAddressesAreSkippedUnlessAllowed) {
    Result r = rt({"audit", "--online", "--format", "json", "--fail-on", "broken"});
    EXPECT_EQ(r.code, 0) << r.err;
    // Named, not a temporary: a range-for over a member of a temporary reads
    // freed memory (AddressSanitizer caught it here).
    const auto doc = nlohmann::json::parse(r.out);
    ASSERT_FALSE(doc["results"].empty());
    for (const auto& x : doc["results"]) {
        EXPECT_EQ(x["result"], "skipped");
        EXPECT_NE(x["detail"].get<std::string>().find("private"), std::string::npos);
    }
    EXPECT_TRUE(server_log().empty()) << "a request reached 127.0.0.1 without --allow-private";
}

TEST_F(AuditCli, CaptureRecordsHashAndValidators) {
    ok({"evidence", "capture", ref("/etag"), "--allow-private"});
    const auto shown =
        nlohmann::json::parse(ok({"evidence", "show", ref("/etag"), "--format", "json"}));
    EXPECT_EQ(shown["captured"]["etag"], "\"v1\"");
    EXPECT_EQ(shown["captured"]["http_status"], 200);
    EXPECT_EQ(shown["captured"]["sha256"].get<std::string>().size(), 64u);
    Result failed = rt({"evidence", "capture", ref("/missing"), "--allow-private"});
    EXPECT_EQ(failed.code, 1);
    EXPECT_NE(failed.err.find("broken"), std::string::npos);
    Result added = rt({"evidence", "add", base + "/doc.pdf?copy=1", "--title", "PDF", "--capture",
                       "--allow-private"});
    EXPECT_EQ(added.code, 0) << added.err;
    const auto pdf = nlohmann::json::parse(ok({"evidence", "show", "E22", "--format", "json"}));
    EXPECT_FALSE(pdf["captured"].is_null());
}

TEST_F(AuditCli, OfflineFindingsAndFailOn) {
    const auto out = nlohmann::json::parse(rt({"audit", "--format", "json"}).out);
    std::set<std::string> kinds;
    for (const auto& f : out["findings"]) kinds.insert(f["kind"]);
    EXPECT_TRUE(kinds.contains("evidence_unchecked"));
    EXPECT_TRUE(kinds.contains("no_archive"));
    EXPECT_TRUE(out["results"].empty());
    EXPECT_TRUE(server_log().empty());  // offline means offline
    EXPECT_EQ(rt({"audit", "--fail-on", "identifier_mismatch"}).code, 0);
    EXPECT_EQ(rt({"audit", "--fail-on", "no_archive"}).code, 1);
    Result bad = rt({"audit", "--fail-on", "nonsense"});
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("unknown kind 'nonsense'"), std::string::npos);
}

// Run inside a fresh network namespace (unshare --net, as root), where no
// resolver answers and nothing can leave the machine.
TEST(AuditOutage, ANetworkOutageIsSaidAndRecordsNothing) {
    TempDir dir;
    if (run_process("/usr/bin/unshare", {"--net", "true"}, {}, dir.path().string()).code != 0)
        GTEST_SKIP() << "unshare --net needs root";
    const std::map<std::string, std::string> env = {{"RECTRACK_NOW", "2026-11-27T12:00:00Z"},
                                                    {"RECTRACK_AUTHOR", "tester"},
                                                    {"RECTRACK_DB", dir.file("o.db")}};
    auto rt = [&](std::vector<std::string> args, bool isolated) {
        if (!isolated) return run_process(RECTRACK_BIN, args, env, dir.path().string());
        args.insert(args.begin(), {"--net", RECTRACK_BIN});
        return run_process("/usr/bin/unshare", args, env, dir.path().string());
    };
    std::string data =
        "[report]\nkey='t'\ntitle='Test'\nissued=2020-01-01\n"
        "[[recommendation]]\nkey='R1'\nnumber=1\ntitle='One'\n";
    for (const char* host : {"one", "two", "three"})
        data += std::string("[[evidence]]\nurl='https://") + host +
                ".rectrack-outage.example/'\ntitle='x'\npublished=2021-01-01\n";
    data +=
        "[[status_change]]\nrec='R1'\nstatus='partial'\ndate=2021-02-01\n"
        "evidence=['https://one.rectrack-outage.example/']\n";
    write_text(dir.file("data.toml"), data);
    ASSERT_EQ(rt({"init", "--data", dir.file("data.toml")}, false).code, 0);
    write_text(dir.file("rectrack.toml"), "contact = \"audits@example.org\"\n");

    const Result run = rt({"audit", "--online", "--format", "json", "--retries", "1"}, true);
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("the network seems to be down: 3 of 3 sources"), std::string::npos)
        << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_EQ(doc["results"].size(), 3u);
    for (const auto& r : doc["results"]) EXPECT_EQ(r["result"], "skipped") << r.dump();
    EXPECT_EQ(rt({"log"}, false).out.find("audit_recorded"), std::string::npos);
    const auto offline = nlohmann::json::parse(rt({"audit", "--format", "json"}, false).out);
    for (const auto& f : offline["findings"]) EXPECT_NE(f["kind"], "broken_evidence");
}

// After an online audit, reports say what the last check found (not "never
// checked"), and flag a claim whose every cited source failed.
TEST_F(AuditCli, ReportsShowTheLastCheckAsRecorded) {
    auto args = online();
    args.insert(args.end(), {"--recs", "R1"});
    env["RECTRACK_NOW"] = "2026-11-28T09:00:00Z";  // a day after the data were loaded
    EXPECT_EQ(rt(args).code, 1);                   // /missing is broken
    const std::string md = ok({"report", "--quarter", "2021-Q1"});
    EXPECT_NE(md.find("broken (HTTP 404), checked 2026-11-28; never seen working"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("every cited source failed its last check"), std::string::npos) << md;
    const auto json =
        nlohmann::json::parse(ok({"report", "--quarter", "2021-Q1", "--format", "json"}));
    EXPECT_EQ(json["recommendations"][0]["evidence"][0]["last_check"]["result"], "broken");
    EXPECT_EQ(json["recommendations"][0]["evidence"][0]["last_check"]["http_status"], 404);
    const auto before =
        nlohmann::json::parse(ok({"report", "--quarter", "2021-Q1", "--format", "json",
                                  "--as-recorded", "2026-11-27T12:00:00Z"}));
    EXPECT_TRUE(before["recommendations"][0]["evidence"][0]["last_check"].is_null());
}

TEST_F(AuditCli, ASecondAuditRightAfterAFirstFetchesNothingAndSaysSo) {
    auto audit = online();
    audit.insert(audit.end(), {"--recs", "R1"});  // R1 cites /missing only
    const Result first = rt(audit);
    EXPECT_EQ(first.code, 1) << first.err;
    ASSERT_EQ(requests_to("/missing", 1).size(), 1u);
    const std::string journal = ok({"log"});

    const Result again = rt(audit);
    EXPECT_EQ(again.code, 1) << "a broken source found a moment ago still fails the run";
    EXPECT_EQ(requests_to("/missing").size(), 1u) << "fetched again within --recheck-after";
    const auto r = nlohmann::json::parse(again.out)["results"];
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0]["result"], "broken");
    EXPECT_EQ(r[0]["http_status"], 404);
    EXPECT_EQ(r[0]["checked_at"], "2026-11-27T12:00:00Z");
    EXPECT_TRUE(r[0]["requests"].empty());
    EXPECT_EQ(ok({"log"}), journal) << "a check not made again is not recorded again";
    const Result text = rt({"audit", "--online", "--recs", "R1"});
    EXPECT_NE(text.out.find("1 URLs, 1 not fetched again"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("as checked at 2026-11-27T12:00:00Z: HTTP 404"), std::string::npos)
        << text.out;

    // No window, or a day later: fetched.
    auto every = audit;
    every.insert(every.end(), {"--recheck-after", "0"});
    EXPECT_EQ(rt(every).code, 1);
    EXPECT_EQ(requests_to("/missing", 2).size(), 2u);
    env["RECTRACK_NOW"] = "2026-11-28T12:00:00Z";
    EXPECT_EQ(rt(audit).code, 1);
    EXPECT_EQ(requests_to("/missing", 3).size(), 3u);
    EXPECT_EQ(rt({"audit", "--online", "--recheck-after", "-1"}).code, 2);
}
