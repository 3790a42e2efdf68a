// The evidence audit's online half: checks each URL politely with libcurl's
// multi interface and classifies what it finds. It also captures a source
// (hash, validators, final URL) so later checks can tell change from churn.
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "model/check.hpp"

namespace rectrack {

struct CheckPolicy {
    int per_host = 2;            // requests at once to one host
    int total = 16;              // requests at once in all
    int min_interval_ms = 1000;  // between two request starts to one host
    int connect_timeout_ms = 10000;
    int timeout_ms = 30000;       // a whole request
    int attempts = 3;             // for timeouts, 5xx, 408 and 429 only
    int backoff_ms = 1000;        // doubled after each retry
    int retry_after_cap_s = 120;  // the longest Retry-After honoured
    std::size_t max_body = 10 * 1024 * 1024;
    int max_redirects = 10;
    bool allow_private = false;  // loopback and private addresses
    std::string user_agent;      // "rectrack/0.1.0 (+contact)"
};

// Checks every target; calls `progress(done, total)` as URLs finish.
std::vector<CheckResult> check_links(
    const std::vector<CheckTarget>& targets, const CheckPolicy& policy,
    const std::function<void(std::size_t, std::size_t)>& progress = {});

// Fetches one source with GET (no validators) to record what it serves now.
CheckResult capture_source(const CheckTarget& target, const CheckPolicy& policy);

// Fetches each source as a capture does, at the same politeness, and keeps
// what it served (body and headers) for an archive. A body larger than
// `policy.max_body` cannot be archived: its result is `skipped`, saying so.
std::vector<CheckResult> fetch_copies(
    const std::vector<CheckTarget>& targets, const CheckPolicy& policy,
    const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace rectrack
