// AppCore::pullModel against a Hub on loopback (app/hub/testing): the job reports
// Phase::Download in bytes, rising to the file's size, and finishes with the GGUF's path in
// the Hub cache ($HF_HUB_CACHE), which opens as a model; a gated repository fails with
// NeedsPassword; Stop ends the job as cancelled with the partial blob kept, and the next
// pull continues it, fetching only the remainder. Before the first byte of the file, its
// header (a Range request, or the partial download) says what the model needs: one too large
// for the memory given is refused with nothing downloaded, unless the check is off; a
// safetensors model is sized from its config.json and shards. The curated list's estimates
// add the KV cache at the chosen context to the file size.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "app_core.h"
#include "fake_hub.h"

namespace lectern::app::e2e {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const fs::path kData = LECTERN_TEST_DATA;
const char* const kRepo = "lectern-test/tiny-gguf";
const char* const kGated = "lectern-test/tiny-gated";
const char* const kGguf = "llama31-tiny-Q4_0.gguf";
const char* const kFolder = "lectern-test/tiny-safetensors";
const std::string kCommit = "0123456789abcdef0123456789abcdef01234567";

class AppCorePullTest : public ::testing::Test {
protected:
    void SetUp() override {
        hub::testing::FakeRepo repo;
        repo.id = kRepo;
        repo.commit = kCommit;
        repo.files = {hub::testing::FakeFile::read(kData / "gguf" / kGguf, kGguf, true)};
        hub.addRepo(repo);
        repo.id = kGated;
        repo.gated = true;
        hub.addRepo(repo);
        hub::testing::FakeRepo folder;
        folder.id = kFolder;
        folder.commit = kCommit;
        const fs::path tiny = kData / "models" / "llama31-tiny";
        for (const fs::directory_entry& e : fs::directory_iterator(tiny)) {
            const std::string name = e.path().filename().string();
            if (name.starts_with("golden")) continue;
            folder.files.push_back(hub::testing::FakeFile::read(e.path(), name, name.ends_with(".safetensors")));
        }
        hub.addRepo(folder);
        hub.setToken("hf_right");
        ::setenv("HF_HUB_CACHE", (cacheDir.path() / "hub").c_str(), 1);
        ::setenv("HF_HOME", cacheDir.path().c_str(), 1);  // no token file there
        ::setenv("HF_ENDPOINT", hub.endpoint().c_str(), 1);
        ::unsetenv("HF_TOKEN");
        ::unsetenv("HF_TOKEN_PATH");
        AppCoreOptions o;
        o.database = dir.path() / "lectern.db";
        o.snapshots = false;
        o.listener = [this](const JobEvent& e) {
            // Stop from the worker itself once bytes have come, so the cut is mid-file.
            if (const auto* p = std::get_if<JobProgress>(&e.payload); p && p->done > 0 && cancelOnBytes)
                core->cancel(e.job);
            queue.push(e);
        };
        auto c = AppCore::open(o);
        ASSERT_TRUE(c.ok()) << c.error().to_string();
        core = std::move(c.value());
    }

    // Every event of `job`, up to its final one.
    std::vector<JobEvent> events(JobId job) {
        std::vector<JobEvent> out;
        for (;;) {
            auto e = queue.pop(120s);
            if (!e) {
                ADD_FAILURE() << "no final event for job " << job;
                return out;
            }
            if (e->job != job) continue;
            out.push_back(std::move(*e));
            if (out.back().isFinal()) return out;
        }
    }

    static PullRequest request(const char* repo) {
        PullRequest r;
        r.repo = repo;
        r.files = {kGguf};
        return r;
    }

    hub::testing::TempFolder dir;
    hub::testing::TempFolder cacheDir;
    hub::testing::FakeHub hub;
    JobEventQueue queue;
    std::atomic<bool> cancelOnBytes{false};
    std::unique_ptr<AppCore> core;
};

TEST_F(AppCorePullTest, ReportsBytesAndFinishesWithTheCachedGgufPath) {
    const auto size = static_cast<std::int64_t>(fs::file_size(kData / "gguf" / kGguf));
    auto got = events(core->pullModel(request(kRepo)));
    ASSERT_FALSE(got.empty());
    std::int64_t last = -1;
    int progress = 0;
    for (const JobEvent& e : got) {
        const auto* p = std::get_if<JobProgress>(&e.payload);
        if (!p) continue;
        ++progress;
        EXPECT_EQ(p->phase, Phase::Download);
        EXPECT_EQ(p->unit, ProgressUnit::Bytes);
        EXPECT_EQ(p->total, size);
        EXPECT_GE(p->done, last);  // never goes back
        last = p->done;
    }
    EXPECT_GT(progress, 1);
    EXPECT_EQ(last, size);
    const auto* pulled = finishedValue<ModelPulled>(got.back());
    ASSERT_NE(pulled, nullptr) << "the job did not finish with a ModelPulled";
    const fs::path want = cacheDir.path() / "hub" / "models--lectern-test--tiny-gguf" / "snapshots" / kCommit / kGguf;
    EXPECT_EQ(fs::path(pulled->path), want);
    EXPECT_EQ(pulled->commit, kCommit);
    EXPECT_EQ(pulled->downloadedBytes, static_cast<std::uint64_t>(size));
    EXPECT_EQ(hub::testing::readAll(pulled->path), hub::testing::readAll(kData / "gguf" / kGguf));
    EXPECT_STREQ(phaseName(Phase::Download), "download");
    EXPECT_STREQ(unitName(ProgressUnit::Bytes), "bytes");

    EngineOptions e;
    e.modelPath = pulled->path;
    e.nCtx = 1024;
    e.threads = 2;
    auto opened = events(core->openModel(e));
    ASSERT_NE(finishedValue<ModelInfo>(opened.back()), nullptr) << "the pulled model does not open";
}

TEST_F(AppCorePullTest, GatedRepositoryFailsWithNeedsPassword) {
    auto got = events(core->pullModel(request(kGated)));
    const auto* failed = std::get_if<JobFailed>(&got.back().payload);
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->error.code, ErrorCode::NeedsPassword);
}

