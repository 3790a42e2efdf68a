// What a measure's identifiers lead to.
#pragma once
#include <string>

#include "model/model.hpp"

namespace rectrack {

struct MeasureLinks {
    std::string eur_lex;      // the act on EUR-Lex, from its CELEX, ELI or COM reference
    std::string observatory;  // the procedure file in the Legislative Observatory
};

MeasureLinks official_links(const Measure& m);

}  // namespace rectrack
