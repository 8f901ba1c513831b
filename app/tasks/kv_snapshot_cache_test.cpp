// KV snapshots: a restored prefix gives exactly the logits of prefilling it again (f32 cache:
// the copy is exact, so equality is required), snapshots of another model or other tokens
// are refused, a corrupt file is refused and removed, and the size cap evicts the least
// recently used file.
#include "kv_snapshot_cache.h"

#include <filesystem>
#include <numeric>

#include <gtest/gtest.h>

#include "lectern/engine/backend.h"
#include "lectern/engine/model_loader.h"
#include "lectern/engine/session.h"

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

    Session newSession() {
        auto s = Session::create(*backend, {.n_ctx = 128, .chunk = 32});
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

}  // namespace
}  // namespace lectern::app
