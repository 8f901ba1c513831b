// `lectern-cli ask` in separate processes: a session started by one process is continued
// by another (`ask --session ID`) that loads the conversation's KV snapshot from the cache
// folder and prefills only the new question's tokens (counted at the backend and printed
// by --json). The same session opened with another model's weights never uses the
// snapshot, nor does a session whose KV cache has another element type (--kv). Also: exit
// code 2 for a bad command line.
#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "shell_command.h"
#include "task_fixture.h"

namespace lectern::app::e2e {
namespace {

using Output = lectern::testing::CommandOutput;

Output runCli(const std::string& env, const std::string& args) {
    return lectern::testing::runShell(env + " " + LECTERN_CLI + " " + args + " 2>/dev/null");
}

nlohmann::json parse(const Output& o) {
    auto j = nlohmann::json::parse(o.out, nullptr, false);
    EXPECT_TRUE(j.is_object()) << o.out;
    return j;
}

// A report of `paragraphs` paragraphs in `dir`, and what every ask of a test shares: the
// environment (the test's own KV cache folder) and the options (its own database).
struct AskSetup {
    std::string doc, env, common;
};

AskSetup askSetup(ingest::testing::TempDir& dir, int paragraphs) {
    std::string text;
    for (int i = 0; i < paragraphs; ++i) text += paragraph(i) + "\n\n";
    return {dir.write("report.txt", text), "LECTERN_CACHE_DIR='" + (dir.path() / "cache").string() + "'",
            " --ctx 1024 --threads 2 -n 4 --json -q --db '" + (dir.path() / "ask.db").string() + "'"};
}

TEST_F(TaskTest, ReopenedSessionPrefillsOnlyTheQuestionFromItsSavedPrefix) {
    const auto [doc, env, common] = askSetup(dir, 5);

    auto first = runCli(env, "ask '" + doc + "' 'How many crates?' --model '" + tinyModel() + "'" + common);
    ASSERT_EQ(first.code, 0) << first.out;
    auto j1 = parse(first);
    EXPECT_EQ(j1["context_source"], "prefill");
    EXPECT_EQ(j1["context_prefilled"], j1["prefix_tokens"]);
    const auto session = j1["session"].get<std::int64_t>();
    const auto prefix = j1["prefix_tokens"].get<std::int64_t>();
    EXPECT_GT(prefix, 300);

    auto second = runCli(env, "ask --session " + std::to_string(session) + " 'Which quarter?'" + common);
    ASSERT_EQ(second.code, 0) << second.out;
    auto j2 = parse(second);
    EXPECT_EQ(j2["context_source"], "snapshot");
    EXPECT_EQ(j2["context_prefilled"], 0);
    EXPECT_EQ(j2["question_prefilled"], j2["question_tokens"]);
    EXPECT_LT(j2["question_tokens"].get<std::int64_t>() * 10, prefix);

    // The same weights stored differently (BF16 instead of F16) are another model.
    auto other = runCli(env, "ask --session " + std::to_string(session) + " 'Who was late?' --model '" +
                                 otherTinyModel() + "'" + common);
    ASSERT_EQ(other.code, 0) << other.out;
    auto j3 = parse(other);
    EXPECT_EQ(j3["context_source"], "prefill");
    EXPECT_GE(j3["context_prefilled"].get<std::int64_t>(), prefix);
}

// --kv f16 halves the cache. A kept prefix is reused only by a session with the same KV type
// and activations: a snapshot saved from a 16-bit cache by the next 16-bit session, never by
// a float32 one, and never with int8 activations (the keys and values differ with either).
TEST_F(TaskTest, KeptPrefixIsReusedOnlyWithTheSameKvTypeAndActivations) {
    const auto [doc, env, common] = askSetup(dir, 4);

    auto first = runCli(env, "ask '" + doc + "' 'How many crates?' --kv f16 --model '" + tinyModel() + "'" + common);
    ASSERT_EQ(first.code, 0) << first.out;
    auto j1 = parse(first);
    EXPECT_EQ(j1["context_source"], "prefill");
    const auto session = std::to_string(j1["session"].get<std::int64_t>());

    auto as_f16 = runCli(env, "ask --session " + session + " 'Which quarter?' --kv f16" + common);
    ASSERT_EQ(as_f16.code, 0) << as_f16.out;
    auto j2 = parse(as_f16);
    EXPECT_EQ(j2["context_source"], "snapshot");
    EXPECT_EQ(j2["context_prefilled"], 0);

    auto as_f32 = runCli(env, "ask --session " + session + " 'Who was late?' --kv f32" + common);
    ASSERT_EQ(as_f32.code, 0) << as_f32.out;
    auto j3 = parse(as_f32);
    EXPECT_EQ(j3["context_source"], "prefill");
    EXPECT_GE(j3["context_prefilled"].get<std::int64_t>(), j1["prefix_tokens"].get<std::int64_t>());

    auto int8 = runCli(env, "ask --session " + session + " 'Where?' --kv f16 --activations int8" + common);
    ASSERT_EQ(int8.code, 0) << int8.out;
    EXPECT_EQ(parse(int8)["context_source"], "prefill");
    auto int8_again = runCli(env, "ask --session " + session + " 'When?' --kv f16 --activations int8" + common);
    ASSERT_EQ(int8_again.code, 0) << int8_again.out;
    EXPECT_EQ(parse(int8_again)["context_source"], "snapshot");
}

TEST_F(TaskTest, BadCommandLineExitsWithUsageCode) {
    EXPECT_EQ(runCli("", "ask --session 1").code, 2);  // no question
    EXPECT_EQ(runCli("", "translate x.txt").code, 2);  // no --to
    EXPECT_EQ(runCli("", "ask x.txt 'Why?' --kv f8").code, 2);  // no such KV type
    EXPECT_EQ(runCli("", "ask x.txt 'Why?' --activations int4").code, 2);
}

}  // namespace
}  // namespace lectern::app::e2e
