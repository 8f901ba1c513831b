// A thin RAII wrapper over SQLite's C API. Every call that can fail returns a Result whose
// Error carries SQLite's message and, in Error.context, the SQL that failed.
// A Database is one connection; it is used from one thread at a time (open another
// connection for another thread: WAL lets readers run beside the writer).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "lectern/engine/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace lectern::app {

// A prepared statement. Bind with bind()/bindAll(), then step() or run().
class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt* stmt, std::string sql) : m_stmt(stmt), m_sql(std::move(sql)) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are 1-based, as in SQLite.
    Status bind(int index, std::int64_t value);
    Status bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Status bind(int index, double value);
    Status bind(int index, std::string_view text);
    Status bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Status bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Status bind(int index, std::nullptr_t);
    template <class T>
    Status bind(int index, const std::optional<T>& value) {
        if (!value) return bind(index, nullptr);
        return bind(index, *value);
    }
    template <class... Args>
    Status bindAll(const Args&... args) {
        int index = 0;
        Status status;
        ((status.ok() ? (void)(status = bind(++index, args)) : (void)0), ...);
        (void)index;
        return status;
    }

    // Runs one step: true when a row is ready, false when the statement is done.
    Result<bool> step();
    // Steps to completion, ignoring rows (INSERT/UPDATE/DELETE).
    Status run();
    // Rewinds so the statement can run again with new bindings.
    void reset();

    // Columns are 0-based. Text of a NULL column is "".
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;
    std::optional<std::int64_t> columnOptionalInt(int column) const;
    std::optional<double> columnOptionalDouble(int column) const;

    const std::string& sql() const { return m_sql; }

private:
    Error lastError(int rc) const;

    sqlite3_stmt* m_stmt = nullptr;
    std::string m_sql;
};

class Database {
public:
    // Opens (creating if needed) a database file and sets it up for Lectern: WAL journal,
    // foreign keys on, a busy timeout so a second connection waits instead of failing.
    // ":memory:" opens a private in-memory database (no WAL).
    static Result<Database> open(const std::string& path);

    Database() = default;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more statements that take no parameters and return no rows.
    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);

    // prepare + bindAll + run, for statements that return no rows.
    template <class... Args>
    Status execute(std::string_view sql, const Args&... args) {
        auto stmt = prepare(sql);
        if (!stmt) return stmt.error();
        LECTERN_TRY(stmt->bindAll(args...));
        return stmt->run();
    }
    // prepare + bindAll; the caller steps through the rows.
    template <class... Args>
    Result<Statement> query(std::string_view sql, const Args&... args) {
        auto stmt = prepare(sql);
        if (!stmt) return stmt.error();
        LECTERN_TRY(stmt->bindAll(args...));
        return stmt;
    }
    // The first column of the first row as an integer (NotFound when there is no row).
    template <class... Args>
    Result<std::int64_t> queryInt(std::string_view sql, const Args&... args) {
        auto stmt = query(sql, args...);
        if (!stmt) return stmt.error();
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) return make_error(ErrorCode::NotFound, "no row", std::string(sql));
        return stmt->columnInt(0);
    }

    std::int64_t lastInsertRowid() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

    sqlite3* m_db = nullptr;
    std::string m_path;
};

// A transaction that rolls back unless commit() is called. BEGIN IMMEDIATE takes the write
// lock up front, so a writer waits for another writer at BEGIN instead of failing mid-way.
// Begun inside another transaction it is a savepoint: its commit() keeps its changes in
// the outer transaction, which decides whether they are saved.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);

    Transaction(Transaction&& other) noexcept
        : m_db(std::exchange(other.m_db, nullptr)), m_nested(other.m_nested) {}
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();

    Status commit();

private:
    Transaction(Database* db, bool nested) : m_db(db), m_nested(nested) {}
    Database* m_db = nullptr;
    bool m_nested = false;
};

// The Error for a SQLite result code: SQLITE_FULL, or an I/O error whose OS error is
// ENOSPC/EDQUOT/EFBIG, is DiskFull; SQLITE_CORRUPT/NOTADB is Corrupt; other I/O and open
// failures are Io; SQLITE_NOMEM is OutOfMemory; the rest Database.
Error sqliteError(int rc, std::string message, std::string sql, int systemErrno = 0);

// Milliseconds since the Unix epoch: the unit of every timestamp in the store.
std::int64_t nowMs();

}  // namespace lectern::app
