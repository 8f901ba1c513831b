// The task commands with --remote against `lectern-cli serve` over the same tiny fixture:
// the prompt is rendered and counted here and sent as token ids, so summarize (in one pass
// and by map-reduce), review and translate give exactly what the local engine gives with
// the same seed and the same 16-bit KV cache; so do a question and its follow-up, the
// follow-up's documents read from the server's prefix cache. What cannot be done is said
// plainly: a missing --tokenizer or another model's, a server that is not there, a context
// larger than its.
// A translation stopped midway (Ctrl-C) resumes over the server from its checkpoint and
// ends as the local engine's translation does.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_process.h"
#include "serve_process.h"
#include "shell_command.h"

namespace lectern::e2e {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

using Output = lectern::testing::CommandOutput;

class CliRemoteTasksTest : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/lectern-remote-XXXXXX";
        dir = mkdtemp(tmpl);
        std::ofstream(dir / "report.txt") << "The board met on Monday.\n\nRevenue grew by four percent.\n\n"
                                             "The plant in Lyon closed in March.\n";
        {
            std::ofstream longer(dir / "minutes.txt");
            for (int i = 0; i < 30; ++i)
                longer << "Item " << i << ": the committee reviewed the budget line " << i * 7
                       << " and asked the treasurer for a revised figure.\n\n";
        }
        fs::create_directories(dir / "code");
        std::ofstream(dir / "code" / "main.c") << "int main(void) {\n  int x;\n  return x;\n}\n";
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    // lectern-cli with its own database per call (or the one named), stderr folded into the output.
    Output run(const std::string& args, const std::string& database = {}) {
        const fs::path db = dir / (database.empty() ? "db" + std::to_string(++calls) : database);
        const std::string cmd = "env -u OPENAI_API_KEY LECTERN_DATA_DIR='" + db.string() + "' " + LECTERN_CLI + " " + args +
                                " 2>&1";
        return lectern::testing::runShell(cmd);
    }

    static json parsed(const Output& o) {
        const auto start = o.out.find('{');
        return start == std::string::npos ? json() : json::parse(o.out.substr(start), nullptr, false);
    }

    fs::path dir;
    int calls = 0;
};

TEST_F(CliRemoteTasksTest, SummarizeReviewAndTranslateGiveTheLocalEnginesResults) {
    lectern::testing::ServeProcess server("--ctx 2048 --quiet");
    ASSERT_TRUE(server.start()) << server.stderrText();
    const std::string model = lectern::testing::serveModel();
    const std::string local = "--model '" + model + "' --kv f16 --threads 1 --seed 3 --json -q";
    const std::string remote = "--remote http://127.0.0.1:" + std::to_string(server.port()) + "/v1 --tokenizer '" +
                               model + "' --seed 3 --json -q";
    struct Task {
        std::string args;
        const char* field;
    };
    const Task tasks[] = {
        {"summarize '" + (dir / "report.txt").string() + "' --ctx 2048", "summary"},
        {"review '" + (dir / "code").string() + "' --ctx 2048", "output"},
        {"translate '" + (dir / "report.txt").string() + "' --to de --ctx 2048", "text"},
        // A context of 1024 cannot hold the minutes: map-reduce over chunks, each a request.
        {"summarize '" + (dir / "minutes.txt").string() + "' --ctx 1024", "summary"},
    };
    for (const Task& t : tasks) {
        SCOPED_TRACE(t.args);
        const Output here = run(t.args + " " + local);
        const Output there = run(t.args + " " + remote);
        ASSERT_EQ(here.code, 0) << here.out;
        ASSERT_EQ(there.code, 0) << there.out;
        const json a = parsed(here), b = parsed(there);
        ASSERT_TRUE(a.is_object() && a.contains(t.field)) << here.out;
        ASSERT_TRUE(b.is_object() && b.contains(t.field)) << there.out;
        EXPECT_FALSE(a[t.field].dump().empty());
        EXPECT_EQ(a[t.field], b[t.field]);
        if (t.args.find("--ctx 1024") != std::string::npos) {
            EXPECT_TRUE(b.value("map_reduce", false)) << there.out.substr(0, 2000);
            EXPECT_GT(b["chunk_tokens"].size(), 1u);
        }
    }
}

