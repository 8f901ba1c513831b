// Tests of the per-table stores: documents extracted once, sessions and what deleting one
// removes, messages and streamed replies, task runs with checkpoints, settings.
#include <thread>

#include <gtest/gtest.h>

#include "store.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

using testing::TempDir;

class StoresTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(m_dir.file("lectern.db"));
        ASSERT_OK(opened);
        m_store = std::make_unique<Store>(std::move(*opened));
    }
    Store& store() { return *m_store; }

    std::int64_t newSession() {
        auto id = store().sessions().create("s", "m.gguf");
        EXPECT_TRUE(id.ok());
        return id.ok() ? *id : 0;
    }

    TempDir m_dir;
    std::unique_ptr<Store> m_store;
};

DocumentRecord pdf(const std::string& sha) {
    return DocumentRecord{0, "/d/report.pdf", sha, "pdf", "Report", R"({"pages":2})", 0, 0};
}

std::vector<UnitRecord> twoPages() {
    return {UnitRecord{0, 0, 0, "i", "First page.", 3}, UnitRecord{0, 0, 0, "ii", "Second.", {}}};
}

TEST_F(StoresTest, DocumentReadByANewerReaderReplacesItsUnitsInPlace) {
    auto first = store().documents().add(pdf("abc"), twoPages());
    ASSERT_OK(first);
    auto session = store().sessions().create("Report", "m.gguf");
    ASSERT_OK(session);
    ASSERT_OK(store().sessions().attachDocument(*session, first->id));

    DocumentRecord newer = pdf("abc");
    newer.readerVersion = 1;
    newer.metadata = R"({"units":[{"page":1}]})";
    auto second = store().documents().add(newer, {UnitRecord{0, 0, 0, "1", "Re-read page.", {}}});
    ASSERT_OK(second);
    EXPECT_TRUE(second->existed);
    EXPECT_TRUE(second->replaced);
    EXPECT_EQ(second->id, first->id);  // the session still holds it
    auto units = store().documents().units(first->id);
    ASSERT_OK(units);
    ASSERT_EQ(units->size(), 1u);
    EXPECT_EQ((*units)[0].text, "Re-read page.");
    auto doc = store().documents().get(first->id);
    ASSERT_OK(doc);
    EXPECT_EQ(doc->readerVersion, 1);
    EXPECT_EQ(doc->metadata, R"({"units":[{"page":1}]})");
    auto held = store().sessions().get(*session);
    ASSERT_OK(held);
    EXPECT_EQ(held->documentIds, std::vector<std::int64_t>{first->id});
    // The full-text index follows the new text, not the old.
    EXPECT_EQ(*store().database().queryInt(
                  "SELECT count(*) FROM units_fts WHERE units_fts MATCH '\"re read\"'"), 1);
    EXPECT_EQ(*store().database().queryInt("SELECT count(*) FROM units_fts WHERE units_fts MATCH 'second OR first'"), 0);

    // The same reader again, or an older one: nothing changes.
    auto third = store().documents().add(pdf("abc"), twoPages());
    ASSERT_OK(third);
    EXPECT_TRUE(third->existed);
    EXPECT_FALSE(third->replaced);
    EXPECT_EQ(*store().database().queryInt("SELECT count(*) FROM units"), 1);
}

TEST_F(StoresTest, ADocumentUnderAResumableRunKeepsItsUnits) {
    auto first = store().documents().add(pdf("abc"), twoPages());
    ASSERT_OK(first);
    auto session = store().sessions().create("Translate: report", "m.gguf");
    ASSERT_OK(session);
    ASSERT_OK(store().sessions().attachDocument(*session, first->id));
    auto run = store().taskRuns().start(*session, "translate", R"({"document":"abc","language":"de"})");
    ASSERT_OK(run);
    ASSERT_OK(store().taskRuns().finish(*run, TaskRunStatus::Stopped));

    DocumentRecord newer = pdf("abc");
    newer.readerVersion = 1;
    auto again = store().documents().add(newer, {UnitRecord{0, 0, 0, "1", "Re-read page.", {}}});
    ASSERT_OK(again);
    EXPECT_TRUE(again->existed);
    EXPECT_FALSE(again->replaced);  // the stopped translation resumes over the text it counted
    EXPECT_EQ(*store().database().queryInt("SELECT count(*) FROM units"), 2);

    ASSERT_OK(store().taskRuns().resume(*run));
    ASSERT_OK(store().taskRuns().finish(*run, TaskRunStatus::Complete));
    auto later = store().documents().add(newer, {UnitRecord{0, 0, 0, "1", "Re-read page.", {}}});
    ASSERT_OK(later);
    EXPECT_TRUE(later->replaced);
    EXPECT_EQ(*store().database().queryInt("SELECT count(*) FROM units"), 1);
}

