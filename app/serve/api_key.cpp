// The bearer key (see api_key.h): both sides hashed with SHA-256, the digests compared with
// OpenSSL's CRYPTO_memcmp, so neither a prefix nor the length of a guess shows in the timing.
#include "api_key.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cctype>

namespace lectern::app::serve {

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
