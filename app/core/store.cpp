// Store: opening, upgrading and recovering Lectern's database (see store.h).
#include "store.h"

#include "migrations.h"
#include "paths.h"

namespace lectern::app {

Result<Store> Store::open(const std::filesystem::path& path) {
    if (path.has_parent_path()) LECTERN_TRY(ensureDirectory(path.parent_path()));
    auto db = Database::open(path.string());
    if (!db) return db.error();
    LECTERN_TRY(migrate(*db));
    Store store(std::make_unique<Database>(std::move(*db)));
    auto messages = store.messages().recoverAbandoned();
    if (!messages) return messages.error();
    auto runs = store.taskRuns().recoverAbandoned();
    if (!runs) return runs.error();
    store.m_recovery = Recovery{*messages, *runs};
    return store;
}

Result<Store> Store::openDefault() {
    auto path = defaultDatabasePath();
    if (!path) return path.error();
    return open(*path);
}

}  // namespace lectern::app
