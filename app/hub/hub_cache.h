// The Hugging Face Hub cache on disk, laid out as huggingface_hub lays it out so that Lectern
// and the Python tools share one copy of every model:
//
//   {root}/models--{org}--{name}/blobs/<etag>              the bytes, named by their etag
//                               /blobs/<etag>.incomplete   a download in progress
//                               /snapshots/<commit>/<file> relative symlink to ../../blobs/<etag>
//                               /refs/<revision>           the commit the revision named
//
// The etag is the sha256 of an LFS file and the git blob id of any other file. The cache
// assumes one writer per blob (a second pull of the same blob at once is not guarded).
#pragma once

#include <cstdint>
#include <filesystem>
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

class HubCache {
public:
    explicit HubCache(std::filesystem::path root) : m_root(std::move(root)) {}
    // The cache at defaultCacheRoot().
    static Result<HubCache> openDefault();

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path repoFolder(const std::string& repo) const;  // models--org--name
    std::filesystem::path blobPath(const std::string& repo, const std::string& etag) const;
    std::filesystem::path incompletePath(const std::string& repo, const std::string& etag) const;
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
