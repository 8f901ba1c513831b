// The bearer key (see api_key.h): both sides hashed with SHA-256, the digests compared with
// OpenSSL's CRYPTO_memcmp, so neither a prefix nor the length of a guess shows in the timing.
#include "api_key.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cctype>
#include <cstdlib>
#include <fstream>

namespace lectern::app::serve {
namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

}  // namespace

Result<std::string> loadApiKey(const std::string& file, const char* envVar) {
    if (file.empty()) {
        const char* env = std::getenv(envVar);
        return trimmed(env ? env : "");
    }
    std::ifstream in(file);
    if (!in) return make_error(ErrorCode::NotFound, "cannot read the API key file", file);
    std::string line;
    std::getline(in, line);
    line = trimmed(line);
    if (line.empty()) return make_error(ErrorCode::InvalidArgument, "the API key file holds no key", file);
    return line;
}

bool bearerMatches(const std::string& key, const std::string& authorization) {
    // The scheme is case-insensitive (RFC 7235); the key is not.
    static const std::string prefix = "bearer ";
    bool bearer = authorization.size() > prefix.size();
    for (std::size_t i = 0; bearer && i < prefix.size(); ++i)
        bearer = std::tolower(static_cast<unsigned char>(authorization[i])) == prefix[i];
    const std::string given = bearer ? authorization.substr(prefix.size()) : std::string();
    unsigned char a[SHA256_DIGEST_LENGTH], b[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), a);
    SHA256(reinterpret_cast<const unsigned char*>(given.data()), given.size(), b);
    return (CRYPTO_memcmp(a, b, sizeof a) == 0) & bearer & !key.empty();
}

}  // namespace lectern::app::serve
