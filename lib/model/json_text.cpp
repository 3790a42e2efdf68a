#include "model/json_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace rectrack {

namespace {

// A recursive-descent reader over [p, end) that only moves forward; each
// function consumes one production or returns false.
class Reader {
  public:
    explicit Reader(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

    bool whole_value() {
        space();
        if (!value(0)) return false;
        space();
        return p_ == end_;
    }

  private:
    const char* p_;
    const char* end_;
    static constexpr int kMaxDepth = 512;  // nlohmann's own limit is the stack

    bool at(char c) const { return p_ != end_ && *p_ == c; }
    bool take(char c) {
        if (!at(c)) return false;
        ++p_;
        return true;
    }
    void space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
    }
    bool digits() {
        const char* start = p_;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return p_ != start;
    }
    bool word(std::string_view w) {
        if (static_cast<std::size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w)
            return false;
        p_ += w.size();
        return true;
    }

    bool value(int depth) {
        if (p_ == end_ || depth > kMaxDepth) return false;
        switch (*p_) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return word("true");
            case 'f':
                return word("false");
            case 'n':
                return word("null");
            default:
                return number();
        }
    }

    bool object(int depth) {
        ++p_;
        space();
        if (take('}')) return true;
        do {
            space();
            if (!string()) return false;
            space();
            if (!take(':')) return false;
            space();
            if (!value(depth + 1)) return false;
            space();
        } while (take(','));
        return take('}');
    }

    bool array(int depth) {
        ++p_;
        space();
        if (take(']')) return true;
        do {
            space();
            if (!value(depth + 1)) return false;
            space();
        } while (take(','));
        return take(']');
    }

    bool string() {
        if (!take('"')) return false;
        while (p_ != end_) {
            const auto c = static_cast<unsigned char>(*p_++);
            if (c == '"') return true;
            if (c < 0x20) return false;
            if (c != '\\') continue;
            if (p_ == end_) return false;
            const char e = *p_++;
            if (e == 'u') {
                for (int i = 0; i < 4; ++i, ++p_) {
                    if (p_ == end_) return false;
                    const char h = *p_;
                    if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') ||
                          (h >= 'A' && h <= 'F')))
                        return false;
                }
            } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                return false;
            }
        }
        return false;
    }

    bool number() {
        take('-');
        if (take('0')) {
            if (at('0') || (p_ != end_ && *p_ >= '1' && *p_ <= '9')) return false;
        } else if (!digits()) {
            return false;
        }
        if (take('.') && !digits()) return false;
        if (take('e') || take('E')) {
            if (!take('+')) take('-');
            if (!digits()) return false;
        }
        return true;
    }
};

}  // namespace

bool is_json_value(std::string_view text) {
    return Reader(text).whole_value();
}

void append_json_string(std::string& out, std::string_view s) {
    const bool plain = std::all_of(
        s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
    if (!plain) {  // the rare case, left to the library that defines the form
        out += nlohmann::json(std::string(s))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
        return;
    }
    out += '"';
    out += s;
    out += '"';
}

void append_indented(std::string& out, std::string_view compact, int depth) {
    auto newline = [&] {
        out += '\n';
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
    };
    for (std::size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        switch (c) {
            case '"': {  // a string, escapes and all, as it is
                const std::size_t start = i++;
                while (i < compact.size() && compact[i] != '"') i += compact[i] == '\\' ? 2 : 1;
                out.append(compact.substr(start, i - start + 1));
                break;
            }
            case '{':
            case '[':
                out += c;
                if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
                    out += compact[++i];  // empty: {} or []
                } else {
                    ++depth;
                    newline();
                }
                break;
            case '}':
            case ']':
                --depth;
                newline();
                out += c;
                break;
            case ',':
                out += c;
                newline();
                break;
            case ':':
                out += ": ";
                break;
            default:
                out += c;
        }
    }
}

}  // namespace rectrack
