// KV snapshots: a restored prefix gives exactly the logits of prefilling it again (f32 and
// q8_0 caches: the copy is byte for byte, so equality is required), snapshots of another
// model, KV type or other tokens are refused, a corrupt file is refused and removed, the
// size cap evicts the least recently used file, and a disk that fills up mid-write leaves the
// earlier snapshots intact and no partial file.
#include "kv_snapshot_cache.h"

#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <numeric>

#include <gtest/gtest.h>

#include "lectern/engine/backend.h"
#include "lectern/engine/model_loader.h"
#include "lectern/engine/session.h"
#include "private_mount.h"

namespace lectern::app {
namespace {

namespace fs = std::filesystem;

class KvSnapshotTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto w = load_model(std::string(LECTERN_TEST_DATA) + "/gguf/llama31-tiny-F16.gguf");
        ASSERT_TRUE(w.ok()) << w.error().to_string();
        auto b = make_cpu_backend(std::make_shared<ModelWeights>(std::move(w.value())), {.n_threads = 1});
        ASSERT_TRUE(b.ok());
        backend = std::move(b.value());
        dir = fs::temp_directory_path() / ("lectern-kv-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    Session newSession(KvType kv = KvType::F32) {
        auto s = Session::create(*backend, {.n_ctx = 128, .chunk = 32, .kv_type = kv});
        EXPECT_TRUE(s.ok());
        return std::move(s.value());
    }
    static std::vector<int32_t> tokens(int n, int first) {
        std::vector<int32_t> t(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) t[static_cast<size_t>(i)] = (first + 7 * i) % 500;
        return t;
    }

    std::unique_ptr<Backend> backend;
    fs::path dir;
};

TEST_F(KvSnapshotTest, RestoredPrefixGivesTheSameLogitsAsPrefilling) {
    KvSnapshotCache cache(dir, 1 << 30);
    const auto prefix = tokens(40, 3);
    Session a = newSession();
    ASSERT_TRUE(a.prefill(prefix).ok());
    auto key = cache.save("model-a", a, a.n_past());
    ASSERT_TRUE(key.ok()) << key.error().to_string();
    EXPECT_EQ(*key, KvSnapshotCache::keyFor("model-a", KvType::F32, prefix));

    auto full = a.prefill(std::vector<int32_t>{11, 12});
    ASSERT_TRUE(full.ok());
    const std::vector<float> expected(full->begin(), full->end());

    Session b = newSession();
    auto loaded = cache.load("model-a", prefix, b);
    ASSERT_TRUE(loaded.ok());
    ASSERT_TRUE(loaded->loaded) << loaded->reason;
    EXPECT_EQ(b.tokens(), prefix);
    auto got = b.prefill(std::vector<int32_t>{11, 12});
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(std::vector<float>(got->begin(), got->end()), expected);
}

TEST_F(KvSnapshotTest, AnotherModelOrOtherTokensAreNeverUsed) {
    KvSnapshotCache cache(dir, 1 << 30);
    const auto docA = tokens(30, 1), docB = tokens(30, 2);
    Session a = newSession();
    ASSERT_TRUE(a.prefill(docA).ok());
    auto key = cache.save("model-a", a, a.n_past());
    ASSERT_TRUE(key.ok());

    Session b = newSession();
    auto otherModel = cache.loadKey("model-b", *key, b);
    ASSERT_TRUE(otherModel.ok());
    EXPECT_FALSE(otherModel->loaded);
    EXPECT_EQ(b.n_past(), 0);
    auto otherTokens = cache.load("model-a", docB, b);
    ASSERT_TRUE(otherTokens.ok());
    EXPECT_FALSE(otherTokens->loaded);
    EXPECT_EQ(b.n_past(), 0);

    // A file copied under document B's key is refused: its tokens hash to A's key.
    const auto keyB = KvSnapshotCache::keyFor("model-a", KvType::F32, docB);
    fs::copy_file(cache.pathOf(*key), cache.pathOf(keyB));
    auto forged = cache.load("model-a", docB, b);
    ASSERT_TRUE(forged.ok());
    EXPECT_FALSE(forged->loaded);
    EXPECT_EQ(b.n_past(), 0);
}

TEST_F(KvSnapshotTest, CorruptFileIsRefusedAndRemoved) {
    KvSnapshotCache cache(dir, 1 << 30);
    Session a = newSession();
    const auto doc = tokens(20, 5);
    ASSERT_TRUE(a.prefill(doc).ok());
    auto key = cache.save("m", a, a.n_past());
    ASSERT_TRUE(key.ok());
    fs::resize_file(cache.pathOf(*key), fs::file_size(cache.pathOf(*key)) - 10);
    Session b = newSession();
    auto r = cache.load("m", doc, b);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->loaded);
    EXPECT_FALSE(cache.contains(*key));
}

