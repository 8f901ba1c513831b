// The Hugging Face Hub cache on disk, laid out as huggingface_hub lays it out so that Lectern
// and the Python tools share one copy of every model:
//
//   {root}/models--{org}--{name}/blobs/<etag>              the bytes, named by their etag
//                               /blobs/<etag>.incomplete   a download in progress
//                               /snapshots/<commit>/<file> relative symlink to ../../blobs/<etag>
//                               /refs/<revision>           the commit the revision named
//
//   {root}/.locks/models--{org}--{name}/<etag>.lock   held while the blob is downloaded
//
// The etag is the sha256 of an LFS file and the git blob id of any other file. One writer per
// blob: a download holds its lock file with flock(2), as huggingface_hub's filelock does, so
// a second pull of the same blob (Lectern's or the Python tools') waits for the first.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::hub {

// $HF_HUB_CACHE, else $HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else
// ~/.cache/huggingface/hub. An error when none of those variables (nor HOME) is set.
Result<std::filesystem::path> defaultCacheRoot();

// "org/name" with characters the Hub allows; InvalidArgument otherwise.
Status validateRepoId(const std::string& repo);

struct CachedFile {
    std::string name;          // relative to the snapshot folder ("model.gguf", "sub/x.json")
    std::uintmax_t size = 0;   // of the blob it points to; 0 when the link is broken
    bool present = false;      // whether the blob exists
};

struct CachedSnapshot {
    std::string repo;
    std::string commit;
    std::vector<std::string> refs;  // revisions that name this commit ("main")
    std::vector<CachedFile> files;
    std::uintmax_t bytes = 0;
    std::filesystem::path path;     // the snapshot folder
};

// An exclusive flock(2) on a blob's lock file, released when destroyed.
class BlobLock {
public:
    BlobLock() = default;
    BlobLock(BlobLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    BlobLock& operator=(BlobLock&& other) noexcept;
    BlobLock(const BlobLock&) = delete;
    BlobLock& operator=(const BlobLock&) = delete;
    ~BlobLock();

    // Takes the lock at `path` (creating the file and its folder), trying again every 100 ms
    // while another process or thread holds it; `waiting` is called once if it must wait.
    // Errors: Io (cannot create or lock the file), Cancelled when `cancel` turns true.
    static Result<BlobLock> acquire(const std::filesystem::path& path, const std::atomic<bool>* cancel,
                                    const std::function<void()>& waiting);

private:
    explicit BlobLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

class HubCache {
public:
    explicit HubCache(std::filesystem::path root) : m_root(std::move(root)) {}
    // The cache at defaultCacheRoot().
    static Result<HubCache> openDefault();

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path repoFolder(const std::string& repo) const;  // models--org--name
    std::filesystem::path blobPath(const std::string& repo, const std::string& etag) const;
    std::filesystem::path incompletePath(const std::string& repo, const std::string& etag) const;
    std::filesystem::path lockPath(const std::string& repo, const std::string& etag) const;
    std::filesystem::path snapshotFolder(const std::string& repo, const std::string& commit) const;
    std::filesystem::path snapshotFile(const std::string& repo, const std::string& commit,
                                       const std::string& file) const;

    // Whether blobs/<etag> exists with exactly `size` bytes.
    bool hasBlob(const std::string& repo, const std::string& etag, std::uintmax_t size) const;
    // Creates the repository's blobs/, snapshots/ and refs/ folders.
    Status prepare(const std::string& repo) const;
    // snapshots/<commit>/<file> -> ../../blobs/<etag> (one more ../ per folder in `file`),
    // replacing what was there.
    Status linkSnapshotFile(const std::string& repo, const std::string& commit, const std::string& file,
                            const std::string& etag) const;
    // refs/<revision> holds `commit` (no trailing newline, as huggingface_hub writes it).
    Status writeRef(const std::string& repo, const std::string& revision, const std::string& commit) const;
    // The commit refs/<revision> holds; NotFound when there is none.
    Result<std::string> readRef(const std::string& repo, const std::string& revision) const;

    // Every snapshot of every model in the cache, by repository then commit.
    Result<std::vector<CachedSnapshot>> list() const;

private:
    std::filesystem::path m_root;
};

}  // namespace lectern::hub
