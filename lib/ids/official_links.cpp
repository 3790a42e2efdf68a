#include "ids/official_links.hpp"

#include "ids/celex.hpp"
#include "ids/com_ref.hpp"
#include "ids/eli.hpp"
#include "ids/procedure.hpp"

namespace rectrack {

MeasureLinks official_links(const Measure& m) {
    MeasureLinks out;
    // The most specific identifier wins: a CELEX names one document exactly.
    if (auto c = parse_celex(m.celex)) {
        out.eur_lex = c->url();
    } else if (auto e = parse_eli(m.eli)) {
        out.eur_lex = e->url();
    } else if (auto r = parse_com_ref(m.com_ref)) {
        out.eur_lex = r->url().value_or("");
    }
    if (auto p = parse_procedure(m.procedure)) out.observatory = p->url();
    return out;
}

}  // namespace rectrack
