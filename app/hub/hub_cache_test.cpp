// Tests of the Hub cache layout on disk: where the cache is (the huggingface_hub variables
// in their order), relative snapshot links at any depth, refs, repository names that could
// leave the cache, and what list() reports, broken links included; and where the token
// comes from.
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "fake_hub.h"
#include "hub_cache.h"
#include "hub_client.h"

namespace lectern::hub {
namespace {

namespace fs = std::filesystem;
using testing::TempFolder;

class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old) ::setenv(m_name, m_old->c_str(), 1);
        else ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

TEST(HubCacheRoot, FollowsHuggingfaceHubVariablesInOrder) {
    ScopedEnv cache("HF_HUB_CACHE", "/c/hub-cache");
    ScopedEnv home("HF_HOME", "/h/hf-home");
    ScopedEnv xdg("XDG_CACHE_HOME", "/x/cache");
    ScopedEnv user("HOME", "/home/u");
    EXPECT_EQ(defaultCacheRoot().value(), fs::path("/c/hub-cache"));
    ::unsetenv("HF_HUB_CACHE");
    EXPECT_EQ(defaultCacheRoot().value(), fs::path("/h/hf-home/hub"));
    ::unsetenv("HF_HOME");
    EXPECT_EQ(defaultCacheRoot().value(), fs::path("/x/cache/huggingface/hub"));
    ::unsetenv("XDG_CACHE_HOME");
    EXPECT_EQ(defaultCacheRoot().value(), fs::path("/home/u/.cache/huggingface/hub"));
}

TEST(HubCacheLayout, NamesFoldersAsHuggingfaceHubDoes) {
    HubCache cache("/r");
    EXPECT_EQ(cache.repoFolder("meta-llama/Llama-3.1-8B"), fs::path("/r/models--meta-llama--Llama-3.1-8B"));
    EXPECT_EQ(cache.blobPath("a/b", "e1"), fs::path("/r/models--a--b/blobs/e1"));
    EXPECT_EQ(cache.incompletePath("a/b", "e1"), fs::path("/r/models--a--b/blobs/e1.incomplete"));
    EXPECT_EQ(cache.snapshotFile("a/b", "c0", "sub/x.json"), fs::path("/r/models--a--b/snapshots/c0/sub/x.json"));
}

TEST(HubCacheLayout, RefusesRepositoryNamesThatLeaveTheCache) {
    for (const char* bad : {"", "name", "a/b/c", "../x", "a/..", "a--b/c", "/a", "a/", "a/b c"})
        EXPECT_FALSE(validateRepoId(bad).ok()) << bad;
    EXPECT_TRUE(validateRepoId("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF").ok());
}

TEST(HubCacheLayout, SnapshotLinksAreRelativeAtEveryDepth) {
    TempFolder dir;
    HubCache cache(dir.path());
    ASSERT_TRUE(cache.prepare("a/b").ok());
    std::ofstream(cache.blobPath("a/b", "e1")) << "hello";
    ASSERT_TRUE(cache.linkSnapshotFile("a/b", "c0", "top.json", "e1").ok());
    ASSERT_TRUE(cache.linkSnapshotFile("a/b", "c0", "one/two/deep.json", "e1").ok());
    EXPECT_EQ(fs::read_symlink(cache.snapshotFile("a/b", "c0", "top.json")), fs::path("../../blobs/e1"));
    EXPECT_EQ(fs::read_symlink(cache.snapshotFile("a/b", "c0", "one/two/deep.json")),
              fs::path("../../../../blobs/e1"));
    EXPECT_EQ(testing::readAll(cache.snapshotFile("a/b", "c0", "one/two/deep.json")), "hello");
    // Linking again replaces the link.
    EXPECT_TRUE(cache.linkSnapshotFile("a/b", "c0", "top.json", "e1").ok());
}

TEST(HubCacheLayout, RefsHoldTheCommitWithoutNewline) {
    TempFolder dir;
    HubCache cache(dir.path());
    ASSERT_TRUE(cache.writeRef("a/b", "main", "c0ffee").ok());
    ASSERT_TRUE(cache.writeRef("a/b", "refs/pr/1", "beef").ok());
    EXPECT_EQ(testing::readAll(cache.repoFolder("a/b") / "refs" / "main"), "c0ffee");
    EXPECT_EQ(cache.readRef("a/b", "refs/pr/1").value(), "beef");
    EXPECT_EQ(cache.readRef("a/b", "v2").error().code, ErrorCode::NotFound);
    // A revision that would leave refs/ is refused.
    for (const char* bad : {"../../../x", "/etc/passwd", "refs/../../x", ""}) {
        EXPECT_EQ(cache.writeRef("a/b", bad, "c0ffee").error().code, ErrorCode::InvalidArgument) << bad;
        EXPECT_EQ(cache.readRef("a/b", bad).error().code, ErrorCode::InvalidArgument) << bad;
    }
}

TEST(HubCacheList, ReportsSnapshotsRefsFilesAndBrokenLinks) {
    TempFolder dir;
    HubCache cache(dir.path());
    ASSERT_TRUE(cache.prepare("org/model").ok());
    std::ofstream(cache.blobPath("org/model", "e1")) << "12345";
    ASSERT_TRUE(cache.linkSnapshotFile("org/model", "c1", "w.gguf", "e1").ok());
    ASSERT_TRUE(cache.linkSnapshotFile("org/model", "c1", "gone.json", "missing").ok());
    ASSERT_TRUE(cache.writeRef("org/model", "main", "c1").ok());
    auto list = cache.list();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    const CachedSnapshot& s = list->front();
    EXPECT_EQ(s.repo, "org/model");
    EXPECT_EQ(s.commit, "c1");
    EXPECT_EQ(s.refs, std::vector<std::string>{"main"});
    EXPECT_EQ(s.bytes, 5u);
    ASSERT_EQ(s.files.size(), 2u);
    EXPECT_EQ(s.files[0].name, "gone.json");
    EXPECT_FALSE(s.files[0].present);
    EXPECT_EQ(s.files[1].name, "w.gguf");
    EXPECT_TRUE(s.files[1].present);
    EXPECT_EQ(s.files[1].size, 5u);
    EXPECT_EQ(s.path, cache.snapshotFolder("org/model", "c1"));
    EXPECT_TRUE(HubCache(dir.path() / "none").list()->empty());
}

TEST(HubConfig, TokenFromEnvironmentElseHuggingfaceCliFile) {
    TempFolder dir;
    ScopedEnv endpoint("HF_ENDPOINT", "http://127.0.0.1:9/");
    ScopedEnv token("HF_TOKEN", nullptr);
    ScopedEnv tokenPath("HF_TOKEN_PATH", nullptr);
    ScopedEnv home("HF_HOME", dir.path().c_str());
    std::ofstream(dir.path() / "token") << "hf_fromfile\n";
    HubConfig config = HubConfig::fromEnvironment();
    EXPECT_EQ(config.endpoint, "http://127.0.0.1:9");
    EXPECT_EQ(config.token, "hf_fromfile");
    ::setenv("HF_TOKEN", "hf_fromenv", 1);
    EXPECT_EQ(HubConfig::fromEnvironment().token, "hf_fromenv");
    ::unsetenv("HF_TOKEN");
    ::unsetenv("HF_HOME");
    ::unsetenv("HF_ENDPOINT");
    ScopedEnv user("HOME", (dir.path() / "nobody").c_str());
    ScopedEnv xdg("XDG_CACHE_HOME", nullptr);
    EXPECT_EQ(HubConfig::fromEnvironment().token, "");
    EXPECT_EQ(HubConfig::fromEnvironment().endpoint, "https://huggingface.co");
}

TEST(HubListing, ParsesTheRevisionApiAndRefusesOtherJson) {
    const std::string json = R"({"sha":"abc","siblings":[
        {"rfilename":"config.json","size":12,"blobId":"b1"},
        {"rfilename":"m.safetensors","size":99,"blobId":"b2","lfs":{"sha256":"s2","size":99,"pointerSize":134}}]})";
    auto listing = parseListing("a/b", json);
    ASSERT_TRUE(listing.ok()) << listing.error().to_string();
    EXPECT_EQ(listing->commit, "abc");
    ASSERT_EQ(listing->files.size(), 2u);
    EXPECT_EQ(listing->files[0].etag(), "b1");
    EXPECT_FALSE(listing->files[0].isLfs());
    EXPECT_EQ(listing->files[1].etag(), "s2");
    EXPECT_EQ(listing->files[1].size, 99u);
    EXPECT_EQ(parseListing("a/b", "{\"siblings\":[]}").error().code, ErrorCode::Corrupt);
    EXPECT_EQ(parseListing("a/b", "<html>").error().code, ErrorCode::Corrupt);
}

}  // namespace
}  // namespace lectern::hub
