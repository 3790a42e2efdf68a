#pragma once
#include <string_view>

namespace rectrack {

// Whether `text` is exactly one JSON value (RFC 8259), without building it:
// what verify needs to know of a stored payload before trusting that bytes
// which hash right mean what they say. Strings are not checked for valid
// UTF-8, which does not change where a value ends. A fraction of the cost of
// nlohmann::json::accept().
bool is_json_value(std::string_view text);

}  // namespace rectrack
