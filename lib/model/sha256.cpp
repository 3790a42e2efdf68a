#include "model/sha256.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <stdexcept>

namespace rectrack {

namespace {

// The algorithm, fetched once: EVP_sha256() in OpenSSL 3 looks it up in the
// provider store on every digest. Hashing needs no openssl.cnf, so the
// library is started without reading it (a command that only records pays
// for nothing else; the audit's TLS, when used, loads what it needs).
const EVP_MD* sha256_algorithm() {
    static EVP_MD* md = [] {
        OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
        return EVP_MD_fetch(nullptr, "SHA256", nullptr);
    }();
    if (!md) throw std::runtime_error("SHA-256 is not available in libcrypto");
    return md;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, sha256_algorithm(), nullptr) != 1)
        throw std::runtime_error("SHA-256 computation failed in libcrypto");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xf];
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
