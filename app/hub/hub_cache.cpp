// The Hub cache layout (see hub_cache.h): paths, relative snapshot links, refs, and the
// listing `lectern-cli models list` prints. Filesystem errors come back as ErrorCode::Io.
#include "hub_cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <fstream>
#include <sstream>
#include <system_error>

namespace lectern::hub {
namespace fs = std::filesystem;

namespace {

const char* nonEmptyEnv(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

bool allowedRepoChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

Error ioError(const std::string& what, const fs::path& path, const std::error_code& ec) {
    return make_error(ErrorCode::Io, what + ": " + ec.message(), path.string());
}

// refs/ may hold nested names (refs/pr/1): every file below it, as "pr/1" -> commit.
std::vector<std::pair<std::string, std::string>> readRefs(const fs::path& refs) {
    std::vector<std::pair<std::string, std::string>> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(refs, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::ifstream in(it->path());
        std::string commit;
        std::getline(in, commit);
        out.emplace_back(it->path().lexically_relative(refs).generic_string(), commit);
    }
    return out;
}

CachedSnapshot describeSnapshot(const std::string& repo, const fs::path& folder,
                                const std::vector<std::pair<std::string, std::string>>& refs) {
    CachedSnapshot s;
    s.repo = repo;
    s.commit = folder.filename().string();
    s.path = folder;
    for (const auto& [name, commit] : refs)
        if (commit == s.commit) s.refs.push_back(name);
    std::error_code ec;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code fileEc;
        if (it->is_directory(fileEc)) continue;  // follows the link: a folder of files is walked
        CachedFile f;
        f.name = it->path().lexically_relative(folder).generic_string();  // not through the link
        f.present = fs::exists(it->path(), fileEc);  // false for a link to a missing blob
        if (f.present) f.size = fs::file_size(it->path(), fileEc);
        s.bytes += f.size;
        s.files.push_back(std::move(f));
    }
    std::sort(s.files.begin(), s.files.end(),
              [](const CachedFile& a, const CachedFile& b) { return a.name < b.name; });
    return s;
}

}  // namespace

Result<fs::path> defaultCacheRoot() {
    if (const char* v = nonEmptyEnv("HF_HUB_CACHE")) return fs::path(v);
    if (const char* v = nonEmptyEnv("HF_HOME")) return fs::path(v) / "hub";
    if (const char* v = nonEmptyEnv("XDG_CACHE_HOME")) return fs::path(v) / "huggingface" / "hub";
    if (const char* v = nonEmptyEnv("HOME")) return fs::path(v) / ".cache" / "huggingface" / "hub";
    return make_error(ErrorCode::NotFound, "no folder for the Hugging Face cache: set HF_HUB_CACHE, HF_HOME or HOME");
}

Result<HubCache> HubCache::openDefault() {
    auto root = defaultCacheRoot();
    if (!root) return root.error();
    return HubCache(root.value());
}

Status validateRepoId(const std::string& repo) {
    const auto slash = repo.find('/');
    const bool shaped = slash != std::string::npos && slash > 0 && slash + 1 < repo.size() &&
                        repo.find('/', slash + 1) == std::string::npos;
    const bool chars = std::all_of(repo.begin(), repo.end(), [](char c) { return c == '/' || allowedRepoChar(c); });
    // ".." could climb out of the cache; "--" is the cache's separator and the Hub refuses it.
    if (!shaped || !chars || repo.find("..") != std::string::npos || repo.find("--") != std::string::npos)
        return make_error(ErrorCode::InvalidArgument, "a repository is named ORG/NAME (letters, digits, '-', '_', '.')",
                          repo);
    return {};
}

fs::path HubCache::repoFolder(const std::string& repo) const {
    std::string name = "models--" + repo;
    const auto slash = name.find('/');
    if (slash != std::string::npos) name.replace(slash, 1, "--");
    return m_root / name;
}

fs::path HubCache::blobPath(const std::string& repo, const std::string& etag) const {
    return repoFolder(repo) / "blobs" / etag;
}

fs::path HubCache::incompletePath(const std::string& repo, const std::string& etag) const {
    return repoFolder(repo) / "blobs" / (etag + ".incomplete");
}

fs::path HubCache::lockPath(const std::string& repo, const std::string& etag) const {
    return m_root / ".locks" / repoFolder(repo).filename() / (etag + ".lock");
}

BlobLock& BlobLock::operator=(BlobLock&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

BlobLock::~BlobLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing the descriptor releases the flock
}

Result<BlobLock> BlobLock::acquire(const fs::path& path, const std::atomic<bool>* cancel,
                                   const std::function<void()>& waiting) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return ioError("cannot create the lock folder", path.parent_path(), ec);
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return make_error(ErrorCode::Io, std::string("cannot open the lock file: ") + std::strerror(errno), path.string());
    BlobLock lock(fd);
    bool told = false;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return make_error(ErrorCode::Io, std::string("cannot lock the download: ") + std::strerror(errno), path.string());
        if (cancel && cancel->load()) return make_error(ErrorCode::Cancelled, "stopped while another download of the file ran", path.string());
        if (!told && waiting) waiting();
        told = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return lock;
}

