// Job events from the core's worker thread to handlers on the UI thread (see core_bridge.h).
#include "core_bridge.h"

#include <QDir>
#include <QMetaObject>
#include <QStandardPaths>

namespace lectern::ui {
namespace {

// Folds the streamed text of consecutive token events of one job into one event.
void appendCoalesced(std::vector<app::JobEvent>& out, app::JobEvent event) {
    if (!out.empty() && out.back().job == event.job) {
        auto* last = std::get_if<app::JobToken>(&out.back().payload);
        const auto* next = std::get_if<app::JobToken>(&event.payload);
        if (last && next) {
            last->text += next->text;
            return;
        }
        // Only the newest progress of a phase matters to the window.
        auto* lastProgress = std::get_if<app::JobProgress>(&out.back().payload);
        const auto* nextProgress = std::get_if<app::JobProgress>(&event.payload);
        if (lastProgress && nextProgress && lastProgress->phase == nextProgress->phase) {
            *lastProgress = *nextProgress;
            return;
        }
    }
    out.push_back(std::move(event));
}

QString envFolder(const char* variable, QStandardPaths::StandardLocation location) {
    const QByteArray set = qgetenv(variable);
    if (!set.isEmpty()) return QString::fromLocal8Bit(set);
    return QStandardPaths::writableLocation(location) + QStringLiteral("/lectern");
}

}  // namespace

QString dataFolder() { return envFolder("LECTERN_DATA_DIR", QStandardPaths::GenericDataLocation); }
QString cacheFolder() { return envFolder("LECTERN_CACHE_DIR", QStandardPaths::GenericCacheLocation); }

Result<std::unique_ptr<CoreBridge>> CoreBridge::open(const QString& database, const QString& snapshotDir) {
    std::unique_ptr<CoreBridge> bridge(new CoreBridge());
    QDir().mkpath(QFileInfo(database).absolutePath());
    app::AppCoreOptions options;
    options.database = database.toStdString();
    options.snapshotDir = snapshotDir.toStdString();
    CoreBridge* raw = bridge.get();
    options.listener = [raw](const app::JobEvent& event) { raw->post(event); };
    auto core = app::AppCore::open(std::move(options));
    if (!core) return core.error();
    bridge->m_core = std::move(core.value());
    return bridge;
}

CoreBridge::~CoreBridge() {
    m_core.reset();  // cancels the jobs and joins the worker while the queue still exists
}

app::JobId CoreBridge::watch(app::JobId id, JobHandler handler) {
    m_handlers[id] = std::move(handler);
    emit jobsChanged();
    return id;
}

void CoreBridge::post(const app::JobEvent& event) {
    std::lock_guard lock(m_mutex);
    m_pending.push_back(event);
    if (m_scheduled) return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &CoreBridge::deliver, Qt::QueuedConnection);
}

void CoreBridge::deliver() {
    std::vector<app::JobEvent> batch;
    {
        std::lock_guard lock(m_mutex);
        m_scheduled = false;
        for (auto& e : m_pending) appendCoalesced(batch, std::move(e));
        m_pending.clear();
    }
    bool ended = false;
    for (const auto& event : batch) {
        auto it = m_handlers.find(event.job);
        if (it == m_handlers.end()) continue;
        // The handler may watch new jobs (changing the map): call a copy.
        JobHandler handler = it->second;
        if (event.isFinal()) {
            m_handlers.erase(it);
            ended = true;
        }
        handler(event);
    }
    if (ended) emit jobsChanged();
}

}  // namespace lectern::ui
