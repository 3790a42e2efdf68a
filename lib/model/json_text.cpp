#include "model/json_text.hpp"

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

}  // namespace rectrack
