// What the offline audit reports: each finding has a kind, a severity that
// orders the report (a claim without support before a missing archive), the
// recommendation it concerns, and the fix a staff member can act on.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rectrack {

enum class Severity {
    error,    // a claim unsupported, resting on failed or contradicting sources, or on later ones
    warning,  // identifiers that disagree, duplicates, dormancy, stale checks
    info,     // routine upkeep: unchecked, unarchived
};
std::string_view name(Severity s);
std::optional<Severity> parse_severity(std::string_view text);

enum class FindingKind {
    unsupported_status,      // a status change citing no evidence
    broken_evidence,         // ...citing only evidence whose last check failed
    contradicting_evidence,  // ...citing evidence that contradicts it
    evidence_after_claim,    // ...citing evidence published after the change
    evidence_before_report,  // evidence older than the report, cited as progress
    evidence_unchecked,      // never checked online
    evidence_stale,          // not checked for more than --stale-after days
    no_archive,              // no archived copy recorded
    duplicate_source,        // two records of one URL in different forms
    measure_without_identifier,
    identifier_mismatch,     // CELEX, COM reference, ELI or adoption date disagree
    link_without_evidence,   // a measure linked to a recommendation has no evidence
    dormant_recommendation,  // no event for more than a year
    overdue_recommendation,  // its target date passed, not implemented or closed
    journal_integrity,       // verify failed
};

struct FindingKindInfo {
    FindingKind kind;
    std::string_view name;
    Severity severity;
};
// Every kind, in the order the report lists kinds of one severity.
std::span<const FindingKindInfo> finding_kinds();
const FindingKindInfo& info(FindingKind kind);
std::string_view name(FindingKind kind);
std::optional<FindingKind> parse_finding_kind(std::string_view text);

struct Finding {
    FindingKind kind;
    std::string subject;  // what it is about: "R4 #57", "E12", "ai-act"
    std::string detail;   // what is wrong, in a sentence
    std::string fix;      // the command that resolves it, or the decision it needs
    std::string rec;      // the recommendation it concerns, for grouping; empty if none

    Severity severity() const { return info(kind).severity; }
};

// Errors first; then by recommendation in natural order (R2 before R10, none
// last), kind and subject, so that the same database always gives the same
// report.
void sort_findings(std::vector<Finding>& findings);

}  // namespace rectrack
