// Base64 (RFC 4648, with padding), for binary content inside JSON and TOML
// files: archived copies in a journal export.
#pragma once
#include <optional>
#include <string>

namespace rectrack {

std::string base64_encode(const std::string& bytes);
// nullopt when `text` is not well-formed base64.
std::optional<std::string> base64_decode(const std::string& text);

}  // namespace rectrack
