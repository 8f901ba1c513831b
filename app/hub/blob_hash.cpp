// File digests through OpenSSL's EVP interface, read in 1 MiB pieces.
#include "blob_hash.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <system_error>
#include <vector>

#include <openssl/evp.h>

namespace lectern::hub {
namespace {

struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct FileClose {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string hexOf(const unsigned char* digest, unsigned int len) {
    static const char* const hex = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < len; ++i) {
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 15];
    }
    return text;
}

// What git hashes before a blob's bytes: "blob <size>\0".
std::string gitBlobHeader(std::uint64_t size) {
    std::string header = "blob " + std::to_string(size);
    header.push_back('\0');
    return header;
}

std::string digestOf(const EVP_MD* md, std::string_view prefix, std::string_view bytes) {
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), prefix.data(), prefix.size()) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 || EVP_DigestFinal_ex(ctx.get(), out, &len) != 1)
        return {};
    return hexOf(out, len);
}

// The digest of `prefix` followed by the file's bytes.
Result<std::string> digestFile(const std::filesystem::path& path, const EVP_MD* md, const std::string& prefix) {
    std::unique_ptr<std::FILE, FileClose> file(std::fopen(path.c_str(), "rb"));
    if (!file) return make_error(ErrorCode::Io, "cannot read the downloaded file", path.string());
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), prefix.data(), prefix.size()) != 1)
        return make_error(ErrorCode::Internal, "OpenSSL could not start a digest");
    std::vector<unsigned char> buf(1 << 20);
    for (size_t n; (n = std::fread(buf.data(), 1, buf.size(), file.get())) > 0;)
        if (EVP_DigestUpdate(ctx.get(), buf.data(), n) != 1)
            return make_error(ErrorCode::Internal, "OpenSSL could not update a digest");
    if (std::ferror(file.get())) return make_error(ErrorCode::Io, "cannot read the downloaded file", path.string());
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx.get(), out, &len) != 1)
        return make_error(ErrorCode::Internal, "OpenSSL could not finish a digest");
    return hexOf(out, len);
}

}  // namespace

Result<std::string> fileSha256(const std::filesystem::path& path) {
    return digestFile(path, EVP_sha256(), {});
}

Result<std::string> fileGitBlobId(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return make_error(ErrorCode::Io, "cannot read the downloaded file", path.string());
    return digestFile(path, EVP_sha1(), gitBlobHeader(size));
}

std::string sha256Of(std::string_view bytes) { return digestOf(EVP_sha256(), {}, bytes); }

std::string gitBlobIdOf(std::string_view bytes) { return digestOf(EVP_sha1(), gitBlobHeader(bytes.size()), bytes); }

}  // namespace lectern::hub
