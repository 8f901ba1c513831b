// Pulls from a Hub on loopback (testing/fake_hub.h) serving two fixture repositories: a
// GGUF one (tests/data/gguf/llama31-tiny-Q4_0.gguf) and a safetensors one
// (tests/data/models/llama31-tiny). Checked: the exact cache layout, file by file; that the
// pulled model loads; a transfer cut halfway resumes with only the remainder served; wrong
// bytes leave neither blob nor snapshot; a gated repository without (or with a wrong)
// token is refused with the license message, and served with it; a second pull transfers
// nothing; the disk check refuses before the first byte; cancelling keeps the partial blob;
// two pulls of one file at once download it once (the second waits on the blob's lock, as
// huggingface_hub's tools do); an HTTP error's body reaches the message; a disk that fills
// up mid-download (a real tmpfs in a private mount namespace) leaves a resumable
// .incomplete and no blob, and the pull continues once there is room.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake_hub.h"
#include "private_mount.h"
#include "lectern/engine/model_info.h"
#include "model_pull.h"

namespace lectern::hub {
namespace {

namespace fs = std::filesystem;
using testing::FakeFile;
using testing::FakeHub;
using testing::FakeRepo;
using testing::TempFolder;

const fs::path kData = LECTERN_TEST_DATA;
const char* const kGgufRepo = "lectern-test/tiny-gguf";
const char* const kGguf = "llama31-tiny-Q4_0.gguf";
const char* const kStRepo = "lectern-test/tiny-safetensors";
const char* const kGatedRepo = "lectern-test/tiny-gated";
const std::string kCommit = "0123456789abcdef0123456789abcdef01234567";
const std::string kStCommit = "89abcdef0123456789abcdef0123456789abcdef";

class PullTest : public ::testing::Test {
protected:
    void SetUp() override {
        const fs::path st = kData / "models" / "llama31-tiny";
        FakeRepo gguf;
        gguf.id = kGgufRepo;
        gguf.commit = kCommit;
        gguf.files = {FakeFile::read(kData / "gguf" / kGguf, kGguf, true),
                      FakeFile::read(st / "config.json", "README.md", false)};
        hub.addRepo(gguf);
        FakeRepo safetensors;
        safetensors.id = kStRepo;
        safetensors.commit = kStCommit;
        for (const char* name : {"config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors.index.json",
                                 "golden.json"})
            safetensors.files.push_back(FakeFile::read(st / name, name, false));
        for (const char* name : {"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"})
            safetensors.files.push_back(FakeFile::read(st / name, name, true));
        hub.addRepo(safetensors);
        FakeRepo gated = gguf;
        gated.id = kGatedRepo;
        gated.gated = true;
        hub.addRepo(gated);
        hub.setToken("hf_right");
    }

    ModelPuller puller(const std::string& token = {}) const {
        HubConfig config;
        config.endpoint = hub.endpoint();
        config.token = token;
        return ModelPuller(HubClient(config), HubCache(dir.path()));
    }

    static PullRequest gguf(const char* repo = kGgufRepo) {
        PullRequest r;
        r.repo = repo;
        r.files = {kGguf};
        return r;
    }

    fs::path repoFolder(const std::string& repo) const { return HubCache(dir.path()).repoFolder(repo); }

    static std::size_t entries(const fs::path& folder) {
        std::error_code ec;
        std::size_t n = 0;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) ++n;
        return n;
    }

