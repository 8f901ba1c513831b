// The digests that name Hub blobs: the SHA-256 of an LFS file's bytes, and the git blob id
// (SHA-1 of "blob <size>\0" followed by the bytes) of a file kept in git itself. Both are
// lowercase hex, as the Hub's API and ETag headers give them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "lectern/engine/result.h"

namespace lectern::hub {

Result<std::string> fileSha256(const std::filesystem::path& path);
Result<std::string> fileGitBlobId(const std::filesystem::path& path);

// The same digests of bytes in memory (a test's Hub names its files with them).
std::string sha256Of(std::string_view bytes);
std::string gitBlobIdOf(std::string_view bytes);

}  // namespace lectern::hub
