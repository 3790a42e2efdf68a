#include "model/check.hpp"

#include <cstddef>

namespace rectrack {

const std::vector<CheckOutcomeInfo>& check_outcomes() {
    using enum CheckOutcome;
    // A table: one row per outcome, in the enum's order.
    static const std::vector<CheckOutcomeInfo> table = {
        {ok, "ok", "working", true, false},
        {not_modified, "not_modified", "working, unchanged", true, false},
        {redirected_permanent, "redirected_permanent", "moved (permanent redirect)", true, false},
        {redirected_temporary, "redirected_temporary", "working (temporary redirect)", true, false},
        {changed, "changed", "changed since it was captured", true, true},
        {soft_404, "soft_404", "page not found", false, true},
        {broken, "broken", "broken", false, true},
        {gone, "gone", "gone", false, true},
        {server_error, "server_error", "server error", false, true},
        {rate_limited, "rate_limited", "rate-limited, not verifiable", false, false},
        {blocked, "blocked", "blocked, not verifiable", false, false},
        {timeout, "timeout", "no answer in time", false, true},
        {tls_error, "tls_error", "TLS error", false, true},
        {skipped, "skipped", "skipped", false, false},
    };
    return table;
}

const CheckOutcomeInfo& info(CheckOutcome o) {
    return check_outcomes().at(static_cast<std::size_t>(o));
}

std::string_view name(CheckOutcome o) {
    return info(o).name;
}

std::optional<CheckOutcome> parse_check_outcome(std::string_view name) {
    for (const auto& i : check_outcomes())
        if (i.name == name) return i.outcome;
    return std::nullopt;
}

bool looks_like_outage(const std::vector<CheckResult>& results) {
    int reached = 0, network = 0;
    for (const auto& r : results) {
        if (r.attempts == 0) continue;  // skipped before any request
        ++reached;
        network += r.network_failure;
    }
    return network > 0 && 2 * network > reached;
}

int set_aside_network_failures(std::vector<CheckResult>& results) {
    int n = 0;
    for (auto& r : results)
        if (r.network_failure) {
            r.result = CheckOutcome::skipped;
            r.detail = "not checked: the network seems to be down (" + r.detail + ")";
            ++n;
        }
    return n;
}

std::vector<CheckResult> results_to_record(const std::vector<CheckResult>& results) {
    std::vector<CheckResult> out;
    for (const auto& r : results)
        if (!(r.network_failure && r.result == CheckOutcome::skipped)) out.push_back(r);
    return out;
}

}  // namespace rectrack