    TempFolder dir;
    FakeHub hub;
};

TEST_F(PullTest, GgufLandsInTheHubCacheLayoutAndLoads) {
    auto pulled = puller().pull(gguf(), {});
    ASSERT_TRUE(pulled.ok()) << pulled.error().to_string();
    const std::string sha = hub.file(kGgufRepo, kGguf).sha256;
    const fs::path repo = dir.path() / "models--lectern-test--tiny-gguf";
    EXPECT_EQ(testing::readAll(repo / "refs" / "main"), kCommit);
    const fs::path link = repo / "snapshots" / kCommit / kGguf;
    ASSERT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(fs::read_symlink(link), fs::path("../../blobs") / sha);
    EXPECT_EQ(testing::readAll(repo / "blobs" / sha), testing::readAll(kData / "gguf" / kGguf));
    EXPECT_EQ(entries(repo / "blobs"), 1u);              // no .incomplete, no README
    EXPECT_EQ(entries(repo / "snapshots" / kCommit), 1u);
    EXPECT_TRUE(pulled->gguf);
    EXPECT_EQ(pulled->model, link);
    EXPECT_EQ(pulled->downloadedBytes, fs::file_size(kData / "gguf" / kGguf));
    auto info = inspect_model(pulled->model.string());
    ASSERT_TRUE(info.ok()) << info.error().to_string();
    EXPECT_EQ(info->config.n_layer, 2);
}

TEST_F(PullTest, SafetensorsRepositoryTakesTheModelFilesWithTheirBlobNames) {
    auto pulled = puller().pull({kStRepo, {}, "main"}, {});
    ASSERT_TRUE(pulled.ok()) << pulled.error().to_string();
    const fs::path repo = dir.path() / "models--lectern-test--tiny-safetensors";
    const fs::path snapshot = repo / "snapshots" / kStCommit;
    const char* const wanted[] = {"config.json", "tokenizer.json", "tokenizer_config.json",
                                  "model.safetensors.index.json", "model-00001-of-00002.safetensors",
                                  "model-00002-of-00002.safetensors"};
    for (const char* name : wanted) {
        const FakeFile& f = hub.file(kStRepo, name);
        const std::string etag = f.lfs ? f.sha256 : f.blobId;  // git blob id for files kept in git
        EXPECT_EQ(fs::read_symlink(snapshot / name), fs::path("../../blobs") / etag) << name;
        EXPECT_EQ(testing::readAll(repo / "blobs" / etag), f.bytes) << name;
    }
    EXPECT_EQ(entries(snapshot), 6u);  // golden.json is not a model file
    EXPECT_EQ(entries(repo / "blobs"), 6u);
    EXPECT_FALSE(pulled->gguf);
    EXPECT_EQ(pulled->model, snapshot);
    auto info = inspect_model(snapshot.string());
    ASSERT_TRUE(info.ok()) << info.error().to_string();
    EXPECT_EQ(info->format, "safetensors");
}

TEST_F(PullTest, AListingWithoutBlobIdsNamesBlobsByTheEtagOfAHeadRequest) {
    FakeRepo bare;
    bare.id = "lectern-test/no-blob-ids";
    bare.commit = kStCommit;
    bare.listBlobIds = false;
    for (const char* name : {"config.json", "tokenizer.json"})
        bare.files.push_back(FakeFile::read(kData / "models" / "llama31-tiny" / name, name, false));
    bare.files.push_back(FakeFile::read(kData / "models" / "llama31-tiny" / "model-00001-of-00002.safetensors",
                                        "model.safetensors", true));
    hub.addRepo(bare);
    auto pulled = puller().pull({bare.id, {}, "main"}, {});
    ASSERT_TRUE(pulled.ok()) << pulled.error().to_string();
    const fs::path repo = repoFolder(bare.id);
    for (const char* name : {"config.json", "tokenizer.json"}) {
        const FakeFile& f = hub.file(bare.id, name);
        EXPECT_EQ(fs::read_symlink(repo / "snapshots" / kStCommit / name), fs::path("../../blobs") / f.blobId) << name;
        EXPECT_EQ(testing::readAll(repo / "blobs" / f.blobId), f.bytes) << name;
        EXPECT_EQ(hub.transfers(name), 2) << name;  // the HEAD for its etag, then its bytes
    }
    const FakeFile& weights = hub.file(bare.id, "model.safetensors");
    EXPECT_EQ(testing::readAll(repo / "blobs" / weights.sha256), weights.bytes);  // LFS: the listed sha256
}

TEST_F(PullTest, CutTransferResumesFromTheCutWithOnlyTheRemainderServed) {
    const std::uint64_t size = fs::file_size(kData / "gguf" / kGguf);
    const std::uint64_t half = size / 2;
    hub.cutNextTransferAfter(kGguf, half);
    auto first = puller().pull(gguf(), {});
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().code, ErrorCode::Io) << first.error().to_string();
    const std::string sha = hub.file(kGgufRepo, kGguf).sha256;
    const fs::path partial = repoFolder(kGgufRepo) / "blobs" / (sha + ".incomplete");
    ASSERT_TRUE(fs::exists(partial));
    EXPECT_EQ(fs::file_size(partial), half);
    EXPECT_FALSE(fs::exists(repoFolder(kGgufRepo) / "blobs" / sha));
    EXPECT_EQ(entries(repoFolder(kGgufRepo) / "snapshots"), 0u);