TEST_F(KvSnapshotTest, CapEvictsTheLeastRecentlyUsed) {
    Session a = newSession();
    ASSERT_TRUE(a.prefill(tokens(16, 9)).ok());
    const auto one = kv_snapshot_bytes(backend->config(), KvType::F32, 16);
    KvSnapshotCache cache(dir, 3 * (one + 64 + 200));  // three files fit, not four
    std::vector<std::string> keys;
    const auto base = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (int i = 0; i < 3; ++i) {
        Session s = newSession();
        ASSERT_TRUE(s.prefill(tokens(16, 100 + i)).ok());
        auto k = cache.save("m", s, 16);
        ASSERT_TRUE(k.ok());
        keys.push_back(*k);
        fs::last_write_time(cache.pathOf(*k), base + std::chrono::minutes(i));
    }
    Session user = newSession();
    auto used = cache.load("m", tokens(16, 100), user);  // the oldest becomes the newest
    ASSERT_TRUE(used.ok());
    ASSERT_TRUE(used->loaded);
    auto k4 = cache.save("m", a, 16);
    ASSERT_TRUE(k4.ok());
    EXPECT_TRUE(cache.contains(keys[0]));
    EXPECT_FALSE(cache.contains(keys[1]));  // least recently used
    EXPECT_TRUE(cache.contains(keys[2]));
    EXPECT_TRUE(cache.contains(*k4));
}

TEST_F(KvSnapshotTest, SnapshotBiggerThanTheCapIsNotWritten) {
    KvSnapshotCache cache(dir, 1024);
    Session a = newSession();
    ASSERT_TRUE(a.prefill(tokens(16, 1)).ok());
    auto k = cache.save("m", a, 16);
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(cache.totalBytes(), 0u);
}

TEST_F(KvSnapshotTest, AnEightBitCacheIsSavedInItsOwnTypeAndRestoredExactly) {
    KvSnapshotCache cache(dir, 1 << 30);
    const auto doc = tokens(40, 3);
    const std::vector<int32_t> next = {17};
    Session a = newSession(KvType::Q8_0);
    ASSERT_TRUE(a.prefill(doc).ok());
    auto key = cache.save("m", a, a.n_past());
    ASSERT_TRUE(key.ok()) << key.error().to_string();
    // Header + ids + q8_0 rows: 34 bytes per 32 values, not a widened copy.
    const auto kvBytes = kv_snapshot_bytes(backend->config(), KvType::Q8_0, 40);
    EXPECT_EQ(kvBytes, kv_snapshot_bytes(backend->config(), KvType::F32, 40) / 128 * 34);
    EXPECT_EQ(fs::file_size(cache.pathOf(*key)), 8 + 4 + 4 + 8 * 4 + 128 + 8 + 40 * 4 + kvBytes);
    auto want = a.prefill(next);
    ASSERT_TRUE(want.ok());
    const std::vector<float> expected(want->begin(), want->end());
    // Named by its key, so the header's KV type is what refuses it (load() would not even
    // find it: the key holds the type).
    Session f32 = newSession(KvType::F32);
    auto other = cache.loadKey("m", *key, f32);
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(other->loaded) << "a q8_0 snapshot was used by an f32 cache";
    EXPECT_EQ(other->reason, "another KV type or layout");
    EXPECT_TRUE(cache.contains(*key)) << "a snapshot of another type is not corrupt";
    Session b = newSession(KvType::Q8_0);
    auto r = cache.load("m", doc, b);
    ASSERT_TRUE(r.ok() && r->loaded) << (r.ok() ? r->reason : r.error().to_string());
    auto got = b.prefill(next);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(std::vector<float>(got->begin(), got->end()), expected);
}

