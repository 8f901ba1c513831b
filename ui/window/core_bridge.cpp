// Job events from the core's worker thread to handlers on the UI thread (see core_bridge.h).
#include "core_bridge.h"

#include <QDir>
#include <QMetaObject>
#include <QStandardPaths>

namespace lectern::ui {
namespace {

// Folds a batch: each job's streamed text into one token event (where its first piece was)
// and each job's progress into the newest one per phase, so a fast answer costs the UI one
// update per batch. Final events stay last for their job.
std::vector<app::JobEvent> coalesce(std::deque<app::JobEvent>& pending) {
    std::vector<app::JobEvent> out;
    std::map<app::JobId, std::size_t> textAt;
    std::map<std::pair<app::JobId, int>, std::size_t> progressAt;
    for (auto& e : pending) {
        if (const auto* t = std::get_if<app::JobToken>(&e.payload)) {
            auto [it, fresh] = textAt.try_emplace(e.job, out.size());
            if (!fresh) {
                std::get<app::JobToken>(out[it->second].payload).text += t->text;
                continue;
            }
        } else if (const auto* p = std::get_if<app::JobProgress>(&e.payload)) {
            auto [it, fresh] = progressAt.try_emplace({e.job, static_cast<int>(p->phase)}, out.size());
            if (!fresh) {
                out[it->second].payload = *p;
                continue;
            }
        }
        out.push_back(std::move(e));
    }
    return out;
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
        batch = coalesce(m_pending);
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
