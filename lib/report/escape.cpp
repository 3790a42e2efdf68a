#include "report/escape.hpp"

#include <cctype>

namespace rectrack {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string css_string(std::string_view s) {
    static constexpr std::string_view plain = " .,:;()-_/!?";
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char c : s) {
        // Bytes of UTF-8 sequences stand for themselves in a UTF-8 page.
        if (c >= 0x80 || std::isalnum(c) || plain.find(static_cast<char>(c)) != plain.npos) {
            out += static_cast<char>(c);
        } else {
            out += '\\';
            out += hex[c >> 4];
            out += hex[c & 0xf];
            out += ' ';  // ends the escape, so a following hex digit is text
        }
    }
    return out + "\"";
}

std::string markdown_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\n' || c == '\r') {
            out += ' ';  // a newline would end a table row or list item
            continue;
        }
        if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string markdown_url(std::string_view url) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(url.size());
    for (char c : url) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F ||
            std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos) {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

std::string csv_field(std::string_view s) {
    // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR
    // before one) as a formula; a leading apostrophe makes it plain text.
    const bool formula =
        !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
    const std::string text = (formula ? "'" : "") + std::string(s);
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace rectrack
