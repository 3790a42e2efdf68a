#include "ids/eli.hpp"

#include <regex>

#include "model/text.hpp"

namespace rectrack {

namespace {
std::optional<char> descriptor_of(const std::string& type) {
    const std::string family = type.substr(0, type.find('_'));
    if (family == "reg") return 'R';
    if (family == "dir") return 'L';
    if (family == "dec") return 'D';
    if (family == "reco") return 'H';
    return std::nullopt;
}
}  // namespace

std::string Eli::str() const {
    return "http://data.europa.eu/eli/" + type + "/" + std::to_string(year) + "/" +
           std::to_string(number) + "/oj";
}

std::string Eli::url() const {
    return "https://eur-lex.europa.eu/eli/" + type + "/" + std::to_string(year) + "/" +
           std::to_string(number) + "/oj";
}

std::optional<std::string> Eli::celex() const {
    auto d = descriptor_of(type);
    if (!d) return std::nullopt;
    return "3" + std::to_string(year) + *d + pad_number(number, 4);
}

std::expected<Eli, std::string> parse_eli(std::string_view text) {
    static const std::regex pattern(
        R"(^(?:https?://(?:data\.europa\.eu|eur-lex\.europa\.eu)/)?eli/([a-z]+(?:_[a-z]+)?)/(\d{4})/(\d{1,5})/oj(?:/[a-z]{3})?/?$)");
    const std::string s = to_lower(trim(text));
    std::smatch m;
    if (!std::regex_match(s, m, pattern))
        return std::unexpected("malformed ELI '" + trim(text) +
                               "': expected e.g. http://data.europa.eu/eli/reg/2024/1689/oj");
    // The pattern admits at most five digits in a group, so each fits an int.
    Eli e{m[1], *parse_number<int>(m[2].str()), *parse_number<int>(m[3].str())};
    // A year such as 0224 would print as 224, which no parser reads back.
    if (e.year < 1950 || e.year > 2100)
        return std::unexpected("malformed ELI '" + trim(text) + "': the year is out of range");
    if (e.number == 0)
        return std::unexpected("malformed ELI '" + trim(text) + "': the number must not be 0");
    if (!descriptor_of(e.type))
        return std::unexpected("malformed ELI '" + trim(text) + "': unknown act type '" + e.type +
                               "' (reg, dir, dec, reco, reg_impl, reg_del, ...)");
    return e;
}

}  // namespace rectrack