TEST_F(AppCorePullTest, StopKeepsAResumableIncompleteBlob) {
    hub.setChunkDelay(5ms);  // a few hundred pieces: Stop lands mid-file
    cancelOnBytes = true;
    auto got = events(core->pullModel(request(kRepo)));
    ASSERT_TRUE(std::holds_alternative<JobCancelled>(got.back().payload));
    const std::string sha = hub.file(kRepo, kGguf).sha256;
    const fs::path repo = cacheDir.path() / "hub" / "models--lectern-test--tiny-gguf";
    const fs::path partial = repo / "blobs" / (sha + ".incomplete");
    ASSERT_TRUE(fs::exists(partial));
    const auto kept = fs::file_size(partial);
    const auto size = fs::file_size(kData / "gguf" / kGguf);
    EXPECT_GT(kept, 0u);
    EXPECT_LT(kept, size);
    EXPECT_FALSE(fs::exists(repo / "blobs" / sha));

    cancelOnBytes = false;
    // The stopped transfer's server thread may count one more piece before it sees the
    // connection closed; let it finish before counting the resumed one.
    std::this_thread::sleep_for(200ms);
    hub.setChunkDelay(0ms);
    hub.resetCounts();
    auto again = events(core->pullModel(request(kRepo)));
    const auto* pulled = finishedValue<ModelPulled>(again.back());
    ASSERT_NE(pulled, nullptr);
    EXPECT_EQ(hub.bytesServed(kGguf), size - kept);  // only the remainder was sent
    EXPECT_EQ(hub.lastRange(kGguf), "bytes=" + std::to_string(kept) + "-");
    EXPECT_EQ(hub::testing::readAll(pulled->path), hub::testing::readAll(kData / "gguf" / kGguf));
}

TEST_F(AppCorePullTest, AModelTooLargeIsRefusedFromItsHeaderBeforeTheDownload) {
    const auto size = fs::file_size(kData / "gguf" / kGguf);
    PullOptions tight;
    tight.nCtx = 8192;                  // a KV cache of 8 MiB in 16 bits
    tight.available = std::size_t{4} << 20;  // under that alone
    auto got = events(core->pullModel(request(kRepo), tight));
    const auto* failed = std::get_if<JobFailed>(&got.back().payload);
    ASSERT_NE(failed, nullptr) << "a model that does not fit was downloaded";
    EXPECT_EQ(failed->error.code, ErrorCode::OutOfMemory);
    EXPECT_NE(failed->error.message.find("use a smaller quantization or the remote backend"), std::string::npos)
        << failed->error.message;
    EXPECT_NE(failed->error.message.find("8192 tokens"), std::string::npos) << failed->error.message;
    // Only the header came, as a bounded range, and nothing of the file is in the cache.
    EXPECT_EQ(hub.transfers(kGguf), 1);
    EXPECT_EQ(hub.lastRange(kGguf), "bytes=0-262143");
    EXPECT_LT(hub.bytesServed(kGguf), size / 2);
    const fs::path repo = cacheDir.path() / "hub" / "models--lectern-test--tiny-gguf";
    EXPECT_FALSE(fs::exists(repo / "snapshots"));
    EXPECT_TRUE(!fs::exists(repo / "blobs") || fs::is_empty(repo / "blobs"));
    for (const JobEvent& e : got) {
        if (const auto* p = std::get_if<JobProgress>(&e.payload)) {
            EXPECT_EQ(p->done, 0) << "bytes were fetched";
        }
    }

    // What it needs, read from the header, is the model's own: the engine's figures for the file.
    PullOptions roomy = tight;
    roomy.available = std::size_t{1} << 30;
    hub.resetCounts();
    auto fits = events(core->pullModel(request(kRepo), roomy));
    ASSERT_NE(finishedValue<ModelPulled>(fits.back()), nullptr);
    EXPECT_EQ(hub.bytesServed(kGguf), size + std::min<std::uint64_t>(size, 262144));  // the header, then the file

    // With the check off, a model too large is downloaded (for a smaller context, or another computer).
    fs::remove_all(repo);
    tight.checkMemory = false;
    auto anyway = events(core->pullModel(request(kRepo), tight));
    ASSERT_NE(finishedValue<ModelPulled>(anyway.back()), nullptr);
}

