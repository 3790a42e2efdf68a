#include "ids/procedure.hpp"

#include <array>
#include <regex>

#include "model/text.hpp"

namespace rectrack {

namespace {
// The procedure types the Legislative Observatory uses.
constexpr std::array<std::string_view, 22> kTypes = {
    "COD", "CNS", "APP", "NLE", "INI", "RSP", "BUD", "DEC", "INL", "RPS", "SYN",
    "AVC", "ACI", "DEA", "REG", "IMM", "RSO", "INS", "DCE", "COS", "BUI", "GBD"};
}  // namespace

std::string Procedure::str() const {
    return std::to_string(year) + "/" + pad_number(number, 4) + "(" + type + ")";
}

std::string Procedure::url() const {
    return "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=" + str();
}

std::expected<Procedure, std::string> parse_procedure(std::string_view text) {
    static const std::regex pattern(R"(^(\d{4})\s*/\s*(\d{1,4})\s*\(\s*([A-Z]{3})\s*\)$)");
    const std::string s = to_upper(trim(text));
    std::smatch m;
    auto fail = [&](const std::string& why) {
        return std::unexpected("malformed procedure reference '" + trim(text) + "': " + why);
    };
    if (!std::regex_match(s, m, pattern)) return fail("expected e.g. 2021/0106(COD)");
    // The pattern admits at most four digits in a group, so each fits an int.
    Procedure p{*parse_number<int>(m[1].str()), *parse_number<int>(m[2].str()), m[3]};
    if (p.year < 1950 || p.year > 2100) return fail("the year is out of range");
    if (std::find(kTypes.begin(), kTypes.end(), p.type) == kTypes.end())
        return fail("unknown procedure type " + p.type + " (COD, CNS, APP, NLE, INI, RSP, ...)");
    return p;
}

}  // namespace rectrack
