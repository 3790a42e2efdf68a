#include "model/base64.hpp"

#include <openssl/evp.h>

namespace rectrack {

std::string base64_encode(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::optional<std::string> base64_decode(const std::string& text) {
    if (text.size() % 4 != 0) return std::nullopt;
    if (text.empty()) return std::string();
    std::string out(3 * text.size() / 4, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    // The decoder counts padding as zero bytes; drop them.
    std::size_t size = static_cast<std::size_t>(n);
    if (text.ends_with("=="))
        size -= 2;
    else if (text.ends_with("="))
        size -= 1;
    out.resize(size);
    // Only the one form this program writes: no stray padding, no bits set
    // past the end, so that a decoded file re-exports byte for byte.
    if (base64_encode(out) != text) return std::nullopt;
    return out;
}

}  // namespace rectrack
