// `lectern-cli models pull` and `models list` in a separate process against the loopback Hub
// (app/hub/testing/fake_hub.h), with HF_ENDPOINT and HF_HUB_CACHE pointing at the test's
// own: the pulled GGUF generates with `lectern-cli generate`, the sizes and the memory
// footprint are printed, a second pull says it downloaded nothing, `models list` shows the
// snapshot, and a gated repository gives the license message (exit 6) until HF_TOKEN is set.
// A model too large for --memory is refused from its header before the download (exit 5)
// unless --force; Ctrl-C mid-transfer exits 130 and keeps the partial file for the next pull.
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "fake_hub.h"
#include "shell_command.h"

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
        const auto r = lectern::testing::runShell(cmd);
        Output o;
        o.code = r.code;
        o.out = r.out;
        o.err = testing::readAll(errFile);
        return o;
    }

    // Starts lectern-cli with `args` (stderr to a file) and returns its pid.
    pid_t start(const std::string& args) const {
        const std::string cmd = "exec env HF_TOKEN= HF_HOME='" + (dir.path() / "hf").string() + "' HF_HUB_CACHE='" +
                                (dir.path() / "hub").string() + "' HF_ENDPOINT=" + hub.endpoint() + " " + LECTERN_CLI +
                                " " + args + " >/dev/null 2>'" + (dir.path() / "stderr.txt").string() + "'";
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        return pid;
    }

    testing::TempFolder dir;
    testing::FakeHub hub;
};

TEST_F(CliModelsTest, AModelTooLargeIsRefusedBeforeTheDownloadUnlessForced) {
    const std::string pull = "models pull lectern-test/tiny-gguf --file " + std::string(kGguf);
    // 4 MiB of memory: less than the KV cache alone at 8192 tokens (8 MiB).
    auto refused = run(pull + " --memory 0.00390625");
    EXPECT_EQ(refused.code, 5) << refused.err;
    EXPECT_NE(refused.err.find("does not fit in this computer's memory at 8192 tokens"), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("use a smaller quantization or the remote backend (--force downloads it anyway)"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("4.00 MiB free now: it does not fit"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.out, "");
    EXPECT_EQ(hub.transfers(kGguf), 1);  // the header alone
    EXPECT_EQ(hub.lastRange(kGguf), "bytes=0-262143");
    EXPECT_FALSE(fs::exists(dir.path() / "hub" / "models--lectern-test--tiny-gguf" / "snapshots"));

    auto forced = run(pull + " --memory 0.00390625 --force");
    ASSERT_EQ(forced.code, 0) << forced.err;
    EXPECT_NE(forced.err.find("it does not fit"), std::string::npos) << forced.err;
    EXPECT_TRUE(fs::exists(forced.out.substr(0, forced.out.size() - 1))) << forced.out;
}

TEST_F(CliModelsTest, CtrlCExits130AndTheNextPullContinues) {
    hub.setChunkDelay(std::chrono::milliseconds(20));  // a few seconds for the whole file
    const std::string sha = hub.file("lectern-test/tiny-gguf", kGguf).sha256;
    const fs::path partial = dir.path() / "hub" / "models--lectern-test--tiny-gguf" / "blobs" / (sha + ".incomplete");
    const pid_t pid = start("models pull lectern-test/tiny-gguf --file " + std::string(kGguf));
    ASSERT_GT(pid, 0);
    std::error_code ec;
    for (int i = 0; i < 6000 && !(fs::exists(partial, ec) && fs::file_size(partial, ec) > 0); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(fs::exists(partial)) << testing::readAll(dir.path() / "stderr.txt");
    ASSERT_EQ(::kill(pid, SIGINT), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    EXPECT_EQ(WEXITSTATUS(status), 130) << testing::readAll(dir.path() / "stderr.txt");
    EXPECT_NE(testing::readAll(dir.path() / "stderr.txt").find("pull again to continue it"), std::string::npos)
        << testing::readAll(dir.path() / "stderr.txt");
    ASSERT_TRUE(fs::exists(partial));
    const auto kept = fs::file_size(partial);
    const auto size = fs::file_size(kData / "gguf" / kGguf);
    EXPECT_GT(kept, 0u);
    EXPECT_LT(kept, size);

    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the cut transfer's last piece
    hub.setChunkDelay(std::chrono::milliseconds(0));
    hub.resetCounts();
    auto again = run("models pull lectern-test/tiny-gguf --file " + std::string(kGguf));
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(hub.lastRange(kGguf), "bytes=" + std::to_string(kept) + "-");
    // The header came from the partial file (the tiny model's is a few KiB); the rest from
    // where it stopped.
    EXPECT_EQ(hub.transfers(kGguf), 1);
    EXPECT_EQ(hub.bytesServed(kGguf), size - kept);
    EXPECT_EQ(testing::readAll(again.out.substr(0, again.out.size() - 1)), testing::readAll(kData / "gguf" / kGguf));
}

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
