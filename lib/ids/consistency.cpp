#include "ids/consistency.hpp"

#include <algorithm>

#include "ids/celex.hpp"
#include "ids/com_ref.hpp"
#include "ids/eli.hpp"

namespace rectrack {

std::vector<std::string> identifier_mismatches(const Measure& m,
                                               const std::vector<MeasureStage>& stages) {
    std::vector<std::string> out;
    const auto celex = parse_celex(m.celex);
    if (!celex) return out;
    if (const auto eli = parse_eli(m.eli)) {
        if (auto expected = eli->celex(); expected && celex->sector == '3' &&
                                          *expected != celex->str().substr(0, expected->size()))
            out.push_back("the ELI " + eli->str() + " names " + *expected + ", not CELEX " +
                          celex->str());
    }
    if (const auto com = parse_com_ref(m.com_ref); com && celex->sector == '5') {
        const auto candidates = com->celex_candidates();
        if (!candidates.empty() && std::find(candidates.begin(), candidates.end(),
                                             celex->str().substr(0, 11)) == candidates.end())
            out.push_back("the COM reference " + com->str() + " does not match CELEX " +
                          celex->str() + " (year or number differ)");
    }
    // An act adopted late in one year may be published, and numbered, in the
    // next (Delegated Regulation (EU) 2022/30 of 29 October 2021): a recorded
    // publication in the CELEX year explains the difference.
    const bool published_in_celex_year =
        std::any_of(stages.begin(), stages.end(), [&](const MeasureStage& s) {
            return s.stage == "published" && s.date.year == celex->year;
        });
    if (celex->sector == '3' && !published_in_celex_year) {
        for (const auto& s : stages)
            if (s.stage == "adopted" && s.date.year != celex->year)
                out.push_back("adopted on " + s.date.str() + " but CELEX " + celex->str() +
                              " gives the year " + std::to_string(celex->year));
    }
    return out;
}

}  // namespace rectrack
