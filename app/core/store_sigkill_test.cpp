// A process killed with SIGKILL while it streams a reply into the store leaves a sound
// database: the next open passes integrity_check, keeps the earlier turns, and marks the
// reply 'stopped' with the text committed before the kill. A store opened while the writer
// is still alive leaves its reply alone.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>

#include "store.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

using testing::TempDir;

struct Child {
    pid_t pid = -1;
    long long session = 0;
    long long message = 0;
};

// Starts the streaming program and reads the ids it announces.
Child startWriter(const std::string& dbPath) {
    int out[2];
    if (pipe(out) != 0) return {};
    Child child;
    child.pid = fork();
    if (child.pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        execl(LECTERN_STREAM_CHILD, LECTERN_STREAM_CHILD, dbPath.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    FILE* in = fdopen(out[0], "r");
    if (!in || std::fscanf(in, "%lld %lld", &child.session, &child.message) != 2) {
        child.session = child.message = 0;
    }
    if (in) std::fclose(in);
    return child;
}

TEST(StoreSigkill, KilledWriterLeavesConsistentDatabaseWithStoppedReply) {
    TempDir dir;
    std::string path = dir.file("lectern.db").string();
    Child child = startWriter(path);
    ASSERT_GT(child.pid, 0);
    ASSERT_GT(child.message, 0) << "the writer did not start";

    // Let it commit a good part of the reply, checking from this process as it grows.
    {
        auto watcher = Store::open(path);
        ASSERT_OK(watcher);
        // Opening while the writer lives must not stop its reply.
        EXPECT_EQ(watcher->recovery().stoppedMessages, 0);
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        for (;;) {
            auto message = watcher->messages().get(child.message);
            ASSERT_OK(message);
            ASSERT_EQ(message->status, MessageStatus::Streaming);
            if (message->text.size() > 2000) break;
            ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the writer is too slow";
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ASSERT_EQ(kill(child.pid, SIGKILL), 0);
    int wstatus = 0;
    ASSERT_EQ(waitpid(child.pid, &wstatus, 0), child.pid);
    ASSERT_TRUE(WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGKILL);

    auto store = Store::open(path);
    ASSERT_OK(store);
    EXPECT_EQ(store->recovery().stoppedMessages, 1);
    EXPECT_EQ(testing::integrityCheck(store->database()), "ok");

    auto messages = store->messages().list(child.session);
    ASSERT_OK(messages);
    ASSERT_EQ(messages->size(), 2u);
    EXPECT_EQ((*messages)[0].text, "Tell me everything.");
    EXPECT_EQ((*messages)[0].status, MessageStatus::Complete);
    const MessageRecord& reply = (*messages)[1];
    EXPECT_EQ(reply.status, MessageStatus::Stopped);
    ASSERT_GT(reply.text.size(), 2000u);
    // The saved text is exactly the first N pieces the writer produced, none torn.
    std::string expected;
    long pieces = 0;
    while (expected.size() < reply.text.size()) expected += "w" + std::to_string(pieces++) + " ";
    EXPECT_EQ(reply.text, expected);
    EXPECT_EQ(reply.completionTokens, pieces);
    // The stopped reply is searchable like any other.
    EXPECT_EQ(store->searchIndex().search("w1")->size(), 1u);
}

}  // namespace
}  // namespace lectern::app
