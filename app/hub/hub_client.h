// The Hugging Face Hub over HTTPS (libcurl, certificates verified): a repository's files at
// a revision (GET {endpoint}/api/models/{repo}/revision/{rev}?blobs=true) and one file's
// bytes (GET {endpoint}/{repo}/resolve/{commit}/{file}, redirects followed, resumed with a
// Range request). The token, when there is one, goes in "Authorization: Bearer". HTTP
// failures come back as errors the user can act on (a gated repository, a missing file).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::hub {

struct HubConfig {
    std::string endpoint = "https://huggingface.co";  // no trailing slash
    std::string token;                                // empty: anonymous

    // $HF_ENDPOINT; $HF_TOKEN, else the file $HF_TOKEN_PATH, else $HF_HOME/token, else
    // ~/.cache/huggingface/token (what `huggingface-cli login` writes).
    static HubConfig fromEnvironment();
};

struct RemoteFile {
    std::string name;     // "rfilename": the path in the repository
    std::uint64_t size = 0;
    std::string sha256;   // lfs.sha256; empty for a file kept in git
    std::string blobId;   // the git blob id ("blobId")

    bool isLfs() const { return !sha256.empty(); }
    // What the blob is named by in the cache: the sha256 of an LFS file, else the blob id.
    const std::string& etag() const { return isLfs() ? sha256 : blobId; }
};

struct RepoListing {
    std::string repo;
    std::string commit;  // "sha": the revision resolved to a commit
    std::vector<RemoteFile> files;
};

// Called as bytes arrive: the file's bytes on disk so far (a resumed prefix included) and
// its total (0 when unknown).
using TransferProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

class HubClient {
public:
    explicit HubClient(HubConfig config);
    const HubConfig& config() const { return m_config; }

    // Errors: NotFound (no such repository or revision), NeedsPassword (gated or private:
    // the message says where to accept the license and how to give a token), Io (the Hub
    // could not be reached), Corrupt (an answer that is not the API's JSON).
    Result<RepoListing> listFiles(const std::string& repo, const std::string& revision) const;
    // The blob name of `file` at `commit` from a HEAD request (X-Linked-Etag, else ETag),
    // for a listing that gave none.
    Result<std::string> fileEtag(const std::string& repo, const std::string& commit, const std::string& file) const;
    // Appends `file`'s bytes to `dest`, continuing from dest's size with a Range request
    // (restarting when the server ignores the range). Returns the bytes written now.
    // Errors: those of listFiles; Cancelled when `cancel` turns true (dest keeps what came);
    // Io when the transfer breaks off (dest keeps what came); DiskFull; Corrupt when the server
    // sends more than `size` bytes in all (the listed size; 0: unknown) or a range other than
    // the one asked for.
    Result<std::uint64_t> download(const std::string& repo, const std::string& commit, const std::string& file,
                                   const std::filesystem::path& dest, std::uint64_t size,
                                   const std::atomic<bool>* cancel, const TransferProgress& progress) const;

    // Up to `length` bytes of `file` from its start (a Range request): a model's header, read
    // before the download to see whether it fits. Fewer come back only when the file is
    // shorter. Errors: those of listFiles; Cancelled; Io when the transfer breaks off.
    Result<std::string> fetchHead(const std::string& repo, const std::string& commit, const std::string& file,
                                  std::uint64_t length, const std::atomic<bool>* cancel) const;

    std::string resolveUrl(const std::string& repo, const std::string& revision, const std::string& file) const;

private:
    HubConfig m_config;
};

// Parses the API's answer for a revision (exposed for tests). Corrupt when it is not one.
Result<RepoListing> parseListing(const std::string& repo, const std::string& json);

}  // namespace lectern::hub