TEST_F(StoresTest, DocumentIsExtractedOnce) {
    auto first = store().documents().add(pdf("abc"), twoPages());
    ASSERT_OK(first);
    EXPECT_FALSE(first->existed);
    // The same bytes under another path: the stored document, no second copy of the units.
    DocumentRecord again = pdf("abc");
    again.path = "/elsewhere/copy.pdf";
    auto second = store().documents().add(again, {UnitRecord{0, 0, 0, "1", "other", {}}});
    ASSERT_OK(second);
    EXPECT_TRUE(second->existed);
    EXPECT_EQ(second->id, first->id);
    EXPECT_EQ(*store().database().queryInt("SELECT count(*) FROM units"), 2);

    auto units = store().documents().units(first->id);
    ASSERT_OK(units);
    ASSERT_EQ(units->size(), 2u);
    EXPECT_EQ((*units)[1].ordinal, 1);
    EXPECT_EQ((*units)[1].locator, "ii");
    ASSERT_OK(store().documents().setUnitTokens((*units)[1].id, 2));
    EXPECT_EQ((*store().documents().units(first->id))[1].tokens, 2);

    auto found = store().documents().findBySha256("abc");
    ASSERT_OK(found);
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->path, "/d/report.pdf");
    EXPECT_GT((*found)->created, 0);
}

TEST_F(StoresTest, MissingRecordsAreNotFound) {
    EXPECT_EQ(store().documents().get(42).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store().sessions().get(42).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store().sessions().remove(42).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store().messages().get(42).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store().taskRuns().get(42).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store().documents().setUnitTokens(42, 1).error().code, ErrorCode::NotFound);
}

TEST_F(StoresTest, DeletingASessionRemovesItsMessagesRunsAndLinksButNotDocuments) {
    auto doc = store().documents().add(pdf("abc"), twoPages());
    ASSERT_OK(doc);
    std::int64_t session = newSession();
    ASSERT_OK(store().sessions().attachDocument(session, doc->id));
    ASSERT_OK(store().sessions().attachDocument(session, doc->id));  // twice: one link
    EXPECT_EQ(store().sessions().get(session)->documentIds, std::vector<std::int64_t>{doc->id});
    ASSERT_OK(store().messages().add(makeMessage(session, "user", "hi")));
    ASSERT_OK(store().taskRuns().start(session, "summarize", "{}"));

    ASSERT_OK(store().sessions().remove(session));
    Database& db = store().database();
    EXPECT_EQ(*db.queryInt("SELECT count(*) FROM messages"), 0);
    EXPECT_EQ(*db.queryInt("SELECT count(*) FROM task_runs"), 0);
    EXPECT_EQ(*db.queryInt("SELECT count(*) FROM session_documents"), 0);
    EXPECT_EQ(*db.queryInt("SELECT count(*) FROM documents"), 1);
}

TEST_F(StoresTest, ForeignKeysAreEnforced) {
    EXPECT_FALSE(store().messages().add(makeMessage(999, "user", "orphan")).ok());
    EXPECT_FALSE(store().messages().add(makeMessage(newSession(), "robot", "x")).ok());
}

TEST_F(StoresTest, SessionsListMostRecentlyUpdatedFirst) {
    std::int64_t a = newSession();
    std::int64_t b = newSession();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_OK(store().messages().add(makeMessage(a, "user", "later")));
    auto sessions = store().sessions().list();
    ASSERT_OK(sessions);
    ASSERT_EQ(sessions->size(), 2u);
    EXPECT_EQ((*sessions)[0].id, a);
    EXPECT_EQ((*sessions)[1].id, b);
    ASSERT_OK(store().sessions().rename(b, "Renamed"));
    EXPECT_EQ(store().sessions().get(b)->title, "Renamed");
}

TEST_F(StoresTest, StreamedReplyCommitsAsItGoesAndFinishesWithMetrics) {
    std::int64_t session = newSession();
    auto stream = store().messages().beginStream(session, "assistant", 1200);
    ASSERT_OK(stream);
    std::int64_t id = stream->messageId();
    stream->setFlushInterval(std::chrono::milliseconds(0));  // commit every piece
    ASSERT_OK(stream->append("Hello", 1));
    EXPECT_EQ(store().messages().get(id)->text, "Hello");
    EXPECT_EQ(store().messages().get(id)->status, MessageStatus::Streaming);

    stream->setFlushInterval(std::chrono::hours(1));  // buffered until finish
    ASSERT_OK(stream->append(", world", 2));
    EXPECT_EQ(store().messages().get(id)->text, "Hello");

    ASSERT_OK(stream->finish(MessageStatus::Complete, GenerationMetrics{{}, {}, 85.5, 41.25}));
    auto message = store().messages().get(id);
    ASSERT_OK(message);
    EXPECT_EQ(message->text, "Hello, world");
    EXPECT_EQ(message->status, MessageStatus::Complete);
    EXPECT_EQ(message->promptTokens, 1200);
    EXPECT_EQ(message->completionTokens, 2);
    EXPECT_EQ(message->prefillMs, 85.5);
    EXPECT_EQ(message->tokensPerS, 41.25);
    EXPECT_FALSE(stream->append("more").ok());
    EXPECT_FALSE(stream->finish(MessageStatus::Complete).ok());
}

