// Running out of space: with SQLite's page limit (PRAGMA max_page_count) set at the
// database's current size, a write fails with DiskFull and nothing already saved is lost;
// a streamed reply keeps the text committed before the failure; once space is back,
// writes work again.
#include <gtest/gtest.h>

#include "store.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

using testing::TempDir;

// Caps the database at its current size (plus `slackPages`).
void capDatabase(Database& db, std::int64_t slackPages) {
    auto pages = db.queryInt("PRAGMA page_count");
    ASSERT_OK(pages);
    auto set = db.queryInt("PRAGMA max_page_count = " + std::to_string(*pages + slackPages));
    ASSERT_OK(set);
    ASSERT_EQ(*set, *pages + slackPages);
}

class DiskFullTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(m_dir.file("lectern.db"));
        ASSERT_OK(opened);
        m_store = std::make_unique<Store>(std::move(*opened));
        m_session = *m_store->sessions().create("saved", "m");
        for (int i = 0; i < 20; ++i) {
            ASSERT_OK(m_store->messages().add(
                makeMessage(m_session, "user", "saved message " + std::to_string(i))));
        }
    }
    void expectSavedIntact() {
        EXPECT_EQ(testing::integrityCheck(m_store->database()), "ok");
        auto messages = m_store->messages().list(m_session);
        ASSERT_OK(messages);
        ASSERT_GE(messages->size(), 20u);
        for (int i = 0; i < 20; ++i) {
            EXPECT_EQ((*messages)[static_cast<size_t>(i)].text,
                      "saved message " + std::to_string(i));
        }
    }

    TempDir m_dir;
    std::unique_ptr<Store> m_store;
    std::int64_t m_session = 0;
};

TEST_F(DiskFullTest, LargeWriteFailsWithDiskFullAndKeepsSavedRows) {
    capDatabase(m_store->database(), 2);
    auto added =
        m_store->messages().add(makeMessage(m_session, "assistant", std::string(1 << 20, 'x')));
    ASSERT_FALSE(added.ok());
    EXPECT_EQ(added.error().code, ErrorCode::DiskFull) << added.error().to_string();
    expectSavedIntact();
    EXPECT_EQ(m_store->messages().list(m_session)->size(), 20u);

    // A document is stored whole or not at all.
    std::vector<UnitRecord> units(200, UnitRecord{0, 0, 0, "p", std::string(4000, 'u'), {}});
    auto doc =
        m_store->documents().add(DocumentRecord{0, "/big.pdf", "big", "pdf", "", "{}", 0, 0}, units);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code, ErrorCode::DiskFull);
    EXPECT_EQ(*m_store->database().queryInt("SELECT count(*) FROM documents"), 0);
    EXPECT_EQ(*m_store->database().queryInt("SELECT count(*) FROM units"), 0);

    // Space again: the same writes succeed on the same connection.
    ASSERT_OK(m_store->database().queryInt("PRAGMA max_page_count = 1000000"));
    ASSERT_OK(
        m_store->messages().add(makeMessage(m_session, "assistant", std::string(1 << 20, 'x'))));
    ASSERT_OK(
        m_store->documents().add(DocumentRecord{0, "/big.pdf", "big", "pdf", "", "{}", 0, 0}, units));
    expectSavedIntact();
}

TEST_F(DiskFullTest, StreamedReplyKeepsCommittedTextWhenSpaceRunsOut) {
    auto stream = m_store->messages().beginStream(m_session, "assistant");
    ASSERT_OK(stream);
    stream->setFlushInterval(std::chrono::milliseconds(0));
    ASSERT_OK(stream->append("committed before the disk filled. "));
    capDatabase(m_store->database(), 0);
    Status status;
    for (int i = 0; i < 1000 && status.ok(); ++i) status = stream->append(std::string(1000, 'y'));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::DiskFull) << status.error().to_string();

    auto message = m_store->messages().get(stream->messageId());
    ASSERT_OK(message);
    EXPECT_EQ(message->text.rfind("committed before the disk filled. ", 0), 0u);
    EXPECT_EQ(message->status, MessageStatus::Streaming);
    expectSavedIntact();
}

TEST_F(DiskFullTest, DataSurvivesReopenAfterDiskFull) {
    capDatabase(m_store->database(), 0);
    EXPECT_FALSE(m_store->messages()
                     .add(makeMessage(m_session, "assistant", std::string(1 << 20, 'z')))
                     .ok());
    m_store.reset();
    auto reopened = Store::open(m_dir.file("lectern.db"));
    ASSERT_OK(reopened);
    m_store = std::make_unique<Store>(std::move(*reopened));
    expectSavedIntact();
    EXPECT_EQ(m_store->messages().list(m_session)->size(), 20u);
}

}  // namespace
}  // namespace lectern::app
