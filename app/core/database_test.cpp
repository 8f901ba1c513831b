// Tests of the SQLite wrapper: opening, errors with SQL context, binding, transactions.
#include <fstream>

#include <gtest/gtest.h>

#include "database.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

using testing::TempDir;

TEST(Database, OpensInWalModeWithForeignKeys) {
    TempDir dir;
    auto db = Database::open(dir.file("a.db").string());
    ASSERT_OK(db);
    auto mode = db->query("PRAGMA journal_mode");
    ASSERT_OK(mode);
    ASSERT_TRUE(*mode->step());
    EXPECT_EQ(mode->columnText(0), "wal");
    auto fk = db->queryInt("PRAGMA foreign_keys");
    ASSERT_OK(fk);
    EXPECT_EQ(*fk, 1);
}

TEST(Database, FileThatIsNotADatabaseIsCorrupt) {
    TempDir dir;
    std::ofstream(dir.file("junk.db")) << std::string(4096, 'x');
    auto db = Database::open(dir.file("junk.db").string());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, ErrorCode::Corrupt) << db.error().to_string();
}

TEST(Database, MissingFolderIsAnIoError) {
    auto db = Database::open("/nonexistent-lectern-folder/x/a.db");
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, ErrorCode::Io) << db.error().to_string();
}

TEST(Database, ErrorCarriesSqliteMessageAndSql) {
    auto db = Database::open(":memory:");
    ASSERT_OK(db);
    auto stmt = db->prepare("SELECT * FROM no_such_table");
    ASSERT_FALSE(stmt.ok());
    EXPECT_EQ(stmt.error().code, ErrorCode::Database);
    EXPECT_NE(stmt.error().message.find("no such table"), std::string::npos);
    EXPECT_EQ(stmt.error().context, "SELECT * FROM no_such_table");

    ASSERT_OK(db->exec("CREATE TABLE t (x INTEGER NOT NULL)"));
    Status status = db->execute("INSERT INTO t (x) VALUES (?)", nullptr);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("NOT NULL"), std::string::npos)
        << status.error().to_string();
}

TEST(Database, BindsAndReadsEveryType) {
    auto db = Database::open(":memory:");
    ASSERT_OK(db);
    ASSERT_OK(db->exec("CREATE TABLE t (i INTEGER, d REAL, s TEXT, n TEXT)"));
    using namespace std::string_literals;
    const std::string text = "Grüße, 世界 \xF0\x9F\x93\x84 with\0nul"s;
    ASSERT_OK(db->execute("INSERT INTO t VALUES (?, ?, ?, ?)", std::int64_t{1} << 40, 2.5, text,
                          std::optional<std::int64_t>()));
    auto row = db->query("SELECT i, d, s, n FROM t");
    ASSERT_OK(row);
    ASSERT_TRUE(*row->step());
    EXPECT_EQ(row->columnInt(0), std::int64_t{1} << 40);
    EXPECT_EQ(row->columnDouble(1), 2.5);
    EXPECT_EQ(row->columnText(2), text);
    EXPECT_TRUE(row->columnIsNull(3));
    EXPECT_FALSE(row->columnOptionalInt(3).has_value());
    EXPECT_FALSE(*row->step());
}

TEST(Database, BindingTooManyParametersIsAnError) {
    auto db = Database::open(":memory:");
    ASSERT_OK(db);
    auto stmt = db->query("SELECT ?", 1, 2);
    ASSERT_FALSE(stmt.ok());
    EXPECT_EQ(stmt.error().context, "SELECT ?");
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
    auto db = Database::open(":memory:");
    ASSERT_OK(db);
    ASSERT_OK(db->exec("CREATE TABLE t (x INTEGER)"));
    {
        auto tx = Transaction::begin(*db);
        ASSERT_OK(tx);
        ASSERT_OK(db->execute("INSERT INTO t VALUES (1)"));
    }
    EXPECT_EQ(*db->queryInt("SELECT count(*) FROM t"), 0);
    {
        auto tx = Transaction::begin(*db);
        ASSERT_OK(tx);
        ASSERT_OK(db->execute("INSERT INTO t VALUES (2)"));
        ASSERT_OK(tx->commit());
    }
    EXPECT_EQ(*db->queryInt("SELECT count(*) FROM t"), 1);
}

TEST(Database, StatementRunsAgainAfterReset) {
    auto db = Database::open(":memory:");
    ASSERT_OK(db);
    ASSERT_OK(db->exec("CREATE TABLE t (x INTEGER)"));
    auto insert = db->prepare("INSERT INTO t VALUES (?)");
    ASSERT_OK(insert);
    for (int i = 0; i < 5; ++i) {
        ASSERT_OK(insert->bindAll(i));
        ASSERT_OK(insert->run());
        insert->reset();
    }
    EXPECT_EQ(*db->queryInt("SELECT sum(x) FROM t"), 10);
}

}  // namespace
}  // namespace lectern::app
