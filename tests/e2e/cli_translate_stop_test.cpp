// `lectern-cli translate` stopped by Ctrl-C (SIGINT: exit 130, partial kept) and then
// killed outright (SIGKILL, as in a crash) resumes each time from its SQLite checkpoint;
// the last run finishes with every segment exactly once.
#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "task_fixture.h"

namespace lectern::app::e2e {
namespace {

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Starts lectern-cli with stdout and stderr to files; returns its pid.
pid_t spawn(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(o, 1);
        ::dup2(e, 2);
        std::vector<char*> argv{const_cast<char*>(LECTERN_CLI)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(LECTERN_CLI, argv.data());
        ::_exit(127);
    }
    return pid;
}

// Waits until the command has reported a finished segment after `after` (progress lines
// "translate P% (done/total segments)"), then sends `sig`; returns the exit status.
int stopAfterProgress(pid_t pid, const std::string& err, int sig) {
    for (int i = 0; i < 600; ++i) {
        const std::string e = readAll(err);
        const auto last = e.rfind("translate ");
        if (last != std::string::npos && e.find("(0/", last) == std::string::npos &&
            e.find('\n', last) != std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
}

TEST_F(TaskTest, CliTranslationStoppedOrKilledResumesAndFinishesEverySegmentOnce) {
    std::string text;
    for (int i = 0; i < 400; ++i) text += paragraph(i) + "\n\n";
    const std::string file = dir.write("long.txt", text);
    const std::vector<std::string> args{"translate", file, "--to", "German", "--model", tinyModel(),
                                        "--ctx", "512", "-n", "6", "--threads", "2", "--db",
                                        (dir.path() / "l.db").string()};
    const std::string out = dir.file("out.txt"), err = dir.file("err.txt");

    int status = stopAfterProgress(spawn(args, out, err), err, SIGINT);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130) << readAll(err);
    EXPECT_NE(readAll(err).find("stopped"), std::string::npos);

    status = stopAfterProgress(spawn(args, out, err), err, SIGKILL);
    ASSERT_TRUE(WIFSIGNALED(status));

    auto withJson = args;
    withJson.push_back("--json");
    const pid_t pid = spawn(withJson, out, err);
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0) << readAll(err);
    const auto j = nlohmann::json::parse(readAll(out));
    const auto count = j["segment_count"].get<std::size_t>();
    EXPECT_EQ(count, 400u);
    EXPECT_GT(j["resumed_from"].get<std::size_t>(), 0u);
    EXPECT_EQ(j["resumed_from"].get<std::size_t>() + j["translated_now"].get<std::size_t>(), count);
    ASSERT_EQ(j["segments"].size(), count);
    std::string expected;
    for (std::size_t i = 0; i < count; ++i) expected += (i ? "\n\n" : "") + j["segments"][i].get<std::string>();
    EXPECT_EQ(j["text"], expected);
}

}  // namespace
}  // namespace lectern::app::e2e
