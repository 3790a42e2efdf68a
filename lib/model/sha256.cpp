#include "model/sha256.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>
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

std::array<unsigned char, 32> sha256(std::string_view bytes) {
    // One context per thread, reused: EVP_Digest() allocates and frees one,
    // and takes a lock, for every call, which costs more than hashing a row.
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(
        EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::array<unsigned char, 32> digest{};
    unsigned int len = 0;
    if (!ctx || EVP_DigestInit_ex2(ctx.get(), sha256_algorithm(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest.data(), &len) != 1 || len != digest.size())
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
