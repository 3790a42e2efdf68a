// The evidence audit's offline half: governance checks over what is
// recorded, needing no network. The online half is in link_check.hpp; what
// a finding holds and how findings are ordered is in finding.hpp.
#pragma once
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "store/store.hpp"
#include "time/date.hpp"

namespace rectrack {

struct AuditOptions {
    Date today;
    int stale_after_days = 180;
    // Only these recommendations, their parts, the measures linked to them
    // and the evidence they cite or hold; everything if empty.
    std::vector<std::string> recs;
};

// Runs every offline check, the journal's own integrity included, and
// returns the findings in report order (see sort_findings).
std::vector<Finding> offline_findings(const Store& store, const AuditOptions& options);

// Which sources an online audit fetches. One checked at its current URL
// less than `recheck_after_hours` before `now` is not fetched again: its
// latest recorded check stands, reported with its instant in `checked_at`
// (and not recorded again). 0 hours fetches every source.
struct CheckPlan {
    std::vector<CheckTarget> fetch;
    std::vector<CheckResult> recent;
};
CheckPlan plan_checks(const Store& store, std::vector<CheckTarget> targets, Instant now,
                      int recheck_after_hours);

}  // namespace rectrack
