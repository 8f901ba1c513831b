// The store: one SQLite database holding documents, sessions, messages, task runs and
// settings. open() creates the file and its folder if needed, upgrades an older schema in
// place and marks work abandoned by a dead process as stopped. The per-table classes
// returned by the accessors borrow the store's connection: use them from the thread that
// uses the Store (open a second Store for another thread).
#pragma once

#include <filesystem>
#include <memory>

#include "database.h"
#include "document_store.h"
#include "message_store.h"
#include "message_stream.h"
#include "search_index.h"
#include "session_store.h"
#include "settings_store.h"
#include "task_run_store.h"

namespace lectern::app {

struct Recovery {
    int stoppedMessages = 0;  // 'streaming' replies whose process died
    int stoppedTaskRuns = 0;  // 'running' task runs whose process died
};

class Store {
public:
    static Result<Store> open(const std::filesystem::path& path);
    // The default location (paths.h: $LECTERN_DATA_DIR, XDG data folder).
    static Result<Store> openDefault();

    Database& database() { return *m_db; }
    const Recovery& recovery() const { return m_recovery; }

    DocumentStore documents() { return DocumentStore(*m_db); }
    SessionStore sessions() { return SessionStore(*m_db); }
    MessageStore messages() { return MessageStore(*m_db); }
    TaskRunStore taskRuns() { return TaskRunStore(*m_db); }
    SettingsStore settings() { return SettingsStore(*m_db); }
    SearchIndex searchIndex() { return SearchIndex(*m_db); }

private:
    explicit Store(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

    // On the heap so the per-table classes' references survive moving the Store.
    std::unique_ptr<Database> m_db;
    Recovery m_recovery;
};

}  // namespace lectern::app
