// European Legislation Identifiers: http://data.europa.eu/eli/reg/2024/1689/oj
#pragma once
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace rectrack {

struct Eli {
    std::string type;  // reg, dir, dec, reco, reg_impl, reg_del, dec_impl, ...
    int year = 0;
    int number = 0;

    std::string str() const;  // the canonical http://data.europa.eu/eli/... URI
    std::string url() const;  // the EUR-Lex page
    // The CELEX number of the act this ELI names, when its type maps to one.
    std::optional<std::string> celex() const;
};

// Accepts the data.europa.eu URI (http or https), the eur-lex.europa.eu/eli/
// form, or a bare "eli/reg/2024/1689/oj"; a trailing language part is dropped.
std::expected<Eli, std::string> parse_eli(std::string_view text);

}  // namespace rectrack
