// Small string utilities shared by the parsers.
#pragma once
#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectrack {

inline std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

inline std::string to_upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

inline std::string to_lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

inline bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The whole of `s` as a decimal number of type T, or nullopt when it is
// empty, signed, has any other character, or does not fit in T.
template <typename T = long long>
std::optional<T> parse_number(std::string_view s) {
    if (s.empty() || s.front() == '-') return std::nullopt;
    T value{};
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (error != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return value;
}

// Well-formed UTF-8: no stray continuation bytes, overlong forms, UTF-16
// surrogates or code points past U+10FFFF.
inline bool valid_utf8(std::string_view s) {
    static constexpr unsigned kMin[] = {0, 0x80, 0x800, 0x10000};  // shortest form per length
    for (size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const size_t n = lead < 0x80             ? 0
                         : (lead & 0xE0) == 0xC0 ? 1
                         : (lead & 0xF0) == 0xE0 ? 2
                         : (lead & 0xF8) == 0xF0 ? 3
                                                 : 4;
        if (n == 4 || i + n >= s.size()) return false;
        unsigned cp = n == 0 ? lead : lead & (0x3Fu >> n);
        for (size_t k = 1; k <= n; ++k) {
            const auto next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            cp = cp << 6 | (next & 0x3Fu);
        }
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

// A control character a terminal would act on: C0 other than tab, line
// feed and carriage return, and DEL. ESC starts escape sequences that can
// rewrite the screen or the window title, BEL rings, NUL truncates.
inline bool is_terminal_control(char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F;
}

// `s` with each such control character written as a visible escape (ESC as
// "\x1B"), so that recorded text can be shown but never acts on a terminal.
inline std::string escape_controls(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (!is_terminal_control(c)) {
            out += c;
            continue;
        }
        const auto b = static_cast<unsigned char>(c);
        out += "\\x";
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

// Orders keys as people count: runs of digits by their value, so that E2
// comes before E10 and R4.a before R10; otherwise by bytes.
inline bool natural_less(std::string_view a, std::string_view b) {
    size_t i = 0, j = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
            while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
            while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
            if (x.size() != y.size()) return x.size() < y.size();
            if (x != y) return x < y;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j])
                return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

inline std::string pad_number(int n, size_t width) {
    std::string s = std::to_string(n);
    return s.size() >= width ? s : std::string(width - s.size(), '0') + s;
}

// Left-aligns `s` in a column of `width` characters, counting UTF-8 code
// points, with at least one space after it.
inline std::string column(const std::string& s, size_t width) {
    size_t points = 0;
    for (unsigned char c : s) points += (c & 0xC0) != 0x80;
    return points >= width ? s + " " : s + std::string(width - points, ' ');
}

inline std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

}  // namespace rectrack
