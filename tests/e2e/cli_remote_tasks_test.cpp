// The task commands with --remote against `lectern-cli serve` over the same tiny fixture:
// the prompt is rendered and counted here and sent as token ids, so summarize (in one pass
// and by map-reduce), review and translate give exactly what the local engine gives with
// the same seed and the same 16-bit KV cache. What the remote engine cannot do is said plainly: Ask (it needs the
// local KV cache), a missing --tokenizer, a server that is not there.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

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

    // lectern-cli with its own database per call, stderr folded into the output.
    Output run(const std::string& args) {
        const fs::path db = dir / ("db" + std::to_string(++calls));
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

TEST_F(CliRemoteTasksTest, WhatTheRemoteEngineCannotDoIsSaid) {
    lectern::testing::ServeProcess server("--ctx 2048 --quiet");
    ASSERT_TRUE(server.start()) << server.stderrText();
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/v1";
    const std::string model = lectern::testing::serveModel();
    const std::string report = "'" + (dir / "report.txt").string() + "'";
    const Output ask = run("ask " + report + " 'Who met?' --remote " + url + " --tokenizer '" + model + "'");
    EXPECT_EQ(ask.code, 4) << ask.out;
    EXPECT_NE(ask.out.find("Ask runs on the local engine"), std::string::npos) << ask.out;
    const Output noTokenizer = run("summarize " + report + " --remote " + url);
    EXPECT_EQ(noTokenizer.code, 2) << noTokenizer.out;
    EXPECT_NE(noTokenizer.out.find("--tokenizer"), std::string::npos) << noTokenizer.out;
    const Output nobody = run("summarize " + report + " --remote http://127.0.0.1:1/v1 --tokenizer '" + model + "'");
    EXPECT_NE(nobody.code, 0);
    EXPECT_NE(nobody.out.find("connection refused"), std::string::npos) << nobody.out;
    const Output tooBig = run("summarize " + report + " --remote " + url + " --tokenizer '" + model + "' --ctx 4096");
    EXPECT_EQ(tooBig.code, 2) << tooBig.out;
    EXPECT_NE(tooBig.out.find("server's context is 2048 tokens"), std::string::npos) << tooBig.out;
}

}  // namespace
}  // namespace lectern::e2e
