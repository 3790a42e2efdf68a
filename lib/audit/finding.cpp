#include "audit/finding.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "model/text.hpp"

namespace rectrack {

namespace {

using enum FindingKind;
constexpr std::array<FindingKindInfo, 15> kKinds = {{
    {unsupported_status, "unsupported_status", Severity::error},
    {broken_evidence, "broken_evidence", Severity::error},
    {contradicting_evidence, "contradicting_evidence", Severity::error},
    {evidence_after_claim, "evidence_after_claim", Severity::error},
    {journal_integrity, "journal_integrity", Severity::error},
    {identifier_mismatch, "identifier_mismatch", Severity::warning},
    {evidence_before_report, "evidence_before_report", Severity::warning},
    {duplicate_source, "duplicate_source", Severity::warning},
    {measure_without_identifier, "measure_without_identifier", Severity::warning},
    {link_without_evidence, "link_without_evidence", Severity::warning},
    {overdue_recommendation, "overdue_recommendation", Severity::warning},
    {dormant_recommendation, "dormant_recommendation", Severity::warning},
    {evidence_stale, "evidence_stale", Severity::warning},
    {evidence_unchecked, "evidence_unchecked", Severity::info},
    {no_archive, "no_archive", Severity::info},
}};

size_t position(FindingKind k) {
    for (size_t i = 0; i < kKinds.size(); ++i)
        if (kKinds[i].kind == k) return i;
    throw std::logic_error("a finding kind missing from the table");
}

}  // namespace

std::string_view name(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "info";
    }
    throw std::logic_error("unknown severity");
}

std::optional<Severity> parse_severity(std::string_view text) {
    for (Severity s : {Severity::error, Severity::warning, Severity::info})
        if (name(s) == text) return s;
    return std::nullopt;
}

std::span<const FindingKindInfo> finding_kinds() {
    return kKinds;
}

const FindingKindInfo& info(FindingKind kind) {
    return kKinds[position(kind)];
}

std::string_view name(FindingKind kind) {
    return info(kind).name;
}

std::optional<FindingKind> parse_finding_kind(std::string_view text) {
    for (const auto& k : kKinds)
        if (k.name == text) return k.kind;
    return std::nullopt;
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.severity() != b.severity()) return a.severity() < b.severity();
        if (a.rec != b.rec) {
            if (a.rec.empty() || b.rec.empty()) return b.rec.empty();
            return natural_less(a.rec, b.rec);
        }
        if (a.kind != b.kind) return position(a.kind) < position(b.kind);
        return natural_less(a.subject, b.subject);
    });
}

}  // namespace rectrack
