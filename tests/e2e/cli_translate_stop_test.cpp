// `lectern-cli translate` stopped by Ctrl-C (SIGINT: exit 130, partial kept) and then
// killed outright (SIGKILL, as in a crash) resumes each time from its SQLite checkpoint;
// the last run finishes with every segment exactly once.
#include <csignal>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_process.h"
#include "task_fixture.h"

namespace lectern::app::e2e {
namespace {

using lectern::testing::fileText;
using lectern::testing::signalAfterASegment;
using lectern::testing::spawnCli;

TEST_F(TaskTest, CliTranslationStoppedOrKilledResumesAndFinishesEverySegmentOnce) {
    std::string text;
    for (int i = 0; i < 400; ++i) text += paragraph(i) + "\n\n";
    const std::string file = dir.write("long.txt", text);
    const std::vector<std::string> args{"translate", file, "--to", "German", "--model", tinyModel(),
                                        "--ctx", "512", "-n", "6", "--threads", "2", "--db",
                                        (dir.path() / "l.db").string()};
    const std::string out = dir.file("out.txt"), err = dir.file("err.txt");

    int status = signalAfterASegment(spawnCli(args, out, err), err, SIGINT);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130) << fileText(err);
    EXPECT_NE(fileText(err).find("stopped"), std::string::npos);

    status = signalAfterASegment(spawnCli(args, out, err), err, SIGKILL);
    ASSERT_TRUE(WIFSIGNALED(status));

    auto withJson = args;
    withJson.push_back("--json");
    const pid_t pid = spawnCli(withJson, out, err);
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0) << fileText(err);
    const auto j = nlohmann::json::parse(fileText(out));
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
