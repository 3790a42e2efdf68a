#include "audit_output.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "model/text.hpp"
#include "report/escape.hpp"

namespace rectrack::cli {

namespace {

// "1 error, 3 warnings, 4 info"
std::string counts(const std::vector<Finding>& findings) {
    int n[3] = {0, 0, 0};
    for (const auto& f : findings) ++n[static_cast<int>(f.severity())];
    return std::to_string(n[0]) + (n[0] == 1 ? " error, " : " errors, ") + std::to_string(n[1]) +
           (n[1] == 1 ? " warning, " : " warnings, ") + std::to_string(n[2]) + " info";
}

// Info findings are routine upkeep, said in one line per kind:
// "20 sources never checked: E1-E20 (fix: `rectrack audit --online`)".
std::vector<std::string> collapsed_info(const std::vector<Finding>& findings) {
    std::map<FindingKind, std::vector<const Finding*>> by_kind;
    for (const auto& f : findings)
        if (f.severity() == Severity::info) by_kind[f.kind].push_back(&f);
    std::vector<std::string> lines;
    for (const auto& [kind, list] : by_kind) {
        std::vector<EvidenceId> ids;
        for (const Finding* f : list)
            if (auto id = parse_evidence_ref(f->subject)) ids.push_back(*id);
        const std::string what = kind == FindingKind::evidence_unchecked
                                     ? " never checked"
                                     : " without an archived copy";
        // One command fixes them all: archiving every source without a copy.
        const std::string fix = kind == FindingKind::no_archive && list.size() > 1
                                    ? "`rectrack evidence archive --all`"
                                    : list.front()->fix;
        lines.push_back(std::to_string(list.size()) + (list.size() == 1 ? " source" : " sources") +
                        what + ": " + evidence_ranges(ids) + " (fix: " + fix + ")");
    }
    return lines;
}

constexpr const char* kHeadings[] = {"Errors", "Warnings", "Info"};

// ", 18 not fetched again: checked within --recheck-after"
std::string not_fetched(const std::vector<CheckResult>& results) {
    const auto n = std::count_if(results.begin(), results.end(),
                                 [](const auto& r) { return !r.checked_at.empty(); });
    if (n == 0) return "";
    return ", " + std::to_string(n) + " not fetched again: checked within --recheck-after";
}

// A result from an earlier check says so, with that check's instant.
std::string detail(const CheckResult& r) {
    if (r.checked_at.empty()) return r.detail;
    return "as checked at " + r.checked_at + (r.detail.empty() ? "" : ": " + r.detail);
}

}  // namespace

std::string audit_text(const std::vector<Finding>& findings,
                       const std::vector<CheckResult>& results, bool online) {
    std::ostringstream o;
    o << "Audit: " << counts(findings) << "\n";
    int shown = -1;
    for (const auto& f : findings) {
        const int s = static_cast<int>(f.severity());
        if (f.severity() == Severity::info) break;
        if (s != shown) o << "\n" << kHeadings[s] << "\n";
        shown = s;
        o << "  " << column(f.subject, 10) << name(f.kind) << ": " << f.detail << "\n"
          << "  " << std::string(10, ' ') << "fix: " << f.fix << "\n";
    }
    const auto info = collapsed_info(findings);
    if (!info.empty()) o << "\nInfo\n";
    for (const auto& line : info) o << "  " << line << "\n";
    if (!online) return o.str();
    o << "\nOnline results: " << results.size() << " URLs" << not_fetched(results) << "\n";
    for (const auto& r : results) {
        o << "  " << column(evidence_ref(r.evidence), 5) << column(std::string(name(r.result)), 21)
          << column(r.http_status ? std::to_string(r.http_status) : "-", 4) << r.url;
        if (!r.detail.empty() || !r.checked_at.empty()) o << "  (" << detail(r) << ")";
        o << "\n";
    }
    return o.str();
}

std::string audit_markdown(const std::vector<Finding>& findings,
                           const std::vector<CheckResult>& results, bool online) {
    std::ostringstream o;
    o << "# Evidence audit\n\n" << counts(findings) << ".\n";
    int shown = -1;
    for (const auto& f : findings) {
        const int s = static_cast<int>(f.severity());
        if (f.severity() == Severity::info) break;
        if (s != shown)
            o << "\n## " << kHeadings[s]
              << "\n\n| Subject | Kind | Detail | Fix |\n|---|---|---|---|\n";
        shown = s;
        o << "| " << markdown_escape(f.subject) << " | " << name(f.kind) << " | "
          << markdown_escape(f.detail) << " | " << markdown_escape(f.fix) << " |\n";
    }
    const auto info = collapsed_info(findings);
    if (!info.empty()) o << "\n## Info\n\n";
    for (const auto& line : info) o << "- " << markdown_escape(line) << "\n";
    if (!online) return o.str();
    o << "\n## Online results (" << results.size() << " URLs" << not_fetched(results) << ")\n\n"
      << "| Evidence | Result | HTTP | URL | Detail |\n|---|---|---:|---|---|\n";
    for (const auto& r : results)
        o << "| " << evidence_ref(r.evidence) << " | " << name(r.result) << " | " << r.http_status
          << " | <" << markdown_url(r.url) << "> | " << markdown_escape(detail(r)) << " |\n";
    return o.str();
}

nlohmann::json audit_json(const std::vector<Finding>& findings,
                          const std::vector<CheckResult>& results) {
    nlohmann::json f = nlohmann::json::array(), r = nlohmann::json::array();
    for (const auto& x : findings)
        f.push_back({{"severity", name(x.severity())},
                     {"kind", name(x.kind)},
                     {"rec", x.rec.empty() ? nlohmann::json() : nlohmann::json(x.rec)},
                     {"subject", x.subject},
                     {"detail", x.detail},
                     {"fix", x.fix}});
    for (const auto& x : results) {
        nlohmann::json requests = nlohmann::json::array();
        for (const auto& q : x.requests)
            requests.push_back({{"url", q.url}, {"host", q.host}, {"started_ms", q.started_ms}});
        r.push_back(
            {{"evidence", evidence_ref(x.evidence)},
             {"url", x.url},
             {"result", name(x.result)},
             {"http_status", x.http_status},
             {"final_url", x.final_url},
             {"attempts", x.attempts},
             {"requests", requests},
             {"checked_at", x.checked_at.empty() ? nlohmann::json() : nlohmann::json(x.checked_at)},
             {"detail", x.detail}});
    }
    return {{"findings", f}, {"results", r}};
}

}  // namespace rectrack::cli
