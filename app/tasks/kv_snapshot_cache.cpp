// KV snapshot files: writing, verified reading, LRU eviction (see kv_snapshot_cache.h).
#include "kv_snapshot_cache.h"

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <unistd.h>

#include "lectern/ingest/ingest.h"
#include "paths.h"

namespace lectern::app {
namespace {

constexpr char kMagic[8] = {'L', 'E', 'C', 'T', 'K', 'V', '0', '1'};
constexpr std::uint32_t kVersion = 1;

struct Header {
    std::uint32_t version = kVersion;
    std::uint32_t kvType = 0;
    std::int64_t nTokens = 0;
    std::int64_t nLayer = 0, nKvHead = 0, headDim = 0;
    char modelId[64] = {};
    char tokenHash[64] = {};
    std::uint64_t kvBytes = 0;
};

template <typename T>
void put(std::string& out, const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
bool get(std::ifstream& in, T& v) {
    return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof(T)));
}

std::string encodeHeader(const Header& h) {
    std::string out(kMagic, sizeof kMagic);
    put(out, h.version);
    put(out, h.kvType);
    put(out, h.nTokens);
    put(out, h.nLayer);
    put(out, h.nKvHead);
    put(out, h.headDim);
    out.append(h.modelId, 64);
    out.append(h.tokenHash, 64);
    put(out, h.kvBytes);
    return out;
}

bool readHeader(std::ifstream& in, Header& h) {
    char magic[8];
    if (!in.read(magic, 8) || std::memcmp(magic, kMagic, 8) != 0) return false;
    return get(in, h.version) && get(in, h.kvType) && get(in, h.nTokens) && get(in, h.nLayer) &&
           get(in, h.nKvHead) && get(in, h.headDim) && in.read(h.modelId, 64) &&
           in.read(h.tokenHash, 64) && get(in, h.kvBytes);
}

void copyHex(char (&dst)[64], const std::string& hex) {
    std::memset(dst, 0, 64);
    std::memcpy(dst, hex.data(), std::min<size_t>(64, hex.size()));
}

bool sameHex(const char (&field)[64], const std::string& hex) {
    return hex.size() == 64 && std::memcmp(field, hex.data(), 64) == 0;
}

// A snapshot file being written: a POSIX descriptor, so the bytes can be fsynced before
// the rename makes them visible. Errors carry DiskFull for ENOSPC.
class SnapshotWriter {
public:
    explicit SnapshotWriter(std::filesystem::path path) : m_path(std::move(path)) {
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        m_error = m_fd < 0 ? errno : 0;
    }
    ~SnapshotWriter() {
        if (m_fd >= 0) ::close(m_fd);
    }
    SnapshotWriter(const SnapshotWriter&) = delete;
    SnapshotWriter& operator=(const SnapshotWriter&) = delete;

    Status write(const void* data, std::size_t size) {
        if (m_fd < 0) return failure(m_error);
        const auto* p = static_cast<const char*>(data);
        while (size > 0) {
            const ssize_t n = ::write(m_fd, p, size);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return failure(n < 0 ? errno : ENOSPC);
            p += n;
            size -= static_cast<std::size_t>(n);
        }
        return {};
    }
    Status finish() {
        if (m_fd < 0) return failure(m_error);
        if (::fsync(m_fd) != 0) return failure(errno);
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0) return failure(errno);
        return {};
    }
    void discard() {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }

private:
    Status failure(int err) const {
        return make_error(err == ENOSPC || err == EDQUOT ? ErrorCode::DiskFull : ErrorCode::Io,
                          "cannot write the KV snapshot", m_path.string() + ": " + std::strerror(err));
    }
    std::filesystem::path m_path;
    int m_fd = -1;
    int m_error = 0;
};

// The rename is durable once the folder's entry is on disk; a failure here only risks the
// newest snapshot after a power cut, so it is not an error.
void syncDirectory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

Result<KvSnapshotCache> KvSnapshotCache::openDefault() {
    auto cache = cacheDirectory();
    if (!cache) return cache.error();
    std::uint64_t cap = kDefaultCapBytes;
    if (const char* s = std::getenv("LECTERN_KV_CACHE_BYTES"); s && *s) cap = std::strtoull(s, nullptr, 10);
    return KvSnapshotCache(*cache / "kv", cap);
}