TEST_F(AppCorePullTest, PlannedFootprintReadsTheHeaderOfAGgufAndTheConfigOfAFolder) {
    auto cache = hub::HubCache::openDefault();
    ASSERT_TRUE(cache.ok()) << cache.error().to_string();
    hub::ModelPuller puller(hub::HubClient(hub::HubConfig::fromEnvironment()), cache.value());
    auto ggufPlan = puller.plan(request(kRepo));
    ASSERT_TRUE(ggufPlan.ok()) << ggufPlan.error().to_string();
    auto remote = AppCore::plannedFootprint(puller, ggufPlan.value(), 4096, KvType::F16, std::size_t{1} << 30);
    auto local = AppCore::footprint((kData / "gguf" / kGguf).string(), 4096, KvType::F16, std::size_t{1} << 30);
    ASSERT_TRUE(remote.ok()) << remote.error().to_string();
    ASSERT_TRUE(local.ok()) << local.error().to_string();
    EXPECT_EQ(remote->kvBytes, local->kvBytes);
    EXPECT_EQ(remote->nCtxTrain, local->nCtxTrain);
    // The header lists rope_freqs (head_dim / 2 = 32 f32 values), which the loaded weights leave out.
    EXPECT_EQ(remote->weightsBytes, local->weightsBytes + 32 * 4);
    EXPECT_TRUE(remote->fits);

    PullRequest folder;
    folder.repo = kFolder;
    auto folderPlan = puller.plan(folder);
    ASSERT_TRUE(folderPlan.ok()) << folderPlan.error().to_string();
    hub.resetCounts();
    auto config = AppCore::plannedFootprint(puller, folderPlan.value(), 4096, KvType::F16, std::size_t{1} << 30);
    ASSERT_TRUE(config.ok()) << config.error().to_string();
    auto whole = AppCore::footprint((kData / "models" / "llama31-tiny").string(), 4096, KvType::F16, std::size_t{1} << 30);
    ASSERT_TRUE(whole.ok()) << whole.error().to_string();
    EXPECT_EQ(config->kvBytes, whole->kvBytes);
    // The shards' sizes against the loaded weights: the shards add their JSON headers (a few
    // KiB), the loader widens the bf16 norms to f32 (2 bytes more for each of 1,280 values).
    const auto diff = static_cast<long long>(config->weightsBytes) - static_cast<long long>(whole->weightsBytes);
    EXPECT_LT(std::llabs(diff), 64 << 10) << config->weightsBytes << " vs " << whole->weightsBytes;
    EXPECT_EQ(hub.transfers("config.json"), 1);
    for (const hub::PlannedFile& f : folderPlan->files) {
        if (f.remote.name.ends_with(".safetensors")) {
            EXPECT_EQ(hub.transfers(f.remote.name), 0) << f.remote.name;
        }
    }
}

TEST_F(AppCorePullTest, CuratedEstimatesAddTheKvCacheToTheFile) {
    const auto& models = AppCore::curatedModels();
    ASSERT_GE(models.size(), 3u);
    for (const CuratedModel& m : models) {
        EXPECT_NE(m.repo.find('/'), std::string::npos) << m.repo;
        EXPECT_TRUE(m.file.ends_with(".gguf")) << m.file;
    }
    const CuratedModel& m = models.front();  // an 8B: 32 layers, 8 KV heads of 128
    const auto f16 = AppCore::curatedFootprint(m, 8192, KvType::F16, std::size_t{64} << 30);
    EXPECT_EQ(f16.weightsBytes, m.sizeBytes);
    EXPECT_EQ(f16.kvBytes, std::size_t{2} * 32 * 8 * 128 * 8192 * 2);  // 1 GiB
    EXPECT_TRUE(f16.fits);
    const auto f32 = AppCore::curatedFootprint(m, 8192, KvType::F32, std::size_t{64} << 30);
    EXPECT_EQ(f32.kvBytes, 2 * f16.kvBytes);
    const auto tight = AppCore::curatedFootprint(m, 8192, KvType::F16, m.sizeBytes + f16.kvBytes - 1);
    EXPECT_FALSE(tight.fits);
    EXPECT_FALSE(tight.advice.empty());
}

}  // namespace
}  // namespace lectern::app::e2e