TEST_F(KvSnapshotTest, ASaveRemovesWhatAProcessKilledMidSaveLeft) {
    KvSnapshotCache cache(dir, 1 << 30);
    fs::create_directories(dir);
    const fs::path stale = dir / "0123.tmp", fresh = dir / "4567.tmp";
    for (const fs::path& p : {stale, fresh}) {
        std::ofstream(p) << "a partial snapshot";
    }
    fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(2));
    Session a = newSession();
    ASSERT_TRUE(a.prefill(tokens(8, 1)).ok());
    ASSERT_TRUE(cache.save("m", a, 8).ok());
    EXPECT_FALSE(fs::exists(stale)) << "a .tmp two hours old was left";
    EXPECT_TRUE(fs::exists(fresh)) << "a .tmp that another save may still be writing was removed";
}

// In a child with a private 256 KiB tmpfs: a first snapshot fits, a second one does not.
std::string fillTheDisk(const fs::path& mnt, Backend& backend) {
    if (mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=256k") != 0) return lectern::testing::kNoPrivateMount;
    KvSnapshotCache cache(mnt / "kv", 1 << 30);
    auto session = [&backend](int n, int first) {
        auto s = Session::create(backend, {.n_ctx = 128, .chunk = 32});
        std::vector<int32_t> ids(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) ids[static_cast<size_t>(i)] = (first + 7 * i) % 500;
        (void)s->prefill(ids);
        return std::move(s.value());
    };
    // 2 KiB of f32 keys and values per token: 80 tokens are 160 KiB, 120 more do not fit.
    Session a = session(80, 1);
    auto first = cache.save("m", a, 80);
    if (!first) return "the first snapshot was not written: " + first.error().to_string();
    const auto before = fs::file_size(cache.pathOf(*first));
    Session b = session(120, 2);
    auto second = cache.save("m", b, 120);
    if (second) return "a snapshot larger than the free space was written";
    if (second.error().code != ErrorCode::DiskFull) return "expected DiskFull, got " + second.error().to_string();
    for (const auto& e : fs::directory_iterator(mnt / "kv"))
        if (e.path().extension() != ".kv") return "a partial file was left: " + e.path().filename().string();
    if (!cache.contains(*first) || fs::file_size(cache.pathOf(*first)) != before) return "the first snapshot changed";
    auto c = session(1, 0);
    std::vector<int32_t> ids(80);
    for (int i = 0; i < 80; ++i) ids[static_cast<size_t>(i)] = (1 + 7 * i) % 500;
    auto loaded = cache.load("m", ids, c);
    if (!loaded || !loaded->loaded) return "the first snapshot no longer loads";
    return {};
}

TEST_F(KvSnapshotTest, AFullDiskLeavesTheEarlierSnapshotsIntact) {
    const fs::path mnt = dir / "mnt";
    fs::create_directories(mnt);
    const std::string outcome = lectern::testing::inPrivateMountNamespace([&] { return fillTheDisk(mnt, *backend); });
    if (outcome == lectern::testing::kNoPrivateMount) GTEST_SKIP() << outcome;
    EXPECT_EQ(outcome, "");
}

}  // namespace
}  // namespace lectern::app