std::string KvSnapshotCache::tokenHash(std::span<const int32_t> tokens) {
    return ingest::sha256_hex(std::string_view(reinterpret_cast<const char*>(tokens.data()),
                                               tokens.size() * sizeof(int32_t)));
}

std::string KvSnapshotCache::keyFor(const std::string& modelId, KvType kvType,
                                    std::span<const int32_t> tokens) {
    return ingest::sha256_hex(modelId + ":" + kv_type_name(kvType) + ":" + tokenHash(tokens));
}

Result<std::string> KvSnapshotCache::save(const std::string& modelId, const Session& session,
                                          std::int64_t n) {
    if (n < 0 || n > session.n_past())
        return make_error(ErrorCode::InvalidArgument, "cannot save the KV cache",
                          std::to_string(n) + " of " + std::to_string(session.n_past()) + " tokens");
    const auto& config = session.backend().config();
    const KvType type = session.options().kv_type;
    const size_t kvBytes = kv_snapshot_bytes(config, type, n);
    if (kvBytes > m_capBytes)
        return make_error(ErrorCode::InvalidArgument, "the KV snapshot is bigger than the cache cap",
                          std::to_string(kvBytes >> 20) + " MiB");
    const std::span<const int32_t> tokens(session.tokens().data(), static_cast<size_t>(n));
    Header h;
    h.kvType = static_cast<std::uint32_t>(type);
    h.nTokens = n;
    h.nLayer = config.n_layer;
    h.nKvHead = config.n_kv_head;
    h.headDim = config.head_dim;
    copyHex(h.modelId, ingest::sha256_hex(modelId));
    copyHex(h.tokenHash, tokenHash(tokens));
    h.kvBytes = kvBytes;
    LECTERN_TRY(ensureDirectory(m_dir));
    const std::string key = keyFor(modelId, type, tokens);
    const auto tmp = m_dir / (key + ".tmp");
    // Streamed a layer at a time, in the cache's own type; fsynced, then renamed into place:
    // a crash or a full disk leaves at most a .tmp file, never a partial snapshot under a
    // key, and the earlier snapshots as they were.
    SnapshotWriter out(tmp);
    const std::string header = encodeHeader(h);
    Status written = out.write(header.data(), header.size());
    if (written) written = out.write(tokens.data(), tokens.size() * sizeof(int32_t));
    if (written)
        written = session.save_kv(n, [&out](std::span<const uint8_t> layer) { return out.write(layer.data(), layer.size()); });
    if (written) written = out.finish();
    if (!written) {
        out.discard();
        return written.error();
    }
    std::error_code ec;
    std::filesystem::rename(tmp, pathOf(key), ec);
    if (ec) {
        out.discard();
        return make_error(ErrorCode::Io, "cannot write the KV snapshot", ec.message());
    }
    syncDirectory(m_dir);
    evict(key);
    return key;
}

Result<KvSnapshotLoad> KvSnapshotCache::load(const std::string& modelId,
                                             std::span<const int32_t> tokens, Session& session) {
    return loadFile(modelId, keyFor(modelId, session.options().kv_type, tokens), tokens, true, session);
}

Result<KvSnapshotLoad> KvSnapshotCache::loadKey(const std::string& modelId, const std::string& key,
                                                Session& session) {
    return loadFile(modelId, key, {}, false, session);
}

