// Checks of typed input shared by the tracker's files (not part of the
// library's interface).
#pragma once
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/text.hpp"

namespace rectrack {

// The normalised form of a parsed identifier, or the parser's message.
template <typename T>
std::string value_or_throw(const std::expected<T, std::string>& parsed) {
    if (!parsed) throw InputError(parsed.error());
    return parsed->str();
}

inline void require_text(const std::string& text, std::string_view what) {
    if (trim(text).empty()) throw InputError(std::string(what) + " must not be empty");
}

// Themes or addressees as typed: trimmed, one line each, none twice in any
// spelling (tags.cpp).
std::vector<std::string> clean_tags(const std::vector<std::string>& tags, const std::string& what);

}  // namespace rectrack
