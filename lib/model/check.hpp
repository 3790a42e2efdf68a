// What an online check of a source knows beforehand and what it found. Plain
// values, so that the core can record and report checks without knowing how
// they are made (the libcurl checker lives in audit/).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace rectrack {

// How one check of a source ended. A switch over it has no default, so
// -Wswitch names every place a new outcome must be handled.
enum class CheckOutcome {
    ok,
    not_modified,
    redirected_permanent,
    redirected_temporary,
    changed,
    soft_404,
    broken,
    gone,
    server_error,
    rate_limited,
    blocked,
    timeout,
    tls_error,
    skipped,
};

// What each outcome means, in one table (check.cpp).
struct CheckOutcomeInfo {
    CheckOutcome outcome;
    std::string_view name;   // as recorded in the journal and shown by `audit`
    std::string_view label;  // in plain words, for reports: "gone", "page not found"
    bool seen_working;       // the source answered with content
    // Counts as a problem unless --fail-on says otherwise. `blocked` and
    // `rate_limited` sources are unverifiable, not broken.
    bool problem;
};

const std::vector<CheckOutcomeInfo>& check_outcomes();
const CheckOutcomeInfo& info(CheckOutcome o);
std::string_view name(CheckOutcome o);
std::optional<CheckOutcome> parse_check_outcome(std::string_view name);
// The source was not seen working: a problem that is not a mere change.
inline bool failed(CheckOutcome o) {
    return info(o).problem && !info(o).seen_working;
}

// How an evidence item has fared in the audits recorded.
struct EvidenceHealth {
    std::string last_checked;                 // instant of the latest check, empty if never
    std::string last_url, last_detail;        // what the latest check fetched, and found
    std::optional<CheckOutcome> last_result;  // of the latest check
    int last_http_status = 0;                 // of the latest check; 0 if no answer
    std::string last_success;                 // instant of the latest check that saw it working
    int consecutive_failures = 0;
};

// What is known of a source before the check.
struct CheckTarget {
    EvidenceId evidence = 0;
    std::string url;
    std::string sha256;       // recorded content hash, if any
    std::string text_sha256;  // recorded hash of the normalised text, if any
    std::string etag;
    std::string last_modified;
};

// One request as the checker started it: what a run did to each host.
struct CheckRequest {
    std::string url;
    std::string host;   // as the politeness limits count it
    double started_ms;  // since the run began, on a steady clock
};

// One URL's outcome.
struct CheckResult {
    EvidenceId evidence = 0;
    std::string url;
    CheckOutcome result = CheckOutcome::skipped;
    int http_status = 0;
    std::string final_url;
    int attempts = 0;  // requests made for this URL, redirects and retries included
    // Set when the source was not fetched in this run: the instant of the
    // earlier check whose result this is (see plan_checks).
    std::string checked_at;
    std::vector<CheckRequest> requests;  // each of them, in order
    std::string detail;
    // The host could not be reached for reasons that lie on our side of the
    // network (no resolver answered, the network is unreachable); many of
    // these at once mean an outage, not broken sources.
    bool network_failure = false;
    // What was fetched, for a capture.
    std::string sha256, text_sha256, etag, last_modified;
    // What was served, for an archive (fetch_copies only): the body as
    // received and the final response's headers.
    std::string body, content_type;
    std::vector<std::pair<std::string, std::string>> headers;
};

// Most checks that reached for the network failed for network reasons: the
// run says more about our connection than about the sources.
bool looks_like_outage(const std::vector<CheckResult>& results);
// In an outage, a check that failed for network reasons says nothing about
// its source: it becomes `skipped`, with the reason. Returns how many.
int set_aside_network_failures(std::vector<CheckResult>& results);
// The results an audit records: all but those set aside in an outage, so
// that a dead connection never makes sources look broken.
std::vector<CheckResult> results_to_record(const std::vector<CheckResult>& results);

}  // namespace rectrack
