// The evidence audit's offline half: governance checks over what is
// recorded, needing no network. The online half is in link_check.hpp.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"
#include "time/date.hpp"

namespace rectrack {

// One problem the audit found. `kind` is one of the names below, `subject`
// what it is about (R4, ai-act, E12, #57), `detail` a sentence.
struct Finding {
    std::string kind;
    std::string subject;
    std::string detail;
};

// The kinds of offline finding, for --fail-on and documentation.
const std::vector<std::string>& finding_kinds();

struct AuditOptions {
    Date today;
    int stale_after_days = 180;
    std::vector<std::string> recs;  // only these recommendations (and their parts); all if empty
};

// Runs every offline check, the journal's own integrity included. Findings
// come sorted by kind, then subject, so that two runs can be compared.
std::vector<Finding> offline_findings(const Store& store, const AuditOptions& options);

}  // namespace rectrack