    hub.resetCounts();
    auto plan = puller().plan(gguf());
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->files.front().partial, half);
    EXPECT_EQ(plan->missingBytes, size - half);
    auto second = puller().pull(gguf(), {});
    ASSERT_TRUE(second.ok()) << second.error().to_string();
    EXPECT_EQ(hub.transfers(kGguf), 1);
    EXPECT_EQ(hub.bytesServed(kGguf), size - half);
    EXPECT_EQ(hub.lastRange(kGguf), "bytes=" + std::to_string(half) + "-");
    EXPECT_EQ(second->downloadedBytes, size - half);
    EXPECT_EQ(testing::readAll(second->model), testing::readAll(kData / "gguf" / kGguf));
    EXPECT_FALSE(fs::exists(partial));
}

TEST_F(PullTest, WrongBytesAreRefusedLeavingNoBlobAndNoSnapshot) {
    hub.serveWrongBytes(kGguf, true);
    auto pulled = puller().pull(gguf(), {});
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, ErrorCode::Corrupt);
    EXPECT_NE(pulled.error().message.find("checksum"), std::string::npos) << pulled.error().to_string();
    EXPECT_EQ(entries(repoFolder(kGgufRepo) / "blobs"), 0u);
    EXPECT_EQ(entries(repoFolder(kGgufRepo) / "snapshots"), 0u);
    EXPECT_FALSE(fs::exists(repoFolder(kGgufRepo) / "refs" / "main"));

    hub.serveWrongBytes(kGguf, false);
    EXPECT_TRUE(puller().pull(gguf(), {}).ok());
}

TEST_F(PullTest, AServerSendingMoreThanTheListedSizeIsStoppedThere) {
    hub.serveExtraBytes(kGguf, 64u << 20);  // 64 MiB past the file: an endless stream, in effect
    auto pulled = puller().pull(gguf(), {});
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, ErrorCode::Corrupt);
    EXPECT_NE(pulled.error().message.find("more than the"), std::string::npos) << pulled.error().to_string();
    // Stopped at the listed size, not after the 64 MiB: a little over it at most (one piece).
    const auto listed = fs::file_size(kData / "gguf" / kGguf);
    EXPECT_LT(hub.bytesServed(kGguf), listed + (4u << 20));
    EXPECT_EQ(entries(repoFolder(kGgufRepo) / "blobs"), 0u);
    EXPECT_EQ(entries(repoFolder(kGgufRepo) / "snapshots"), 0u);
}

TEST_F(PullTest, GatedRepositoryNeedsTheToken) {
    auto anonymous = puller().pull(gguf(kGatedRepo), {});
    ASSERT_FALSE(anonymous.ok());
    EXPECT_EQ(anonymous.error().code, ErrorCode::NeedsPassword);
    EXPECT_EQ(anonymous.error().message, "the repository is gated: accept its license at " + hub.endpoint() +
                                             "/" + kGatedRepo + " and set HF_TOKEN (or log in with huggingface-cli)");
    auto wrong = puller("hf_wrong").pull(gguf(kGatedRepo), {});
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::NeedsPassword);
    EXPECT_NE(wrong.error().message.find("the token given was refused"), std::string::npos);
    EXPECT_EQ(hub.bytesServed(kGguf), 0u);

    auto right = puller("hf_right").pull(gguf(kGatedRepo), {});
    ASSERT_TRUE(right.ok()) << right.error().to_string();
    EXPECT_EQ(testing::readAll(right->model), testing::readAll(kData / "gguf" / kGguf));
}

