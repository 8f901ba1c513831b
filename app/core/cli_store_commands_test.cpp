// End-to-end tests of `lectern-cli sessions` and `lectern-cli search` against a database
// filled through the store: output, --json, exit codes.
#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

using testing::TempDir;

struct CliResult {
    int exitCode = -1;
    std::string out;  // stdout only
};

CliResult runCli(const std::string& args) {
    std::string command = std::string(LECTERN_CLI) + " " + args + " 2>/dev/null";
    CliResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        result.out.append(buffer.data(), n);
    int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

class CliStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto store = Store::open(m_dir.file("lectern.db"));
        ASSERT_OK(store);
        m_session = *store->sessions().create("Budget", "m.gguf");
        ASSERT_OK(store->messages().add(makeMessage(m_session, "user", "What about the ferry?")));
        auto stream = store->messages().beginStream(m_session, "assistant");
        ASSERT_OK(stream);
        ASSERT_OK(stream->append("The ferry costs more"));
        ASSERT_OK(stream->finish(MessageStatus::Stopped));
        ASSERT_OK(
            store->documents().add(DocumentRecord{0, "/b.pdf", "b", "pdf", "Budget 2026", "{}", 0, 0},
                                   {UnitRecord{0, 0, 0, "4", "Ferry subsidies rise.", {}}}));
        m_db = "--db " + m_dir.file("lectern.db").string();
    }

    TempDir m_dir;
    std::int64_t m_session = 0;
    std::string m_db;
};

TEST_F(CliStoreTest, ListShowExportDelete) {
    CliResult list = runCli("sessions list --json " + m_db);
    ASSERT_EQ(list.exitCode, 0);
    auto sessions = nlohmann::json::parse(list.out);
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0]["title"], "Budget");
    EXPECT_EQ(sessions[0]["messages"], 2);

    CliResult show = runCli("sessions " + m_db + " show " + std::to_string(m_session) + " --json");
    ASSERT_EQ(show.exitCode, 0);
    auto transcript = nlohmann::json::parse(show.out);
    EXPECT_EQ(transcript["messages"][1]["text"], "The ferry costs more");
    EXPECT_EQ(transcript["messages"][1]["status"], "stopped");

    std::string file = m_dir.file("out.md").string();
    CliResult exported =
        runCli("sessions export " + std::to_string(m_session) + " -o " + file + " " + m_db);
    ASSERT_EQ(exported.exitCode, 0);
    FILE* md = std::fopen(file.c_str(), "r");
    ASSERT_NE(md, nullptr);
    std::array<char, 4096> text{};
    size_t n = std::fread(text.data(), 1, text.size() - 1, md);
    std::fclose(md);
    EXPECT_EQ(std::string(text.data(), n).rfind("# Budget\n", 0), 0u);

    EXPECT_EQ(runCli("sessions delete " + std::to_string(m_session) + " " + m_db).exitCode, 0);
    EXPECT_EQ(nlohmann::json::parse(runCli("sessions list --json " + m_db).out).size(), 0u);
}

TEST_F(CliStoreTest, SearchFindsMessagesAndDocuments) {
    CliResult search = runCli("search ferry --json " + m_db);
    ASSERT_EQ(search.exitCode, 0);
    auto hits = nlohmann::json::parse(search.out);
    ASSERT_EQ(hits.size(), 3u);
    int messages = 0, units = 0;
    for (const auto& hit : hits) {
        if (hit["kind"] == "message") ++messages;
        if (hit["kind"] == "unit") {
            ++units;
            EXPECT_EQ(hit["locator"], "4");
            EXPECT_EQ(hit["snippet"], "**Ferry** subsidies rise.");
        }
    }
    EXPECT_EQ(messages, 2);
    EXPECT_EQ(units, 1);
}

TEST_F(CliStoreTest, ExitCodes) {
    EXPECT_EQ(runCli("sessions show 999 " + m_db).exitCode, 3);      // no such session
    EXPECT_EQ(runCli("search --raw '\"open' " + m_db).exitCode, 2);  // malformed FTS5 query
    EXPECT_EQ(runCli("sessions export 1 --format pdf " + m_db).exitCode, 2);
    std::string junk = m_dir.file("junk.db").string();
    FILE* f = std::fopen(junk.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(std::string(4096, 'x').c_str(), f);
    std::fclose(f);
    EXPECT_EQ(runCli("sessions list --db " + junk).exitCode, 3);  // not a database
}

}  // namespace
}  // namespace lectern::app
