#pragma once
#include <array>
#include <string>
#include <string_view>

namespace rectrack {

// Lower-case hex SHA-256 of the bytes, through OpenSSL's libcrypto.
std::string sha256_hex(std::string_view bytes);
// The 32 bytes themselves, for code that adds digests up rather than shows them.
std::array<unsigned char, 32> sha256(std::string_view bytes);
bool is_sha256_hex(std::string_view text);

}  // namespace rectrack