TEST_F(StoresTest, DroppedStreamIsMarkedStoppedWithItsText) {
    std::int64_t session = newSession();
    std::int64_t id = 0;
    {
        auto stream = store().messages().beginStream(session, "assistant");
        ASSERT_OK(stream);
        id = stream->messageId();
        ASSERT_OK(stream->append("partial answer"));
    }
    auto message = store().messages().get(id);
    ASSERT_OK(message);
    EXPECT_EQ(message->status, MessageStatus::Stopped);
    EXPECT_EQ(message->text, "partial answer");
}

TEST_F(StoresTest, RecoveryStopsOnlyWorkOfDeadProcesses) {
    std::int64_t session = newSession();
    auto live = store().messages().beginStream(session, "assistant");
    ASSERT_OK(live);
    // A reply and a run whose writer (pid 2^22+1 is above Linux's pid_max) no longer exists.
    Database& db = store().database();
    ASSERT_OK(
        db.execute("INSERT INTO messages (session_id, role, text, status, writer, created, "
                   "updated) VALUES (?, 'assistant', 'cut off', 'streaming', '4194305:1', 1, 1)",
                   session));
    std::int64_t dead = db.lastInsertRowid();
    ASSERT_OK(
        db.execute("INSERT INTO task_runs (session_id, kind, status, writer, created, updated) "
                   "VALUES (?, 'translate', 'running', '4194305:1', 1, 1)",
                   session));
    auto liveRun = store().taskRuns().start(session, "review", "{}");
    ASSERT_OK(liveRun);

    EXPECT_EQ(*store().messages().recoverAbandoned(), 1);
    EXPECT_EQ(*store().taskRuns().recoverAbandoned(), 1);
    EXPECT_EQ(store().messages().get(dead)->status, MessageStatus::Stopped);
    EXPECT_EQ(store().messages().get(dead)->text, "cut off");
    EXPECT_EQ(store().messages().get(live->messageId())->status, MessageStatus::Streaming);
    EXPECT_EQ(store().taskRuns().get(*liveRun)->status, TaskRunStatus::Running);
}

TEST_F(StoresTest, TaskRunCheckpointsAndResumes) {
    std::int64_t session = newSession();
    auto run = store().taskRuns().start(session, "translate", R"({"to":"de"})");
    ASSERT_OK(run);
    ASSERT_OK(store().taskRuns().saveCheckpoint(*run, R"({"segment":1})"));
    ASSERT_OK(store().taskRuns().saveCheckpoint(*run, R"({"segment":2})"));
    EXPECT_FALSE(store().taskRuns().resume(*run).ok());  // still running
    ASSERT_OK(store().taskRuns().finish(*run, TaskRunStatus::Stopped));

    auto unfinished = store().taskRuns().latestUnfinished(session, "translate");
    ASSERT_OK(unfinished);
    ASSERT_TRUE(unfinished->has_value());
    EXPECT_EQ((*unfinished)->checkpoint, R"({"segment":2})");
    EXPECT_EQ((*unfinished)->params, R"({"to":"de"})");
    ASSERT_OK(store().taskRuns().resume(*run));
    EXPECT_EQ(store().taskRuns().get(*run)->status, TaskRunStatus::Running);
    ASSERT_OK(store().taskRuns().finish(*run, TaskRunStatus::Complete));
    EXPECT_FALSE(store().taskRuns().latestUnfinished(session, "translate")->has_value());
}

TEST_F(StoresTest, SettingsSetOverwriteRemove) {
    SettingsStore settings = store().settings();
    EXPECT_FALSE(settings.get("ctx")->has_value());
    ASSERT_OK(settings.set("ctx", "8192"));
    ASSERT_OK(settings.set("ctx", "131072"));
    ASSERT_OK(settings.set("backend", "cuda"));
    EXPECT_EQ(**settings.get("ctx"), "131072");
    ASSERT_OK(settings.remove("backend"));
    ASSERT_OK(settings.remove("backend"));
    auto all = settings.all();
    ASSERT_OK(all);
    EXPECT_EQ(*all, (std::map<std::string, std::string>{{"ctx", "131072"}}));
}

TEST(StoreLocation, ReopeningKeepsEverything) {
    TempDir dir;
    auto path = dir.file("nested/folder/lectern.db");  // folders are created
    std::int64_t session = 0;
    {
        auto store = Store::open(path);
        ASSERT_OK(store);
        session = *store->sessions().create("kept", "m");
        ASSERT_OK(store->messages().add(makeMessage(session, "user", "still here")));
    }
    auto store = Store::open(path);
    ASSERT_OK(store);
    EXPECT_EQ(store->messages().list(session)->at(0).text, "still here");
}

}  // namespace
}  // namespace lectern::app