Result<KvSnapshotLoad> KvSnapshotCache::loadFile(const std::string& modelId, const std::string& key,
                                                 std::span<const int32_t> expected, bool checkTokens,
                                                 Session& session) {
    const auto path = pathOf(key);
    std::ifstream in(path, std::ios::binary);
    if (!in) return KvSnapshotLoad{false, "no snapshot"};
    const auto& config = session.backend().config();
    const KvType type = session.options().kv_type;
    Header h;
    if (!readHeader(in, h) || h.version != kVersion || h.nTokens < 0) {
        (void)remove(key);
        return KvSnapshotLoad{false, "not a KV snapshot (removed)"};
    }
    if (!sameHex(h.modelId, ingest::sha256_hex(modelId))) return KvSnapshotLoad{false, "made by another model"};
    if (h.kvType != static_cast<std::uint32_t>(type) || h.nLayer != config.n_layer ||
        h.nKvHead != config.n_kv_head || h.headDim != config.head_dim ||
        h.kvBytes != kv_snapshot_bytes(config, type, h.nTokens))
        return KvSnapshotLoad{false, "another KV type or layout"};
    if (h.nTokens > session.n_ctx()) return KvSnapshotLoad{false, "longer than the context"};
    if (checkTokens && static_cast<size_t>(h.nTokens) != expected.size())
        return KvSnapshotLoad{false, "other tokens"};
    std::vector<int32_t> tokens(static_cast<size_t>(h.nTokens));
    in.read(reinterpret_cast<char*>(tokens.data()), static_cast<std::streamsize>(tokens.size() * 4));
    // The file's size is checked before the KV bytes are streamed into the session.
    std::error_code sizeError;
    const std::uint64_t fileBytes = std::filesystem::file_size(path, sizeError);
    const std::uint64_t expectedBytes = encodeHeader(h).size() + tokens.size() * 4 + h.kvBytes;
    if (!in || sizeError || fileBytes != expectedBytes) {
        (void)remove(key);
        return KvSnapshotLoad{false, "truncated or oversized snapshot (removed)"};
    }
    const std::string hash = tokenHash(tokens);
    if (!sameHex(h.tokenHash, hash) || keyFor(modelId, type, tokens) != key) {
        (void)remove(key);
        return KvSnapshotLoad{false, "token hash mismatch (removed)"};
    }
    if (checkTokens && !std::equal(tokens.begin(), tokens.end(), expected.begin()))
        return KvSnapshotLoad{false, "other tokens"};
    const Status loaded = session.load_kv(tokens, [&in](std::span<uint8_t> layer) -> Status {
        if (!in.read(reinterpret_cast<char*>(layer.data()), static_cast<std::streamsize>(layer.size())))
            return make_error(ErrorCode::Io, "the KV snapshot could not be read to its end");
        return {};
    });
    if (!loaded) {
        // The session holds nothing now; a file that no longer reads whole is dropped.
        if (loaded.error().code == ErrorCode::Io) (void)remove(key);
        return loaded.error();
    }
    std::error_code ec;
    std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now(), ec);
    return KvSnapshotLoad{true, {}};
}

int KvSnapshotCache::clear() {
    int removed = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(m_dir, ec)) {
        std::error_code rc;
        if (e.path().extension() == ".kv" && std::filesystem::remove(e.path(), rc)) ++removed;
    }
    return removed;
}

int KvSnapshotCache::evict(const std::string& keep) {
    struct Entry {
        std::filesystem::path path;
        std::filesystem::file_time_type used;
        std::uint64_t bytes;
    };
    std::vector<Entry> entries;
    std::uint64_t total = 0;
    std::error_code ec;
    const auto staleBefore = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& e : std::filesystem::directory_iterator(m_dir, ec)) {
        // A .tmp file an hour old is what a process killed mid-save left (a save in progress
        // keeps writing to its own); it is removed, not counted.
        if (e.path().extension() == ".tmp" && e.last_write_time(ec) < staleBefore) {
            std::filesystem::remove(e.path(), ec);
            continue;
        }
        if (e.path().extension() != ".kv") continue;
        Entry en{e.path(), e.last_write_time(ec), e.file_size(ec)};
        total += en.bytes;
        entries.push_back(std::move(en));
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
    int removed = 0;
    for (const auto& en : entries) {
        if (total <= m_capBytes) break;
        if (en.path.stem() == keep) continue;
        if (std::filesystem::remove(en.path, ec)) {
            total -= en.bytes;
            ++removed;
        }
    }
    return removed;
}

Status KvSnapshotCache::remove(const std::string& key) {
    std::error_code ec;
    std::filesystem::remove(pathOf(key), ec);
    if (ec) return make_error(ErrorCode::Io, "cannot remove a KV snapshot", ec.message());
    return {};
}

bool KvSnapshotCache::contains(const std::string& key) const {
    std::error_code ec;
    return std::filesystem::exists(pathOf(key), ec);
}

KvSnapshotCache::Usage KvSnapshotCache::usage() const {
    Usage u;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(m_dir, ec)) {
        if (e.path().extension() != ".kv") continue;
        std::error_code fe;
        const auto n = e.file_size(fe);
        if (!fe) u.bytes += n;
        ++u.files;
    }
    return u;
}

std::uint64_t KvSnapshotCache::totalBytes() const { return usage().bytes; }

}  // namespace lectern::app
