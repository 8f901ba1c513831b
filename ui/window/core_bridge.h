// CoreBridge: the window's handle on the application core. It opens AppCore with the
// window's data folders and brings every job event from the core's worker thread to the UI
// thread, where the handler given for that job runs. Events are queued on the worker and
// taken in one batch per event-loop pass; a batch's streamed text for one job arrives as one
// event (and its progress as the newest), so a fast answer costs the UI one update per pass,
// not one per token.
#pragma once

#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "app_core.h"

namespace lectern::ui {

using JobHandler = std::function<void(const app::JobEvent& event)>;

class CoreBridge : public QObject {
    Q_OBJECT
public:
    // Opens the core on `database` (its snapshots in `snapshotDir`). Errors: those of
    // AppCore::open (a database that cannot be opened or migrated).
    static Result<std::unique_ptr<CoreBridge>> open(const QString& database, const QString& snapshotDir);
    ~CoreBridge() override;

    app::AppCore& core() { return *m_core; }
    // Calls `handler` on the UI thread with each event of job `id` (the last one ends it).
    app::JobId watch(app::JobId id, JobHandler handler);
    bool busy() const { return !m_handlers.empty(); }

signals:
    void jobsChanged();  // a job was watched or has ended

private:
    CoreBridge() = default;
    void post(const app::JobEvent& event);  // worker thread
    void deliver();                         // UI thread

    std::mutex m_mutex;
    std::deque<app::JobEvent> m_pending;
    bool m_scheduled = false;
    std::map<app::JobId, JobHandler> m_handlers;
    // Last: destroyed first, so the worker stops before what it posts to goes.
    std::unique_ptr<app::AppCore> m_core;
};

// Where the window keeps its database and caches: $LECTERN_DATA_DIR / $LECTERN_CACHE_DIR
// when set, else "lectern" in the generic data and cache locations (the same folders
// lectern-cli uses; QStandardPaths' test mode redirects them for tests).
QString dataFolder();
QString cacheFolder();

}  // namespace lectern::ui
