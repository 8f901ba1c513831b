// KV snapshots on disk: the kept prefix of a session (its token ids and the keys and values
// the backend computed for them) saved to a file in the cache folder, so a session reopened
// later continues without prefilling its documents again.
//
// File name: <key>.kv, key = SHA-256 of (model identity, KV type, SHA-256 of the token ids).
// Header (little-endian): magic "LECTKV01", u32 version, u32 kv type, i64 n_tokens,
// i64 n_layer, n_kv_head, head_dim, 64-hex SHA-256 of the model identity, 64-hex token hash, u64 KV
// bytes; then n_tokens int32 ids; then the KV bytes (SequenceState::read_kv's layout).
// A file is used only when every header field matches the model, KV type and layout of
// the session loading it and the token ids hash to the recorded hash: a snapshot made by
// another model, or over other documents, is never used.
//
// The folder is capped in bytes; saving evicts the least recently used files (a load
// counts as a use: it refreshes the file's modification time) until the total fits, and
// removes .tmp files an hour old (what a process killed mid-save leaves).
// Saving streams the cache a layer at a time into <key>.tmp, fsyncs it and renames it into
// place: a full disk or a crash never leaves a partial file under a key, and the snapshots
// already there are not touched.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "lectern/engine/result.h"
#include "lectern/engine/session.h"

namespace lectern::app {

struct KvSnapshotLoad {
    bool loaded = false;
    std::string reason;  // why not, when not loaded ("no snapshot", "another model", ...)
};

class KvSnapshotCache {
public:
    static constexpr std::uint64_t kDefaultCapBytes = 16ull << 30;

    // The default folder: cacheDirectory()/kv. $LECTERN_KV_CACHE_BYTES overrides the cap.
    static Result<KvSnapshotCache> openDefault();
    KvSnapshotCache(std::filesystem::path dir, std::uint64_t capBytes)
        : m_dir(std::move(dir)), m_capBytes(capBytes) {}

    static std::string tokenHash(std::span<const int32_t> tokens);
    static std::string keyFor(const std::string& modelId, KvType kvType,
                              std::span<const int32_t> tokens);

    // Saves the session's first n tokens; returns the key. Writes to a temporary file then
    // renames, so a crash never leaves a half file under a key. Errors: Io, DiskFull,
    // Unsupported (the backend cannot copy its cache), InvalidArgument (n outside
    // [0, n_past], or a snapshot bigger than the cap: nothing is written).
    Result<std::string> save(const std::string& modelId, const Session& session, std::int64_t n);

    // Restores the snapshot of exactly `tokens` into the session (replacing its content).
    // A missing, mismatched or corrupt file is not an error: loaded = false with a reason
    // (a corrupt file is removed). Errors: those of Session::load_kv.
    Result<KvSnapshotLoad> load(const std::string& modelId, std::span<const int32_t> tokens,
                                Session& session);
    // Restores the snapshot named `key` (e.g. recorded in a task run), whatever tokens it
    // holds, after the same checks.
    Result<KvSnapshotLoad> loadKey(const std::string& modelId, const std::string& key,
                                   Session& session);

    // Removes least recently used files until the folder holds at most capBytes, never
    // `keep` (a key). Returns the number of files removed.
    int evict(const std::string& keep = {});
    // Removes every snapshot; returns how many. A save in progress writes its own .tmp file
    // and renames it afterwards: it is not lost.
    int clear();
    Status remove(const std::string& key);
    bool contains(const std::string& key) const;
    // The snapshots in the folder now: their bytes and how many.
    struct Usage {
        std::uint64_t bytes = 0;
        std::int64_t files = 0;
    };
    Usage usage() const;
    std::uint64_t totalBytes() const;

    const std::filesystem::path& directory() const { return m_dir; }
    std::filesystem::path pathOf(const std::string& key) const { return m_dir / (key + ".kv"); }

private:
    Result<KvSnapshotLoad> loadFile(const std::string& modelId, const std::string& key,
                                    std::span<const int32_t> expected, bool checkTokens,
                                    Session& session);

    std::filesystem::path m_dir;
    std::uint64_t m_capBytes;
};

}  // namespace lectern::app
