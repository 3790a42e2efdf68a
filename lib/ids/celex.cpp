#include "ids/celex.hpp"

#include <cctype>

#include "model/text.hpp"

namespace rectrack {

std::string Celex::str() const {
    std::string s(1, sector);
    s += std::to_string(year) + descriptor + number + sequence + corrigendum;
    if (consolidated) {
        std::string d = consolidated->str();
        s += "-" + d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
    }
    return s;
}

std::string Celex::url() const {
    return "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:" + str();
}

std::expected<Celex, std::string> parse_celex(std::string_view text) {
    std::string s = to_upper(trim(text));
    if (s.starts_with("CELEX:")) s = trim(std::string_view(s).substr(6));
    const std::string quoted = "'" + std::string(trim(text)) + "'";
    auto fail = [&](const std::string& why) {
        return std::unexpected("malformed CELEX number " + quoted + ": " + why);
    };
    if (s.empty()) return fail("it is empty");

    Celex c;
    size_t i = 0;
    c.sector = s[i++];
    if (!std::isdigit(static_cast<unsigned char>(c.sector)) && c.sector != 'C' && c.sector != 'E')
        return fail("the sector must be a digit, C or E");
    if (s.size() < i + 4 || !all_digits(std::string_view(s).substr(i, 4)))
        return fail("a four-digit year must follow the sector");
    c.year = *parse_number<int>(std::string_view(s).substr(i, 4));
    i += 4;
    if (c.year < 1951 || c.year > 2100) return fail("the year is out of range");
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) &&
           c.descriptor.size() < 3)
        c.descriptor += s[i++];
    if (c.descriptor.empty() || c.descriptor.size() > 2)
        return fail("the descriptor must be one or two letters (R, L, D, PC, ...)");
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) c.number += s[i++];
    if (c.number.size() < 4 || c.number.size() > 5)
        return fail("the document number must have four or five digits");
    if (s.compare(i, 1, "(") == 0) {
        if (s.size() < i + 4 || !all_digits(std::string_view(s).substr(i + 1, 2)) ||
            s[i + 3] != ')')
            return fail("a sequence suffix looks like (01)");
        c.sequence = s.substr(i, 4);
        i += 4;
    }
    if (s.compare(i, 2, "R(") == 0) {
        if (s.size() < i + 5 || !all_digits(std::string_view(s).substr(i + 2, 2)) ||
            s[i + 4] != ')')
            return fail("a corrigendum suffix looks like R(01)");
        c.corrigendum = s.substr(i, 5);
        i += 5;
    }
    if (i < s.size() && s[i] == '-') {
        std::string_view d = std::string_view(s).substr(i + 1);
        std::optional<Date> date;
        if (d.size() == 8 && all_digits(d))
            date = parse_date(std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) +
                              "-" + std::string(d.substr(6, 2)));
        if (!date) return fail("a consolidated version ends in -YYYYMMDD with a real date");
        c.consolidated = date;
        i = s.size();
    }
    if (i != s.size()) return fail("unexpected '" + s.substr(i) + "' at the end");
    if (c.sector == '0' && !c.consolidated)
        return fail("sector 0 (consolidated text) needs a -YYYYMMDD version date");
    if (c.sector != '0' && c.consolidated)
        return fail("only sector 0 numbers carry a consolidation date");
    return c;
}

}  // namespace rectrack
