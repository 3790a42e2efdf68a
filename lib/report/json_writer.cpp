#include "report/json_writer.hpp"

#include <stdexcept>

#include "model/json_text.hpp"

namespace rectrack {

void JsonWriter::indent(std::size_t levels) {
    out_.append((static_cast<std::size_t>(base_) + levels) * 2, ' ');
}

// In an array each value starts a line of its own; in an object the key
// has done that.
void JsonWriter::element() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (open_.empty()) return;
    Level& level = open_.back();
    if (level.object) throw std::logic_error("a JSON value in an object needs a key");
    out_ += level.items++ ? ",\n" : "\n";
    indent(open_.size());
}

JsonWriter& JsonWriter::key(std::string_view k) {
    if (open_.empty() || !open_.back().object || after_key_)
        throw std::logic_error("JSON key '" + std::string(k) + "' outside an object");
    Level& level = open_.back();
    if (level.items && !(level.last_key < k))
        throw std::logic_error("JSON key '" + std::string(k) + "' after '" +
                               std::string(level.last_key) + "': keys are written sorted");
    level.last_key = k;
    out_ += level.items++ ? ",\n" : "\n";
    indent(open_.size());
    append_json_string(out_, k);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

void JsonWriter::string(std::string_view s) {
    element();
    append_json_string(out_, s);
}

void JsonWriter::string_or_null(std::string_view s) {
    s.empty() ? null() : string(s);
}

void JsonWriter::number(std::int64_t n) {
    element();
    out_ += std::to_string(n);
}

void JsonWriter::boolean(bool b) {
    element();
    out_ += b ? "true" : "false";
}

void JsonWriter::null() {
    element();
    out_ += "null";
}

void JsonWriter::open(char bracket, bool object) {
    element();
    out_ += bracket;
    open_.push_back({object, 0, {}});
}

// An empty object or array closes on its own line's end: {} and [].
void JsonWriter::close(char bracket, bool object) {
    if (open_.empty() || open_.back().object != object || after_key_)
        throw std::logic_error("JSON closed out of turn");
    const bool empty = open_.back().items == 0;
    open_.pop_back();
    if (!empty) {
        out_ += '\n';
        indent(open_.size());
    }
    out_ += bracket;
}

void JsonWriter::begin_object() {
    open('{', true);
}

void JsonWriter::end_object() {
    close('}', true);
}

void JsonWriter::begin_array() {
    open('[', false);
}

void JsonWriter::end_array() {
    close(']', false);
}

void JsonWriter::strings(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) string(s);
    end_array();
}

}  // namespace rectrack