fs::path HubCache::snapshotFolder(const std::string& repo, const std::string& commit) const {
    return repoFolder(repo) / "snapshots" / commit;
}

fs::path HubCache::snapshotFile(const std::string& repo, const std::string& commit, const std::string& file) const {
    return snapshotFolder(repo, commit) / fs::path(file);
}

bool HubCache::hasBlob(const std::string& repo, const std::string& etag, std::uintmax_t size) const {
    std::error_code ec;
    const fs::path blob = blobPath(repo, etag);
    return fs::is_regular_file(blob, ec) && fs::file_size(blob, ec) == size && !ec;
}

Status HubCache::prepare(const std::string& repo) const {
    for (const char* sub : {"blobs", "snapshots", "refs"}) {
        std::error_code ec;
        fs::create_directories(repoFolder(repo) / sub, ec);
        if (ec) return ioError("cannot create the cache folder", repoFolder(repo) / sub, ec);
    }
    return {};
}

Status HubCache::linkSnapshotFile(const std::string& repo, const std::string& commit, const std::string& file,
                                  const std::string& etag) const {
    const fs::path link = snapshotFile(repo, commit, file);
    std::error_code ec;
    fs::create_directories(link.parent_path(), ec);
    if (ec) return ioError("cannot create the snapshot folder", link.parent_path(), ec);
    // From snapshots/<commit>/<dirs...>/<name>: up one per folder, then out of the snapshot.
    fs::path target = "../..";
    const fs::path folders = fs::path(file).parent_path();
    for (auto it = folders.begin(); it != folders.end(); ++it) target = ".." / target;
    target = target / "blobs" / etag;
    fs::remove(link, ec);
    fs::create_symlink(target, link, ec);
    if (ec) return ioError("cannot link the snapshot file", link, ec);
    return {};
}

namespace {

// A revision names a file under refs/ ("main", "refs/pr/1"): relative, no "." or "..".
bool safeRevision(const std::string& revision) {
    if (revision.empty() || revision.front() == '/' || revision.find('\\') != std::string::npos) return false;
    for (const auto& part : fs::path(revision))
        if (part == "." || part == ".." || part.empty()) return false;
    return true;
}

}  // namespace

Status HubCache::writeRef(const std::string& repo, const std::string& revision, const std::string& commit) const {
    if (!safeRevision(revision)) return make_error(ErrorCode::InvalidArgument, "not a revision name", revision);
    const fs::path ref = repoFolder(repo) / "refs" / fs::path(revision);
    std::error_code ec;
    fs::create_directories(ref.parent_path(), ec);
    if (ec) return ioError("cannot create the refs folder", ref.parent_path(), ec);
    const fs::path tmp = ref.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << commit;
        if (!out.flush()) return make_error(ErrorCode::Io, "cannot write the ref", tmp.string());
    }
    fs::rename(tmp, ref, ec);
    if (ec) return ioError("cannot write the ref", ref, ec);
    return {};
}

Result<std::string> HubCache::readRef(const std::string& repo, const std::string& revision) const {
    if (!safeRevision(revision)) return make_error(ErrorCode::InvalidArgument, "not a revision name", revision);
    std::ifstream in(repoFolder(repo) / "refs" / fs::path(revision));
    std::string commit;
    if (!in || !std::getline(in, commit) || commit.empty())
        return make_error(ErrorCode::NotFound, "no such revision in the cache", repo + "@" + revision);
    return commit;
}

Result<std::vector<CachedSnapshot>> HubCache::list() const {
    std::vector<CachedSnapshot> out;
    std::error_code ec;
    if (!fs::exists(m_root, ec)) return out;
    std::vector<fs::path> repos;
    for (fs::directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code dirEc;
        if (name.rfind("models--", 0) == 0 && it->is_directory(dirEc)) repos.push_back(it->path());
    }
    if (ec) return ioError("cannot read the cache folder", m_root, ec);
    std::sort(repos.begin(), repos.end());
    for (const fs::path& folder : repos) {
        std::string repo = folder.filename().string().substr(8);
        const auto sep = repo.find("--");
        if (sep != std::string::npos) repo.replace(sep, 2, "/");
        const auto refs = readRefs(folder / "refs");
        std::vector<fs::path> snapshots;
        std::error_code snapEc;
        for (fs::directory_iterator it(folder / "snapshots", snapEc), end; !snapEc && it != end; it.increment(snapEc))
            if (std::error_code dirEc; it->is_directory(dirEc)) snapshots.push_back(it->path());
        std::sort(snapshots.begin(), snapshots.end());
        for (const fs::path& s : snapshots) out.push_back(describeSnapshot(repo, s, refs));
    }
    return out;
}

}  // namespace lectern::hub
