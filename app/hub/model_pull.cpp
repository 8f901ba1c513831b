// ModelPuller: plan (list, select, look in the cache, measure the disk), then fetch every
// missing blob, verify it, and only when all are in place link the snapshot and write the
// ref, so that a failed pull leaves no half-linked snapshot behind.
#include "model_pull.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <system_error>

#include "blob_hash.h"

namespace lectern::hub {
namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool isAlnum(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

// A repository path that stays inside the snapshot folder.
bool safeFileName(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos) return false;
    for (const auto& part : fs::path(name))
        if (part == ".." || part == "." || part.empty()) return false;
    return true;
}

const RemoteFile* findFile(const RepoListing& listing, const std::string& name) {
    for (const RemoteFile& f : listing.files)
        if (f.name == name) return &f;
    return nullptr;
}

std::string ggufNames(const RepoListing& listing) {
    std::string names;
    int n = 0;
    for (const RemoteFile& f : listing.files) {
        if (!endsWith(f.name, ".gguf")) continue;
        if (n++ == 12) {
            names += ", ...";
            break;
        }
        names += (names.empty() ? "" : ", ") + f.name;
    }
    return names;
}

std::uint64_t freeSpaceAt(fs::path path) {
    std::error_code ec;
    while (!path.empty() && !fs::exists(path, ec)) path = path.parent_path();
    const auto info = fs::space(path.empty() ? fs::path(".") : path, ec);
    return ec ? 0 : info.available;
}

bool lowerHex(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Whether the file's bytes are those the Hub listed: a SHA-256 (LFS files) or a git blob id
// (the others). A digest of any other form cannot be checked and is refused.
Result<bool> matchesDigest(const fs::path& path, const RemoteFile& remote, const std::string& etag) {
    const std::string& expected = remote.isLfs() ? remote.sha256 : etag;
    if (!lowerHex(expected) || (expected.size() != 64 && expected.size() != 40))
        return make_error(ErrorCode::Corrupt, "the Hub gave no digest this file can be checked against", path.string());
    if (expected.size() == 64) {
        auto sha = fileSha256(path);
        if (!sha) return sha.error();
        return sha.value() == expected;
    }
    auto oid = fileGitBlobId(path);
    if (!oid) return oid.error();
    return oid.value() == expected;
}

}  // namespace

Result<std::vector<RemoteFile>> selectFiles(const RepoListing& listing, const std::vector<std::string>& names) {
    std::vector<RemoteFile> out;
    if (!names.empty()) {
        for (const std::string& name : names) {
            const RemoteFile* f = findFile(listing, name);
            if (!f) {
                const std::string gguf = ggufNames(listing);
                return make_error(ErrorCode::NotFound,
                                  "no such file in the repository" + (gguf.empty() ? "" : " (GGUF files: " + gguf + ")"),
                                  listing.repo + ": " + name);
            }
            out.push_back(*f);
        }
        return out;
    }
    const bool safetensors = std::any_of(listing.files.begin(), listing.files.end(), [](const RemoteFile& f) {
        return endsWith(f.name, ".safetensors") && f.name.find('/') == std::string::npos;
    });
    if (safetensors) {
        for (const char* required : {"config.json", "tokenizer.json"})
            if (!findFile(listing, required))
                return make_error(ErrorCode::NotFound, std::string("the repository has no ") + required, listing.repo);
        for (const RemoteFile& f : listing.files) {
            const bool root = f.name.find('/') == std::string::npos;
            const bool wanted = f.name == "config.json" || f.name == "generation_config.json" ||
                                f.name == "tokenizer.json" || f.name == "tokenizer_config.json" ||
                                f.name == "special_tokens_map.json" || f.name == "model.safetensors.index.json" ||
                                (root && endsWith(f.name, ".safetensors"));
            if (wanted) out.push_back(f);
        }
        return out;
    }
    const std::string gguf = ggufNames(listing);
    if (gguf.empty())
        return make_error(ErrorCode::Unsupported, "the repository holds neither safetensors weights nor GGUF files",
                          listing.repo);
    if (gguf.find(", ") != std::string::npos)
        return make_error(ErrorCode::InvalidArgument, "the repository holds several GGUF files; choose one with --file: " + gguf,
                          listing.repo);
    out.push_back(*findFile(listing, gguf));
    return out;
}

Result<PullPlan> ModelPuller::plan(const PullRequest& request) const {
    LECTERN_TRY(validateRepoId(request.repo));
    auto listing = m_client.listFiles(request.repo, request.revision);
    if (!listing) return listing.error();
    if (!isAlnum(listing->commit))
        return make_error(ErrorCode::Corrupt, "the Hub named an odd commit", request.repo + ": " + listing->commit);
    auto files = selectFiles(listing.value(), request.files);
    if (!files) return files.error();
    PullPlan plan;
    plan.repo = request.repo;
    plan.revision = request.revision;
    plan.commit = listing->commit;
    for (const RemoteFile& remote : files.value()) {
        if (!safeFileName(remote.name))
            return make_error(ErrorCode::Corrupt, "the Hub listed a file name outside the repository", remote.name);
        PlannedFile f;
        f.remote = remote;
        f.etag = remote.etag();
        if (f.etag.empty()) {
            auto etag = m_client.fileEtag(plan.repo, plan.commit, remote.name);
            if (!etag) return etag.error();
            f.etag = etag.value();
        }
        if (!isAlnum(f.etag)) return make_error(ErrorCode::Corrupt, "the Hub named a blob oddly", remote.name + ": " + f.etag);
        // No model file is a petabyte: a size past that is a broken listing (and would overflow the sums).
        if (remote.size > (std::uint64_t{1} << 50))
            return make_error(ErrorCode::Corrupt, "the Hub listed an impossible file size", remote.name);
        f.cached = m_cache.hasBlob(plan.repo, f.etag, remote.size);
        std::error_code ec;
        const fs::path partial = m_cache.incompletePath(plan.repo, f.etag);
        // A partial file longer than the blob is started over (fetchOne removes it).
        if (!f.cached && fs::exists(partial, ec)) {
            const std::uint64_t have = fs::file_size(partial, ec);
            f.partial = have <= remote.size ? have : 0;
        }
        plan.totalBytes += remote.size;
        if (!f.cached) plan.missingBytes += remote.size - f.partial;
        plan.files.push_back(std::move(f));
    }
    const fs::path repoFolder = m_cache.repoFolder(plan.repo);
    plan.freeBytes = m_freeSpace ? m_freeSpace(repoFolder) : freeSpaceAt(repoFolder);
    return plan;
}

Result<std::string> ModelPuller::head(const PullPlan& plan, const PlannedFile& file, std::uint64_t length,
                                      const std::atomic<bool>* cancel) const {
    length = std::min(length, file.remote.size);
    for (const fs::path& local : {m_cache.blobPath(plan.repo, file.etag), m_cache.incompletePath(plan.repo, file.etag)}) {
        std::error_code ec;
        if (!fs::is_regular_file(local, ec) || fs::file_size(local, ec) < length || ec) continue;
        std::ifstream in(local, std::ios::binary);
        std::string bytes(static_cast<std::size_t>(length), '\0');
        if (!in.read(bytes.data(), static_cast<std::streamsize>(length)))
            return make_error(ErrorCode::Io, "cannot read the cached file", local.string());
        return bytes;
    }
    return m_client.fetchHead(plan.repo, plan.commit, file.remote.name, length, cancel);
}

Result<std::uint64_t> ModelPuller::fetchOne(const PullPlan& plan, const PlannedFile& file,
                             const std::function<void(std::uint64_t)>& onBytes, const PullListener& listener,
                             const std::atomic<bool>* cancel) const {
    const fs::path partial = m_cache.incompletePath(plan.repo, file.etag);
    const std::uint64_t size = file.remote.size;
    std::error_code ec;
    if (fs::exists(partial, ec) && fs::file_size(partial, ec) > size) fs::remove(partial, ec);
    const std::uint64_t had = fs::exists(partial, ec) ? fs::file_size(partial, ec) : 0;
    std::uint64_t transferred = 0;
    if (had < size || size == 0) {
        auto got = m_client.download(plan.repo, plan.commit, file.remote.name, partial, file.remote.size, cancel,
                                     [&](std::uint64_t done, std::uint64_t) { onBytes(done); });
        if (!got) return got.error();
        transferred = got.value();
    }
    if (!fs::exists(partial, ec)) {
        std::ofstream empty(partial, std::ios::binary);  // an empty file brings no bytes to write
    }
    const std::uint64_t have = fs::file_size(partial, ec);
    if (ec) return make_error(ErrorCode::Io, "cannot read the download", partial.string());
    if (have < size) return make_error(ErrorCode::Io, "the download ended early; pull again to continue it", file.remote.name);
    if (listener.verifying) listener.verifying(file.remote.name);
    auto same = have == size ? matchesDigest(partial, file.remote, file.etag) : Result<bool>(false);
    if (!same) return same.error();
    if (!same.value()) {
        fs::remove(partial, ec);
        return make_error(ErrorCode::Corrupt,
                          "the downloaded bytes do not match the Hub's checksum; the file was deleted, pull again",
                          plan.repo + ": " + file.remote.name);
    }
    fs::rename(partial, m_cache.blobPath(plan.repo, file.etag), ec);
    if (ec) return make_error(ErrorCode::Io, "cannot move the verified download into place: " + ec.message(), partial.string());
    return transferred;
}

Result<PullResult> ModelPuller::pull(const PullRequest& request, const PullListener& listener,
                                     const std::atomic<bool>* cancel) const {
    auto planned = plan(request);
    if (!planned) return planned.error();
    const PullPlan& p = planned.value();
    if (listener.planned) listener.planned(p);
    if (listener.admit) LECTERN_TRY(listener.admit(p));
    if (p.missingBytes > p.freeBytes)
        return make_error(ErrorCode::DiskFull,
                          "not enough free disk space: the files need " + std::to_string(p.missingBytes) + " more bytes, " +
                              std::to_string(p.freeBytes) + " are free",
                          m_cache.root().string());
    LECTERN_TRY(m_cache.prepare(p.repo));

    PullResult result;
    result.repo = p.repo;
    result.commit = p.commit;
    result.snapshot = m_cache.snapshotFolder(p.repo, p.commit);
    PullProgress progress;
    for (const PlannedFile& f : p.files)
        if (!f.cached) {
            ++progress.count;
            progress.total += f.remote.size;
        }
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t doneBefore = 0;  // files finished, and every resumed prefix
    for (const PlannedFile& f : p.files) doneBefore += f.cached ? 0 : f.partial;
    std::uint64_t doneFiles = 0;
    for (const PlannedFile& f : p.files) {
        if (f.cached) {
            result.cachedBytes += f.remote.size;
            continue;
        }
        // One download of a blob at a time; one that ran meanwhile may have brought it.
        auto lock = BlobLock::acquire(m_cache.lockPath(p.repo, f.etag), cancel, [&] {
            if (listener.waiting) listener.waiting(f.remote.name);
        });
        if (!lock) return lock.error();
        if (m_cache.hasBlob(p.repo, f.etag, f.remote.size)) {
            result.cachedBytes += f.remote.size;
            doneBefore -= f.partial;
            progress.total -= f.remote.size;
            --progress.count;
            continue;
        }
        progress.file = f.remote.name;
        progress.fileTotal = f.remote.size;
        auto onBytes = [&](std::uint64_t fileDone) {
            progress.fileDone = fileDone;
            progress.done = doneFiles + fileDone + (doneBefore - f.partial);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double moved = static_cast<double>(progress.done - doneBefore);
            progress.bytesPerSecond = seconds > 0 ? moved / seconds : 0;
            progress.etaSeconds = progress.bytesPerSecond > 0
                                      ? static_cast<double>(progress.total - progress.done) / progress.bytesPerSecond
                                      : -1;
            if (listener.progress) listener.progress(progress);
        };
        auto transferred = fetchOne(p, f, onBytes, listener, cancel);
        if (!transferred) return transferred.error();
        result.downloadedBytes += transferred.value();
        ++result.downloadedFiles;
        doneFiles += f.remote.size;
        doneBefore -= f.partial;
        ++progress.index;
    }
    for (const PlannedFile& f : p.files) {
        LECTERN_TRY(m_cache.linkSnapshotFile(p.repo, p.commit, f.remote.name, f.etag));
        result.files.push_back(m_cache.snapshotFile(p.repo, p.commit, f.remote.name));
    }
    if (p.revision != p.commit) LECTERN_TRY(m_cache.writeRef(p.repo, p.revision, p.commit));
    result.gguf = p.files.size() == 1 && endsWith(p.files.front().remote.name, ".gguf");
    result.model = result.gguf ? result.files.front() : result.snapshot;
    return result;
}

}  // namespace lectern::hub
