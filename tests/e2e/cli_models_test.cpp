// `lectern-cli models pull` and `models list` in a separate process against the loopback Hub
// (app/hub/testing/fake_hub.h), with HF_ENDPOINT and HF_HUB_CACHE pointing at the test's
// own: the pulled GGUF generates with `lectern-cli generate`, the sizes and the memory
// footprint are printed, a second pull says it downloaded nothing, `models list` shows the
// snapshot, and a gated repository gives the license message (exit 6) until HF_TOKEN is set.
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include <gtest/gtest.h>
#include <sys/wait.h>

#include "fake_hub.h"

namespace lectern::hub::e2e {
namespace {

namespace fs = std::filesystem;

const fs::path kData = LECTERN_TEST_DATA;
const char* const kGguf = "llama31-tiny-Q4_0.gguf";
const std::string kCommit = "0123456789abcdef0123456789abcdef01234567";

struct Output {
    int code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

class CliModelsTest : public ::testing::Test {
protected:
    void SetUp() override {
        testing::FakeRepo repo;
        repo.id = "lectern-test/tiny-gguf";
        repo.commit = kCommit;
        repo.files = {testing::FakeFile::read(kData / "gguf" / kGguf, kGguf, true)};
        hub.addRepo(repo);
        repo.id = "lectern-test/tiny-gated";
        repo.gated = true;
        hub.addRepo(repo);
        hub.setToken("hf_right");
    }

    Output run(const std::string& args, const std::string& env = {}) const {
        const fs::path errFile = dir.path() / "stderr.txt";
        const std::string cmd = "HF_TOKEN= HF_HOME='" + (dir.path() / "hf").string() + "' HF_HUB_CACHE='" +
                                (dir.path() / "hub").string() + "' HF_ENDPOINT=" + hub.endpoint() + " " + env + " " +
                                LECTERN_CLI + " " + args + " 2>'" + errFile.string() + "'";
        Output o;
        FILE* p = ::popen(cmd.c_str(), "r");
        if (!p) return o;
        char buf[4096];
        for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) o.out.append(buf, n);
        const int status = ::pclose(p);
        o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        o.err = testing::readAll(errFile);
        return o;
    }

    testing::TempFolder dir;
    testing::FakeHub hub;
};

TEST_F(CliModelsTest, PulledGgufGeneratesAndASecondPullDownloadsNothing) {
    const std::string size = "1.00 MiB";  // 1051904 bytes
    auto first = run("models pull lectern-test/tiny-gguf --file " + std::string(kGguf));
    ASSERT_EQ(first.code, 0) << first.err;
    const fs::path model = dir.path() / "hub" / "models--lectern-test--tiny-gguf" / "snapshots" / kCommit / kGguf;
    EXPECT_EQ(first.out, model.string() + "\n");
    EXPECT_NE(first.err.find("1 file, " + size), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("downloaded 1 file (" + size + ")"), std::string::npos) << first.err;
    EXPECT_TRUE(std::regex_search(first.err, std::regex("memory at 8192 tokens: weights [0-9.]+ [KM]iB \\+ KV cache "
                                                        "[0-9.]+ MiB \\(16-bit\\)")))
        << first.err;
    EXPECT_TRUE(fs::is_symlink(model));

    auto generated = run("generate --model '" + model.string() + "' --prompt-ids 1,2,3 -n 2 --greedy --threads 1");
    ASSERT_EQ(generated.code, 0) << generated.err;
    EXPECT_TRUE(std::regex_match(generated.out, std::regex("[0-9]+ [0-9]+\n"))) << generated.out;

    hub.resetCounts();
    auto second = run("models pull lectern-test/tiny-gguf --file " + std::string(kGguf));
    ASSERT_EQ(second.code, 0) << second.err;
    EXPECT_NE(second.err.find("the file is already in the cache: nothing to download"), std::string::npos)
        << second.err;
    EXPECT_EQ(second.err.find("downloaded"), std::string::npos) << second.err;
    EXPECT_EQ(hub.bytesServed(kGguf), 0u);

    auto list = run("models list");
    ASSERT_EQ(list.code, 0) << list.err;
    EXPECT_NE(list.out.find("lectern-test/tiny-gguf  main  " + kCommit + "  1 file  " + size + "  " +
                            model.parent_path().string() + "\n"),
              std::string::npos)
        << list.out;
    EXPECT_NE(list.out.find(kGguf), std::string::npos) << list.out;
}

TEST_F(CliModelsTest, GatedRepositoryNeedsHfToken) {
    auto anonymous = run("models pull lectern-test/tiny-gated");
    EXPECT_EQ(anonymous.code, 6) << anonymous.err;
    EXPECT_NE(anonymous.err.find("the repository is gated: accept its license at " + hub.endpoint() +
                                 "/lectern-test/tiny-gated and set HF_TOKEN (or log in with huggingface-cli)"),
              std::string::npos)
        << anonymous.err;
    auto withToken = run("models pull lectern-test/tiny-gated", "HF_TOKEN=hf_right");
    ASSERT_EQ(withToken.code, 0) << withToken.err;
    EXPECT_TRUE(fs::exists(withToken.out.substr(0, withToken.out.size() - 1))) << withToken.out;
}

TEST_F(CliModelsTest, EmptyCacheAndBadRepositoryName) {
    auto list = run("models list");
    EXPECT_EQ(list.code, 0);
    EXPECT_EQ(list.out, "no models in " + (dir.path() / "hub").string() + "\n");
    auto bad = run("models pull not-a-repo");
    EXPECT_EQ(bad.code, 2) << bad.err;
    EXPECT_NE(bad.err.find("a repository is named ORG/NAME"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace lectern::hub::e2e
