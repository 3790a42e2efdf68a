#pragma once
#include <string>
#include <string_view>

namespace rectrack {

// Whether `text` is exactly one JSON value (RFC 8259), without building it:
// what verify needs to know of a stored payload before trusting that bytes
// which hash right mean what they say. Strings are not checked for valid
// UTF-8, which does not change where a value ends. A fraction of the cost of
// nlohmann::json::accept().
bool is_json_value(std::string_view text);

// Appends `text` as a JSON string, escaped as dump() escapes it.
void append_json_string(std::string& out, std::string_view text);

// Appends a compact JSON value (no space outside strings, as dump() writes
// it) laid out as dump(2) lays it out `depth` levels into a document,
// without building it: export writes a million stored payloads this way.
void append_indented(std::string& out, std::string_view compact, int depth);

}  // namespace rectrack