TEST_F(PullTest, SecondPullOfTheSameRevisionTransfersNothing) {
    ASSERT_TRUE(puller().pull({kStRepo, {}, "main"}, {}).ok());
    hub.resetCounts();
    auto again = puller().pull({kStRepo, {}, "main"}, {});
    ASSERT_TRUE(again.ok()) << again.error().to_string();
    EXPECT_EQ(again->downloadedFiles, 0u);
    EXPECT_EQ(again->downloadedBytes, 0u);
    EXPECT_GT(again->cachedBytes, 3000000u);
    for (const char* name : {"config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"})
        EXPECT_EQ(hub.transfers(name), 0) << name;
    auto plan = puller().plan({kStRepo, {}, kStCommit});  // by commit: the same blobs
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->missingBytes, 0u);
}

TEST_F(PullTest, TooLittleDiskIsRefusedBeforeTheFirstByte) {
    ModelPuller p = puller();
    p.setFreeSpaceProbe([](const fs::path&) -> std::uint64_t { return 1000; });
    auto pulled = p.pull(gguf(), {});
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, ErrorCode::DiskFull);
    EXPECT_EQ(hub.transfers(kGguf), 0);
    EXPECT_FALSE(fs::exists(repoFolder(kGgufRepo) / "blobs"));
}

// The scenario of DiskFillsUpMidDownload, in a child inside its own mount namespace; "" on
// success, kNoPrivateMount when no tmpfs can be mounted, or what went wrong.
std::string pullOntoASmallDisk(const ModelPuller& p, const PullRequest& request, const fs::path& mnt,
                               const std::string& sha, const std::string& expected) {
    if (mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=512k") != 0) return lectern::testing::kNoPrivateMount;
    auto full = p.pull(request, {});
    if (full.ok()) return "a 1 MiB file fitted on a 512 KiB disk";
    if (full.error().code != ErrorCode::DiskFull) return "expected DiskFull, got " + full.error().to_string();
    const fs::path blobs = HubCache(mnt).repoFolder(request.repo) / "blobs";
    std::error_code ec;
    const auto kept = fs::file_size(blobs / (sha + ".incomplete"), ec);
    if (ec || kept == 0) return "no partial file was kept";
    if (fs::exists(blobs / sha)) return "a blob was made of a partial download";
    if (fs::exists(HubCache(mnt).snapshotFolder(request.repo, kCommit))) return "a snapshot was linked";
    if (mount("tmpfs", mnt.c_str(), "tmpfs", MS_REMOUNT, "size=4m") != 0) return "cannot enlarge the tmpfs";
    auto resumed = p.pull(request, {});
    if (!resumed.ok()) return "the pull after freeing space failed: " + resumed.error().to_string();
    if (resumed->downloadedBytes != expected.size() - kept) return "the resumed pull did not continue from the cut";
    if (testing::readAll(resumed->model) != expected) return "the resumed file differs";
    return {};
}

TEST_F(PullTest, DiskFillsUpMidDownloadLeavingAResumablePartialFile) {
    const fs::path mnt = dir.path() / "mnt";
    fs::create_directories(mnt);
    ModelPuller p(HubClient(HubConfig{hub.endpoint(), ""}), HubCache(mnt));
    // The disk had room when the pull began; something else filled it since.
    p.setFreeSpaceProbe([](const fs::path&) -> std::uint64_t { return std::uint64_t{1} << 40; });
    const std::string expected = testing::readAll(kData / "gguf" / kGguf);
    const std::string sha = hub.file(kGgufRepo, kGguf).sha256;
    const std::string outcome = lectern::testing::inPrivateMountNamespace(
        [&] { return pullOntoASmallDisk(p, gguf(), mnt, sha, expected); });
    if (outcome == lectern::testing::kNoPrivateMount) GTEST_SKIP() << outcome;
    EXPECT_EQ(outcome, "");
}

TEST_F(PullTest, CancelKeepsThePartialBlobForTheNextPull) {
    std::atomic<bool> cancel{false};
    PullListener listener;
    std::uint64_t seen = 0;
    listener.progress = [&](const PullProgress& p) {
        seen = p.done;
        if (p.done > 0) cancel = true;
    };
    auto pulled = puller().pull(gguf(), listener, &cancel);
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, ErrorCode::Cancelled);
    EXPECT_GT(seen, 0u);
    const std::string sha = hub.file(kGgufRepo, kGguf).sha256;
    EXPECT_TRUE(fs::exists(repoFolder(kGgufRepo) / "blobs" / (sha + ".incomplete")));
    EXPECT_EQ(entries(repoFolder(kGgufRepo) / "snapshots"), 0u);
    EXPECT_TRUE(puller().pull(gguf(), {}).ok());
}

