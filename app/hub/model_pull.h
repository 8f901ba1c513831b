// Pulling a model from the Hub into the cache: which files a repository's model is made of,
// whether the disk can hold them, then each one downloaded into blobs/<etag>.incomplete
// (continued where an earlier pull stopped), verified (the SHA-256 of an LFS file, the git
// blob id of any other), renamed to its blob and linked from snapshots/<commit>/. A blob
// already in the cache with its listed size is not fetched again.
//
// ModelPuller is what a client runs: lectern-cli on its own thread, the facade as a job (the
// listener is called on the pulling thread; `cancel` may be set from any other).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hub_cache.h"
#include "hub_client.h"
#include "lectern/engine/result.h"

namespace lectern::hub {

struct PullRequest {
    std::string repo;                // "org/name"
    std::vector<std::string> files;  // empty: the model's files (see selectFiles)
    std::string revision = "main";
};

// The files a pull takes from `listing`: the ones named (each must exist); else, for a
// safetensors repository, config.json, tokenizer.json, tokenizer_config.json, the root
// *.safetensors, and generation_config.json, special_tokens_map.json and
// model.safetensors.index.json where present; else its GGUF file when it has exactly one.
// Errors: NotFound (a named file, or a required one, is missing), InvalidArgument (several
// GGUF files and none named: the message lists them).
Result<std::vector<RemoteFile>> selectFiles(const RepoListing& listing, const std::vector<std::string>& names);

struct PlannedFile {
    RemoteFile remote;
    std::string etag;            // the blob's name
    bool cached = false;         // the blob is in the cache with its size
    std::uint64_t partial = 0;   // bytes of an earlier, unfinished download
};

struct PullPlan {
    std::string repo;
    std::string revision;
    std::string commit;
    std::vector<PlannedFile> files;
    std::uint64_t totalBytes = 0;    // every file's size
    std::uint64_t missingBytes = 0;  // what remains to download (partials counted as had)
    std::uint64_t freeBytes = 0;     // free on the cache's disk
};

struct PullProgress {
    std::string file;
    std::size_t index = 0;          // of the file, from 0
    std::size_t count = 0;          // files to download
    std::uint64_t fileDone = 0, fileTotal = 0;
    std::uint64_t done = 0, total = 0;  // over the files to download, resumed parts included
    double bytesPerSecond = 0;      // over this pull's own transfer
    double etaSeconds = -1;         // -1: unknown
};

struct PullResult {
    std::string repo;
    std::string commit;
    std::filesystem::path snapshot;  // snapshots/<commit>
    std::vector<std::filesystem::path> files;  // in the snapshot, in plan order
    std::size_t downloadedFiles = 0;
    std::uint64_t downloadedBytes = 0;  // transferred by this pull
    std::uint64_t cachedBytes = 0;      // already in the cache
    // What to load: the GGUF file when the pull took one, else the snapshot folder.
    std::filesystem::path model;
    bool gguf = false;
};

struct PullListener {
    std::function<void(const PullPlan&)> planned;  // before any byte is fetched
    // After planned(), before the disk is checked and any file fetched: an error stops the
    // pull there (the memory check of a model too large for this machine).
    std::function<Status(const PullPlan&)> admit;
    std::function<void(const PullProgress&)> progress;
    std::function<void(const std::string& file)> verifying;
    // Another pull (this program's or another's) is downloading the file: this one waits.
    std::function<void(const std::string& file)> waiting;
};

class ModelPuller {
public:
    ModelPuller(HubClient client, HubCache cache) : m_client(std::move(client)), m_cache(std::move(cache)) {}

    // Lists the repository and says what a pull would fetch. Errors: those of
    // HubClient::listFiles and selectFiles; Corrupt for names that could leave the cache.
    Result<PullPlan> plan(const PullRequest& request) const;
    // plan(), then the download. Errors: those of plan(); DiskFull before the first byte
    // when the disk cannot hold what is missing; Corrupt when a file's bytes do not match
    // their digest (its partial blob is deleted, nothing of it is linked); Cancelled (the
    // partial blob stays for the next pull); those of HubClient::download.
    Result<PullResult> pull(const PullRequest& request, const PullListener& listener,
                            const std::atomic<bool>* cancel = nullptr) const;

    // Up to the first `length` bytes of a planned file (its header): from its blob or its
    // partial download when they hold that many, else from the Hub with a Range request.
    // Errors: those of HubClient::fetchHead; Io when the cached bytes cannot be read.
    Result<std::string> head(const PullPlan& plan, const PlannedFile& file, std::uint64_t length,
                             const std::atomic<bool>* cancel = nullptr) const;

    // For tests: what to take as the disk's free bytes instead of std::filesystem::space.
    void setFreeSpaceProbe(std::function<std::uint64_t(const std::filesystem::path&)> probe) {
        m_freeSpace = std::move(probe);
    }

    const HubCache& cache() const { return m_cache; }

private:
    // The bytes transferred for one file, verified and renamed to its blob.
    Result<std::uint64_t> fetchOne(const PullPlan& plan, const PlannedFile& file, const std::function<void(std::uint64_t)>& onBytes,
                    const PullListener& listener, const std::atomic<bool>* cancel) const;

    HubClient m_client;
    HubCache m_cache;
    std::function<std::uint64_t(const std::filesystem::path&)> m_freeSpace;
};

}  // namespace lectern::hub
