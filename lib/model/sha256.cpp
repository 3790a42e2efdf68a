#include "model/sha256.hpp"

// OpenSSL 3 marks the low-level digest calls deprecated in favour of EVP;
// they remain in its ABI, and this file says so to the header instead of
// silencing warnings at large. EVP's first use sets up the provider
// machinery, 1.3 ms of every command that records one event, and each
// digest then goes through its dispatch (a tenth of `verify`). Hashing our
// own rows needs neither providers nor configuration.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <stdexcept>

namespace rectrack {

std::array<unsigned char, 32> sha256(std::string_view bytes) {
    SHA256_CTX ctx;
    std::array<unsigned char, 32> digest{};
    if (SHA256_Init(&ctx) != 1 || SHA256_Update(&ctx, bytes.data(), bytes.size()) != 1 ||
        SHA256_Final(digest.data(), &ctx) != 1)
        throw std::runtime_error("SHA-256 computation failed in libcrypto");
    return digest;
}

std::string sha256_hex(std::string_view bytes) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned char byte : sha256(bytes)) {
        out += hex[byte >> 4];
        out += hex[byte & 0xf];
    }
    return out;
}

bool is_sha256_hex(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace rectrack
