#include "ids/com_ref.hpp"

#include <regex>

#include "model/text.hpp"

namespace rectrack {

std::string ComRef::str() const {
    std::string s = series + "(" + std::to_string(year) + ") " + std::to_string(number) + " final";
    if (revision) s += "/" + std::to_string(revision);
    return s;
}

std::vector<std::string> ComRef::celex_candidates() const {
    const std::string base = "5" + std::to_string(year);
    const std::string num = pad_number(number, 4);
    if (series == "COM") return {base + "PC" + num, base + "DC" + num};
    if (series == "JOIN") return {base + "JC" + num};
    if (series == "SWD") return {base + "SC" + num};
    return {};
}

std::optional<std::string> ComRef::url() const {
    if (series == "C") return std::nullopt;
    return "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=" + series + ":" +
           std::to_string(year) + ":" + std::to_string(number) + ":FIN";
}

std::expected<ComRef, std::string> parse_com_ref(std::string_view text) {
    static const std::regex pattern(
        R"(^(COM|JOIN|SWD|C)\s*(?:\(\s*(\d{4})\s*\)|/(\d{4})/)\s*(\d{1,5})(?:\s+FINAL(?:\s*/\s*(\d))?)?$)",
        std::regex::icase);
    const std::string s = to_upper(trim(text));
    std::smatch m;
    if (!std::regex_match(s, m, pattern))
        return std::unexpected("malformed Commission document reference '" + trim(text) +
                               "': expected e.g. COM(2021) 206 final, JOIN(2020) 18 final or "
                               "SWD(2021) 84 final");
    ComRef r;
    r.series = m[1];
    // The pattern admits at most five digits in any group, so each fits an int.
    r.year = *parse_number<int>(m[2].matched ? m[2].str() : m[3].str());
    r.number = *parse_number<int>(m[4].str());
    r.revision = m[5].matched ? *parse_number<int>(m[5].str()) : 0;
    if (r.year < 1958 || r.year > 2100)
        return std::unexpected("malformed Commission document reference '" + trim(text) +
                               "': the year is out of range");
    if (r.number == 0)
        return std::unexpected("malformed Commission document reference '" + trim(text) +
                               "': the number must not be 0");
    return r;
}

}  // namespace rectrack
