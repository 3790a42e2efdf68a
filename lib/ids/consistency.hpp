// Whether a measure's identifiers agree with one another. The audit reports
// each disagreement as a finding; recording a measure warns of it at once.
#pragma once
#include <string>
#include <vector>

#include "model/model.hpp"

namespace rectrack {

// One sentence per disagreement: the ELI names another CELEX, the COM
// reference another year or number, or the adoption year is not the CELEX
// year (unless a publication in the CELEX year explains it).
std::vector<std::string> identifier_mismatches(const Measure& m,
                                               const std::vector<MeasureStage>& stages);

}  // namespace rectrack
