#pragma once
#include <string>
#include <string_view>

namespace rectrack {

// Lower-case hex SHA-256 of the bytes, through OpenSSL's libcrypto.
std::string sha256_hex(std::string_view bytes);
bool is_sha256_hex(std::string_view text);

}  // namespace rectrack
