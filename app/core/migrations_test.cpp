// Tests of schema migrations: a database made by the first schema and filled with data
// upgrades in place to the current version and keeps everything; newer databases are
// refused; a failed step leaves the previous version as it was.
#include <gtest/gtest.h>

#include "migrations.h"
#include "store.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

using testing::TempDir;

// Rows as the first schema (version 1) stored them, written with its own SQL.
void fillVersion1(Database& db) {
    ASSERT_OK(db.exec(R"sql(
INSERT INTO documents (id, path, sha256, kind, title, metadata, created)
    VALUES (1, '/docs/report.pdf', 'aa11', 'pdf', 'Annual report', '{"pages":2}', 1000);
INSERT INTO units (document_id, ordinal, locator, text, tokens) VALUES
    (1, 0, '1', 'Revenue grew by twelve percent in the northern region.', 11),
    (1, 1, '2', 'The auditors found no material weakness.', NULL);
INSERT INTO sessions (id, title, model, created, updated)
    VALUES (7, 'Report questions', 'llama-3.1-8b.gguf', 2000, 3000);
INSERT INTO session_documents (session_id, document_id, ordinal) VALUES (7, 1, 0);
INSERT INTO messages (session_id, role, text, prompt_tokens, completion_tokens, status, created)
    VALUES (7, 'user', 'How much did revenue grow?', 9, NULL, 'complete', 2100),
           (7, 'assistant', 'Revenue grew by twelve percent [p. 1].', 4000, 10, 'complete', 2200),
           (7, 'assistant', 'The auditors', NULL, 2, 'stopped', 2300);
INSERT INTO task_runs (session_id, kind, params, status, checkpoint, updated)
    VALUES (7, 'translate', '{"to":"de"}', 'stopped', '{"segment":3}', 2500);
INSERT INTO settings (key, value) VALUES ('model', 'llama-3.1-8b.gguf');
)sql"));
}

TEST(Migrations, VersionsRunWithoutGaps) {
    int expected = 1;
    for (const Migration& step : migrations()) EXPECT_EQ(step.version, expected++);
    EXPECT_EQ(latestSchemaVersion(), expected - 1);
    EXPECT_GE(latestSchemaVersion(), 2);
}

TEST(Migrations, FreshDatabaseReachesTheLatestVersion) {
    TempDir dir;
    auto store = Store::open(dir.file("fresh.db"));
    ASSERT_OK(store);
    EXPECT_EQ(*schemaVersion(store->database()), latestSchemaVersion());
    EXPECT_EQ(*store->database().queryInt("SELECT count(*) FROM schema_migrations"),
              latestSchemaVersion());
    // Applying again does nothing.
    ASSERT_OK(migrate(store->database()));
    EXPECT_EQ(*store->database().queryInt("SELECT count(*) FROM schema_migrations"),
              latestSchemaVersion());
}

TEST(Migrations, FirstSchemaWithDataUpgradesInPlace) {
    TempDir dir;
    auto path = dir.file("old.db");
    {
        auto db = Database::open(path.string());
        ASSERT_OK(db);
        ASSERT_OK(migrate(*db, 1));
        ASSERT_EQ(*schemaVersion(*db), 1);
        fillVersion1(*db);
        // The first schema has no 'streaming' status: the upgrade must add it.
        EXPECT_FALSE(db->exec("INSERT INTO messages (session_id, role, text, status, created) "
                              "VALUES (7, 'assistant', '', 'streaming', 1)").ok());
    }
    auto store = Store::open(path);
    ASSERT_OK(store);
    Database& db = store->database();
    EXPECT_EQ(*schemaVersion(db), latestSchemaVersion());
    EXPECT_EQ(testing::integrityCheck(db), "ok");
    EXPECT_EQ(*db.queryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);

    auto document = store->documents().get(1);
    ASSERT_OK(document);
    EXPECT_EQ(document->title, "Annual report");
    EXPECT_EQ(document->metadata, R"({"pages":2})");
    auto units = store->documents().units(1);
    ASSERT_OK(units);
    ASSERT_EQ(units->size(), 2u);
    EXPECT_EQ((*units)[0].tokens, 11);
    EXPECT_FALSE((*units)[1].tokens.has_value());

    auto session = store->sessions().get(7);
    ASSERT_OK(session);
    EXPECT_EQ(session->model, "llama-3.1-8b.gguf");
    EXPECT_EQ(session->documentIds, std::vector<std::int64_t>{1});

    auto messages = store->messages().list(7);
    ASSERT_OK(messages);
    ASSERT_EQ(messages->size(), 3u);
    EXPECT_EQ((*messages)[1].text, "Revenue grew by twelve percent [p. 1].");
    EXPECT_EQ((*messages)[1].promptTokens, 4000);
    EXPECT_EQ((*messages)[1].completionTokens, 10);
    EXPECT_FALSE((*messages)[1].prefillMs.has_value());  // a column the first schema lacked
    EXPECT_EQ((*messages)[1].updated, 2200);
    EXPECT_EQ((*messages)[2].status, MessageStatus::Stopped);

    auto runs = store->taskRuns().list(7);
    ASSERT_OK(runs);
    ASSERT_EQ(runs->size(), 1u);
    EXPECT_EQ(runs->front().checkpoint, R"({"segment":3})");
    EXPECT_EQ(runs->front().created, 2500);
    EXPECT_EQ(*store->settings().get("model"), std::optional<std::string>("llama-3.1-8b.gguf"));

    // Rows written before full-text search existed are found by it.
    auto hits = store->searchIndex().search("twelve percent");
    ASSERT_OK(hits);
    ASSERT_EQ(hits->size(), 2u);
    // And the upgraded schema takes what the first one refused.
    EXPECT_OK(store->messages().beginStream(7, "assistant"));
}

TEST(Migrations, NewerDatabaseIsRefused) {
    TempDir dir;
    auto path = dir.file("newer.db");
    {
        auto db = Database::open(path.string());
        ASSERT_OK(db);
        ASSERT_OK(db->exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1)));
    }
    auto store = Store::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, ErrorCode::Unsupported) << store.error().to_string();
}

TEST(Migrations, FailedStepKeepsThePreviousVersion) {
    TempDir dir;
    auto path = dir.file("blocked.db");
    auto db = Database::open(path.string());
    ASSERT_OK(db);
    ASSERT_OK(migrate(*db, 1));
    fillVersion1(*db);
    // A stray table with the name step 2 builds makes that step fail half-way.
    ASSERT_OK(db->exec("CREATE TABLE messages_v2 (x)"));
    Status status = migrate(*db);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("schema version 2"), std::string::npos)
        << status.error().to_string();
    EXPECT_EQ(*schemaVersion(*db), 1);
    EXPECT_EQ(*db->queryInt("SELECT count(*) FROM messages"), 3);
    EXPECT_EQ(*db->queryInt("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(testing::integrityCheck(*db), "ok");
}

}  // namespace
}  // namespace lectern::app
