// How `rectrack audit` shows its findings and link results: text and
// Markdown lead with errors, each finding with its fix, and collapse the
// routine info lines into counts; JSON keeps every finding.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "model/check.hpp"

namespace rectrack::cli {

std::string audit_text(const std::vector<Finding>& findings,
                       const std::vector<CheckResult>& results, bool online);
std::string audit_markdown(const std::vector<Finding>& findings,
                           const std::vector<CheckResult>& results, bool online);
nlohmann::json audit_json(const std::vector<Finding>& findings,
                          const std::vector<CheckResult>& results);

}  // namespace rectrack::cli
