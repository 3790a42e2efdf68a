// The official identifier parsers: whatever one accepts, its normal form is
// accepted again and normalises to itself (parse -> str -> parse is the
// identity on str), and its URL can be built.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "ids/celex.hpp"
#include "ids/com_ref.hpp"
#include "ids/eli.hpp"
#include "ids/procedure.hpp"

using namespace rectrack;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    fuzz::check_round_trip("CELEX", text, parse_celex);
    fuzz::check_round_trip("ELI", text, parse_eli);
    fuzz::check_round_trip("COM reference", text, parse_com_ref);
    fuzz::check_round_trip("procedure", text, parse_procedure);
    if (const auto c = parse_celex(text)) c->url();
    if (const auto e = parse_eli(text)) e->url();
    if (const auto p = parse_procedure(text)) p->url();
    return 0;
}