// The local follow-up runs in a new process without snapshots, so it prefills the
// conversation re-encoded from its stored text: exactly the tokens the remote engine sends.
TEST_F(CliRemoteTasksTest, AQuestionAndItsFollowUpGiveTheLocalEnginesAnswers) {
    lectern::testing::ServeProcess server("--ctx 2048 --quiet");
    ASSERT_TRUE(server.start()) << server.stderrText();
    const std::string model = lectern::testing::serveModel();
    const std::string common = " --ctx 2048 -n 24 --seed 3 --json -q";
    const std::string local = "--model '" + model + "' --kv f16 --threads 1 --no-snapshot" + common;
    const std::string remote = "--remote http://127.0.0.1:" + std::to_string(server.port()) + "/v1 --tokenizer '" +
                               model + "'" + common;
    const std::string report = "'" + (dir / "report.txt").string() + "'";
    json answers[2][2];
    const std::string* engines[2] = {&local, &remote};
    for (int e = 0; e < 2; ++e) {
        const std::string db = e == 0 ? "local" : "remote";
        const Output first = run("ask " + report + " 'Who met, and when?' " + *engines[e], db);
        ASSERT_EQ(first.code, 0) << first.out;
        answers[e][0] = parsed(first);
        const auto session = answers[e][0]["session"].get<std::int64_t>();
        const Output again = run("ask --session " + std::to_string(session) + " 'What closed?' " + *engines[e], db);
        ASSERT_EQ(again.code, 0) << again.out;
        answers[e][1] = parsed(again);
    }
    for (int turn = 0; turn < 2; ++turn) {
        SCOPED_TRACE(turn);
        EXPECT_FALSE(answers[0][turn]["answer"].get<std::string>().empty());
        EXPECT_EQ(answers[0][turn]["answer"], answers[1][turn]["answer"]);
        EXPECT_EQ(answers[0][turn]["prefix_tokens"], answers[1][turn]["prefix_tokens"]);
        EXPECT_EQ(answers[1][turn]["context_source"], "server");
    }
    // The follow-up's whole prompt went to the server, which read anew only what came after
    // its cached prefix: at most the history and the question, never the documents.
    const json& followUp = answers[1][1];
    const auto prompt = followUp["prompt_tokens"].get<std::int64_t>();
    const auto prefix = followUp["prefix_tokens"].get<std::int64_t>();
    EXPECT_GT(prefix, 100);
    EXPECT_LE(followUp["question_prefilled"].get<std::int64_t>(), prompt - prefix) << followUp.dump();
    EXPECT_EQ(answers[0][1]["prompt_tokens"], prompt) << "both read the same conversation";

    // The session says which endpoint and model answered.
    const Output sessions = run("sessions list --json", "remote");
    ASSERT_EQ(sessions.code, 0) << sessions.out;
    EXPECT_NE(sessions.out.find("llama31-tiny-Q4_0 at http://127.0.0.1:" + std::to_string(server.port()) + "/v1"),
              std::string::npos)
        << sessions.out;
}

TEST_F(CliRemoteTasksTest, ATranslationStoppedMidwayResumesOverTheServerAsTheLocalOneEnds) {
    lectern::testing::ServeProcess server("--ctx 2048 --quiet");
    ASSERT_TRUE(server.start()) << server.stderrText();
    const std::string model = lectern::testing::serveModel();
    {
        std::ofstream text(dir / "long.txt");
        for (int i = 0; i < 300; ++i) text << "Paragraph " << i << " says the harbour shipped " << 100 + i * 7 << " crates.\n\n";
    }
    const std::string file = (dir / "long.txt").string();
    const std::string db = (dir / "remote.db").string();
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/v1";
    const std::vector<std::string> args{"translate", file, "--to", "German", "--ctx", "512", "-n", "6", "--seed", "3",
                                        "--remote", url, "--tokenizer", model, "--db", db};
    const std::string err = (dir / "err.txt").string();
    const int status = lectern::testing::signalAfterASegment(
        lectern::testing::spawnCli(args, (dir / "out.txt").string(), err), err, SIGINT);
    ASSERT_TRUE(WIFEXITED(status)) << lectern::testing::readAll(dir / "err.txt");
    ASSERT_EQ(WEXITSTATUS(status), 130) << lectern::testing::readAll(dir / "err.txt");

    std::string again;
    for (const auto& a : args) again += "'" + a + "' ";
    const Output resumed = run(again + "--json -q");
    ASSERT_EQ(resumed.code, 0) << resumed.out;
    const json r = parsed(resumed);
    const auto count = r["segment_count"].get<std::size_t>();
    EXPECT_EQ(count, 300u);
    EXPECT_GT(r["resumed_from"].get<std::size_t>(), 0u);
    EXPECT_LT(r["resumed_from"].get<std::size_t>(), count) << "stopped midway, not after the end";
    EXPECT_EQ(r["resumed_from"].get<std::size_t>() + r["translated_now"].get<std::size_t>(), count);

    const Output here = run("translate '" + file + "' --to German --ctx 512 -n 6 --seed 3 --model '" + model +
                            "' --kv f16 --threads 1 --json -q");
    ASSERT_EQ(here.code, 0) << here.out;
    const json l = parsed(here);
    EXPECT_FALSE(l["text"].get<std::string>().empty());
    EXPECT_EQ(l["text"], r["text"]);
}

TEST_F(CliRemoteTasksTest, WhatTheRemoteEngineCannotDoIsSaid) {
    lectern::testing::ServeProcess server("--ctx 2048 --quiet");
    ASSERT_TRUE(server.start()) << server.stderrText();
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/v1";
    const std::string model = lectern::testing::serveModel();
    const std::string report = "'" + (dir / "report.txt").string() + "'";
    const Output noTokenizer = run("summarize " + report + " --remote " + url);
    EXPECT_EQ(noTokenizer.code, 2) << noTokenizer.out;
    EXPECT_NE(noTokenizer.out.find("--tokenizer"), std::string::npos) << noTokenizer.out;
    const Output nobody = run("summarize " + report + " --remote http://127.0.0.1:1/v1 --tokenizer '" + model + "'");
    EXPECT_NE(nobody.code, 0);
    EXPECT_NE(nobody.out.find("connection refused"), std::string::npos) << nobody.out;
    const std::string llama2 = std::string(LECTERN_TEST_DATA) + "/gguf/llama2-tiny-mha-F16.gguf";
    const Output otherTokenizer = run("summarize " + report + " --remote " + url + " --tokenizer '" + llama2 + "'");
    EXPECT_EQ(otherTokenizer.code, 2) << otherTokenizer.out;
    EXPECT_NE(otherTokenizer.out.find("is not the one of the server's model"), std::string::npos) << otherTokenizer.out;
    const Output tooBig = run("summarize " + report + " --remote " + url + " --tokenizer '" + model + "' --ctx 4096");
    EXPECT_EQ(tooBig.code, 2) << tooBig.out;
    EXPECT_NE(tooBig.out.find("server's context is 2048 tokens"), std::string::npos) << tooBig.out;
}

}  // namespace
}  // namespace lectern::e2e
