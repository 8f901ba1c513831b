// The schema of Lectern's store, as a list of migrations (see migrations.h).
// Never edit a step that has shipped: add a new one.
#include "migrations.h"

#include <string>

namespace lectern::app {
namespace {

// v1: the first schema. Documents and their extracted units, sessions and the documents
// they read, messages, task runs, settings. Timestamps are Unix milliseconds.
constexpr const char* kV1 = R"sql(
CREATE TABLE documents (
    id       INTEGER PRIMARY KEY,
    path     TEXT NOT NULL,
    sha256   TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL,
    title    TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '{}',
    created  INTEGER NOT NULL
);
CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    locator     TEXT NOT NULL,
    text        TEXT NOT NULL,
    tokens      INTEGER,
    UNIQUE (document_id, ordinal)
);
CREATE TABLE sessions (
    id      INTEGER PRIMARY KEY,
    title   TEXT NOT NULL DEFAULT '',
    model   TEXT NOT NULL DEFAULT '',
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL
);
CREATE TABLE session_documents (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    PRIMARY KEY (session_id, document_id)
);
CREATE INDEX session_documents_document ON session_documents(document_id);
CREATE TABLE messages (
    id                INTEGER PRIMARY KEY,
    session_id        INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role              TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    text              TEXT NOT NULL,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    status            TEXT NOT NULL CHECK (status IN ('complete', 'stopped', 'failed')),
    created           INTEGER NOT NULL
);
CREATE INDEX messages_session ON messages(session_id, id);
CREATE TABLE task_runs (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    params     TEXT NOT NULL DEFAULT '{}',
    status     TEXT NOT NULL,
    checkpoint TEXT NOT NULL DEFAULT '{}',
    updated    INTEGER NOT NULL
);
CREATE INDEX task_runs_session ON task_runs(session_id);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql";

// v2: generation metrics and streamed messages. A message being generated is 'streaming'
// and names its writer process, so the next open can tell an abandoned one (the process
// died) and mark it 'stopped'. Changing the CHECK constraint needs a table rebuild.
constexpr const char* kV2 = R"sql(
CREATE TABLE messages_v2 (
    id                INTEGER PRIMARY KEY,
    session_id        INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role              TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    text              TEXT NOT NULL,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    prefill_ms        REAL,
    tokens_per_s      REAL,
    status            TEXT NOT NULL
                      CHECK (status IN ('complete', 'stopped', 'failed', 'streaming')),
    writer            TEXT,
    created           INTEGER NOT NULL,
    updated           INTEGER NOT NULL
);
INSERT INTO messages_v2 (id, session_id, role, text, prompt_tokens, completion_tokens,
                         status, created, updated)
    SELECT id, session_id, role, text, prompt_tokens, completion_tokens, status, created,
           created
    FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v2 RENAME TO messages;
CREATE INDEX messages_session ON messages(session_id, id);
CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

ALTER TABLE task_runs ADD COLUMN writer TEXT;
ALTER TABLE task_runs ADD COLUMN created INTEGER NOT NULL DEFAULT 0;
UPDATE task_runs SET created = updated;
)sql";

// v3: full-text search (FTS5) over messages and document units. The indexes read their
// text from the tables (external content) and triggers keep them in step.
constexpr const char* kV3 = R"sql(
CREATE VIRTUAL TABLE messages_fts USING fts5(
    text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE units_fts USING fts5(
    text, content='units', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER units_fts_insert AFTER INSERT ON units BEGIN
    INSERT INTO units_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER units_fts_delete AFTER DELETE ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER units_fts_update AFTER UPDATE OF text ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO units_fts(rowid, text) VALUES (new.id, new.text);
END;

INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
INSERT INTO units_fts(units_fts) VALUES ('rebuild');
)sql";

// v4: the version of the reader that extracted a document's units. A document read by an
// older reader (before page verdicts, before office formats) is read again when added again.
constexpr const char* kV4 = R"sql(
ALTER TABLE documents ADD COLUMN reader_version INTEGER NOT NULL DEFAULT 0;
)sql";

// v5: a guard model's verdict on a message (JSON: verdict, categories, the model's output;
// NULL when the message was not screened).
constexpr const char* kV5 = R"sql(
ALTER TABLE messages ADD COLUMN guard TEXT;
)sql";

constexpr Migration kMigrations[] = {
    {1, "base tables", kV1},
    {2, "message metrics and streaming", kV2, true},
    {3, "full-text search", kV3},
    {4, "reader version of documents", kV4},
    {5, "guard verdicts of messages", kV5},
};

Status applyStep(Database& db, const Migration& step) {
    auto tx = Transaction::begin(db);
    if (!tx) return tx.error();
    // Another connection may have applied this step while we waited for the write lock.
    auto current = schemaVersion(db);
    if (!current) return current.error();
    if (*current >= step.version) return tx->commit();

    LECTERN_TRY(db.exec(step.sql));
    if (step.rebuildsTables) {
        auto violation = db.query("PRAGMA foreign_key_check");
        if (!violation) return violation.error();
        auto row = violation->step();
        if (!row) return row.error();
        if (*row) {
            return make_error(ErrorCode::Corrupt, "foreign key violation after migration",
                              "table " + violation->columnText(0));
        }
    }
    LECTERN_TRY(db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                        "applied INTEGER NOT NULL)"));
    LECTERN_TRY(db.execute("INSERT INTO schema_migrations (version, name, applied) "
                           "VALUES (?, ?, ?)",
                           step.version, step.name, nowMs()));
    LECTERN_TRY(db.exec("PRAGMA user_version = " + std::to_string(step.version)));
    return tx->commit();
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latestSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

Result<int> schemaVersion(Database& db) {
    auto version = db.queryInt("PRAGMA user_version");
    if (!version) return version.error();
    return static_cast<int>(*version);
}

Status migrate(Database& db, int target) {
    if (target < 0) target = latestSchemaVersion();
    if (target > latestSchemaVersion()) {
        return make_error(ErrorCode::InvalidArgument, "no such schema version",
                          std::to_string(target));
    }
    auto current = schemaVersion(db);
    if (!current) return current.error();
    if (*current > latestSchemaVersion()) {
        return make_error(ErrorCode::Unsupported,
                          "the database was written by a newer Lectern (schema version " +
                              std::to_string(*current) + ", this build knows up to " +
                              std::to_string(latestSchemaVersion()) + ")",
                          db.path());
    }
    for (const Migration& step : kMigrations) {
        if (step.version <= *current || step.version > target) continue;
        // foreign_keys cannot change inside a transaction, so it is switched around it.
        if (step.rebuildsTables) LECTERN_TRY(db.exec("PRAGMA foreign_keys=OFF"));
        Status status = applyStep(db, step);
        if (step.rebuildsTables) LECTERN_TRY(db.exec("PRAGMA foreign_keys=ON"));
        if (!status) {
            Error error = status.error();
            error.message = "migration to schema version " + std::to_string(step.version) +
                            " (" + step.name + ") failed: " + error.message;
            return error;
        }
    }
    return {};
}

}  // namespace lectern::app
