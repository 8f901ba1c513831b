// SQLite connection, statements and transactions (see database.h).
#include "database.h"

#include <cerrno>
#include <chrono>

#include <sqlite3.h>

namespace lectern::app {
namespace {

// How long a connection waits for another connection's lock before SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 5000;

// SQLite reports most failed writes as SQLITE_IOERR; the OS error says whether the disk
// (or a quota, or the file size limit) was full.
ErrorCode codeFor(int rc, int systemErrno) {
    if ((rc & 0xff) == SQLITE_IOERR &&
        (systemErrno == ENOSPC || systemErrno == EDQUOT || systemErrno == EFBIG)) {
        return ErrorCode::DiskFull;
    }
    switch (rc & 0xff) {
    case SQLITE_FULL: return ErrorCode::DiskFull;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return ErrorCode::Corrupt;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM: return ErrorCode::Io;
    case SQLITE_NOMEM: return ErrorCode::OutOfMemory;
    default: return ErrorCode::Database;
    }
}

}  // namespace

Error sqliteError(int rc, std::string message, std::string sql, int systemErrno) {
    if (message.empty()) message = sqlite3_errstr(rc);
    return make_error(codeFor(rc, systemErrno), "SQLite: " + message, std::move(sql));
}

std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// ---- Statement

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_sql(std::move(other.m_sql)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_sql = std::move(other.m_sql);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Error Statement::lastError(int rc) const {
    sqlite3* db = m_stmt ? sqlite3_db_handle(m_stmt) : nullptr;
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    // errmsg can lag behind for some codes; the extended code is the reliable one.
    int code = db ? sqlite3_extended_errcode(db) : rc;
    if ((code & 0xff) != (rc & 0xff)) code = rc;
    return sqliteError(code, std::move(message), m_sql, db ? sqlite3_system_errno(db) : 0);
}

Status Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) return lastError(rc);
    return {};
}

Status Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK) return lastError(rc);
    return {};
}

Status Statement::bind(int index, std::string_view text) {
    int rc = sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8);
    if (rc != SQLITE_OK) return lastError(rc);
    return {};
}

Status Statement::bind(int index, std::nullptr_t) {
    int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) return lastError(rc);
    return {};
}

Result<bool> Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Error error = lastError(rc);
    sqlite3_reset(m_stmt);
    return error;
}

Status Statement::run() {
    for (;;) {
        auto row = step();
        if (!row) return row.error();
        if (!*row) break;
    }
    sqlite3_reset(m_stmt);
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::columnText(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!text) return {};
    return std::string(text, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::optional<std::int64_t> Statement::columnOptionalInt(int column) const {
    if (columnIsNull(column)) return std::nullopt;
    return columnInt(column);
}

std::optional<double> Statement::columnOptionalDouble(int column) const {
    if (columnIsNull(column)) return std::nullopt;
    return columnDouble(column);
}

// ---- Database

Result<Database> Database::open(const std::string& path) {
    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        int systemErrno = raw ? sqlite3_system_errno(raw) : 0;
        sqlite3_close_v2(raw);
        return sqliteError(rc, "cannot open database: " + message, path, systemErrno);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    Database db(raw, path);
    // journal_mode returns a row; WAL persists in the file once set. synchronous=NORMAL in
    // WAL mode survives a killed process (the WAL is in the OS cache); only a power loss
    // can drop the last commits.
    auto mode = db.prepare("PRAGMA journal_mode=WAL");
    if (!mode) return mode.error();
    auto row = mode->step();
    if (!row) return row.error();
    LECTERN_TRY(db.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"));
    // A file that is not a database fails here, at open, rather than at first use.
    LECTERN_TRY(db.exec("SELECT count(*) FROM sqlite_schema"));
    return db;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database() { sqlite3_close_v2(m_db); }

Status Database::exec(std::string_view sql) {
    std::string text(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string what = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return sqliteError(sqlite3_extended_errcode(m_db), std::move(what), std::move(text),
                           sqlite3_system_errno(m_db));
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqliteError(rc, sqlite3_errmsg(m_db), std::string(sql), sqlite3_system_errno(m_db));
    }
    return Statement(stmt, std::string(sql));
}

std::int64_t Database::lastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }

int Database::changes() const { return sqlite3_changes(m_db); }

// ---- Transaction

Result<Transaction> Transaction::begin(Database& db) {
    bool nested = sqlite3_get_autocommit(db.handle()) == 0;
    LECTERN_TRY(db.exec(nested ? "SAVEPOINT lectern_nested" : "BEGIN IMMEDIATE"));
    return Transaction(&db, nested);
}

Transaction::~Transaction() {
    if (!m_db) return;
    // A failed statement may already have rolled the transaction back (SQLITE_FULL can);
    // ROLLBACK then reports "no transaction is active", which is harmless.
    if (m_nested) {
        (void)m_db->exec("ROLLBACK TO lectern_nested; RELEASE lectern_nested");
    } else {
        (void)m_db->exec("ROLLBACK");
    }
}

Status Transaction::commit() {
    Database* db = std::exchange(m_db, nullptr);
    if (m_nested) return db->exec("RELEASE lectern_nested");
    Status status = db->exec("COMMIT");
    if (!status) (void)db->exec("ROLLBACK");
    return status;
}

}  // namespace lectern::app
