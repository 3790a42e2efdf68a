// CELEX numbers, EUR-Lex's document identifiers: sector, year, descriptor,
// number, e.g. 32024R1689 (the AI Act) or 52021PC0206 (its proposal).
#pragma once
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "model/text.hpp"
#include "time/date.hpp"

namespace rectrack {

struct Celex {
    char sector = '3';  // 1-9, 0 (consolidated), C (OJ C), E (EFTA)
    int year = 0;
    std::string descriptor;            // R, L, D, H, PC, DC, JC, SC, CJ, ...
    std::string number;                // 4 or 5 digits, as published
    std::string sequence;              // "(01)" on some documents, empty otherwise
    std::string corrigendum;           // "R(02)" on a corrigendum, empty otherwise
    std::optional<Date> consolidated;  // date of a consolidated version (sector 0)

    std::string str() const;
    std::string url() const;  // the EUR-Lex page
    int number_value() const { return parse_number<int>(number).value_or(0); }
};

// Accepts surrounding blanks, lower case and a "CELEX:" prefix; the error
// names what is wrong with the text.
std::expected<Celex, std::string> parse_celex(std::string_view text);

}  // namespace rectrack
