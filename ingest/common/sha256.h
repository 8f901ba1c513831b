// Incremental SHA-256 (OpenSSL's EVP interface) for documents' stable ids.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace lectern::ingest {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    std::string hex_digest();  // 64 lowercase hex digits; the hasher is spent afterwards

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace lectern::ingest