TEST_F(PullTest, TwoPullsOfOneFileAtOnceDownloadItOnce) {
    hub.setChunkDelay(std::chrono::milliseconds(5));  // long enough for the two to overlap
    const ModelPuller a = puller(), b = puller();
    std::atomic<int> waits{0};
    PullListener listener;
    listener.waiting = [&](const std::string& file) {
        EXPECT_EQ(file, kGguf);
        ++waits;
    };
    Result<PullResult> first = make_error(ErrorCode::Internal, "not run"), second = first;
    std::thread t1([&] { first = a.pull(gguf(), listener); });
    std::thread t2([&] { second = b.pull(gguf(), listener); });
    t1.join();
    t2.join();
    ASSERT_TRUE(first.ok()) << first.error().to_string();
    ASSERT_TRUE(second.ok()) << second.error().to_string();
    const auto size = fs::file_size(kData / "gguf" / kGguf);
    EXPECT_EQ(hub.transfers(kGguf), 1);
    EXPECT_EQ(hub.bytesServed(kGguf), size);
    EXPECT_EQ(first->downloadedBytes + second->downloadedBytes, size);
    EXPECT_EQ(first->cachedBytes + second->cachedBytes, size);  // the one that waited found it
    EXPECT_EQ(waits.load(), 1);
    EXPECT_EQ(testing::readAll(first->model), testing::readAll(kData / "gguf" / kGguf));
    EXPECT_EQ(first->model, second->model);
    const std::string sha = hub.file(kGgufRepo, kGguf).sha256;
    EXPECT_TRUE(fs::exists(dir.path() / ".locks" / "models--lectern-test--tiny-gguf" / (sha + ".lock")));
}

TEST_F(PullTest, AnHttpErrorKeepsWhatTheServerSaid) {
    hub.failNextTransfer(kGguf, 500, "upstream storage is unavailable (code 42)");
    auto pulled = puller().pull(gguf(), {});
    ASSERT_FALSE(pulled.ok());
    EXPECT_EQ(pulled.error().code, ErrorCode::Io);
    EXPECT_NE(pulled.error().message.find("HTTP 500"), std::string::npos) << pulled.error().to_string();
    EXPECT_NE(pulled.error().message.find("upstream storage is unavailable (code 42)"), std::string::npos)
        << pulled.error().to_string();
}

TEST_F(PullTest, SelectionNamesWhatIsMissingOrAmbiguous) {
    auto missing = puller().plan({kGgufRepo, {"other.gguf"}, "main"});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_NE(missing.error().message.find(kGguf), std::string::npos);  // the GGUF files are listed
    auto one = puller().plan({kGgufRepo, {}, "main"});                 // the only GGUF is taken
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(one->files.size(), 1u);
    EXPECT_EQ(one->files.front().remote.name, kGguf);
    RepoListing two;
    two.repo = "a/b";
    for (const char* name : {"m-Q4_0.gguf", "m-Q8_0.gguf"}) {
        RemoteFile f;
        f.name = name;
        two.files.push_back(f);
    }
    auto ambiguous = selectFiles(two, {});
    ASSERT_FALSE(ambiguous.ok());
    EXPECT_EQ(ambiguous.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(ambiguous.error().message.find("m-Q4_0.gguf, m-Q8_0.gguf"), std::string::npos);
    auto revision = puller().plan({kGgufRepo, {kGguf}, "v9"});
    ASSERT_FALSE(revision.ok());
    EXPECT_EQ(revision.error().code, ErrorCode::NotFound);
    auto repo = puller().plan({"lectern-test/none", {}, "main"});
    ASSERT_FALSE(repo.ok());
    EXPECT_EQ(repo.error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace lectern::hub
