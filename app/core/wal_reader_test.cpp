// Readers beside a writer (WAL): a second connection reads the last committed snapshot
// while a write transaction is open, without SQLITE_BUSY, and sees the new rows after the
// commit; a reader on another thread follows a streamed reply as it is committed.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "store.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

using testing::TempDir;

TEST(WalReader, ReaderSeesOldSnapshotDuringWrite) {
    TempDir dir;
    auto writer = Store::open(dir.file("lectern.db"));
    ASSERT_OK(writer);
    auto reader = Store::open(dir.file("lectern.db"));
    ASSERT_OK(reader);
    std::int64_t session = *writer->sessions().create("s", "m");
    ASSERT_OK(writer->messages().add(makeMessage(session, "user", "first")));

    auto tx = Transaction::begin(writer->database());
    ASSERT_OK(tx);
    // add() nests inside the open transaction (a savepoint): nothing is committed yet.
    ASSERT_OK(writer->messages().add(makeMessage(session, "assistant", "second")));

    // The reader is not blocked and sees only what was committed.
    auto during = reader->messages().list(session);
    ASSERT_OK(during);
    ASSERT_EQ(during->size(), 1u);
    EXPECT_EQ(during->front().text, "first");
    EXPECT_EQ(reader->searchIndex().search("second")->size(), 0u);

    ASSERT_OK(tx->commit());
    auto after = reader->messages().list(session);
    ASSERT_OK(after);
    EXPECT_EQ(after->size(), 2u);
}

TEST(WalReader, OpenReadTransactionDoesNotBlockTheWriter) {
    TempDir dir;
    auto writer = Store::open(dir.file("lectern.db"));
    ASSERT_OK(writer);
    auto reader = Store::open(dir.file("lectern.db"));
    ASSERT_OK(reader);
    std::int64_t session = *writer->sessions().create("s", "m");

    ASSERT_OK(reader->database().exec("BEGIN"));
    EXPECT_EQ(*reader->database().queryInt("SELECT count(*) FROM messages"), 0);
    // The writer commits while the read transaction holds its snapshot.
    ASSERT_OK(writer->messages().add(makeMessage(session, "user", "new")));
    EXPECT_EQ(*reader->database().queryInt("SELECT count(*) FROM messages"), 0);
    ASSERT_OK(reader->database().exec("COMMIT"));
    EXPECT_EQ(*reader->database().queryInt("SELECT count(*) FROM messages"), 1);
}

TEST(WalReader, ThreadFollowsAStreamedReply) {
    TempDir dir;
    auto writer = Store::open(dir.file("lectern.db"));
    ASSERT_OK(writer);
    std::int64_t session = *writer->sessions().create("s", "m");
    auto stream = writer->messages().beginStream(session, "assistant");
    ASSERT_OK(stream);
    stream->setFlushInterval(std::chrono::milliseconds(0));
    std::int64_t id = stream->messageId();

    std::atomic<bool> done{false};
    std::atomic<int> reads{0};
    std::string failure;
    std::thread readerThread([&] {
        auto reader = Store::open(dir.file("lectern.db"));
        if (!reader) { failure = reader.error().to_string(); return; }
        size_t lastLength = 0;
        while (!done.load()) {
            auto message = reader->messages().get(id);
            if (!message) { failure = message.error().to_string(); return; }
            // Each read sees a committed prefix of the reply, never less than before.
            if (message->text.size() < lastLength || message->text.size() % 4 != 0) {
                failure = "torn read: " + message->text;
                return;
            }
            lastLength = message->text.size();
            ++reads;
        }
    });
    for (int i = 0; i < 300 && failure.empty(); ++i) ASSERT_OK(stream->append("tok "));
    // Keep writing until the reader has made a few reads, so the overlap is real.
    while (reads.load() < 5 && failure.empty()) ASSERT_OK(stream->append("tok "));
    ASSERT_OK(stream->finish(MessageStatus::Complete));
    done = true;
    readerThread.join();
    EXPECT_EQ(failure, "");
    EXPECT_GE(reads.load(), 5);
}

}  // namespace
}  // namespace lectern::app
