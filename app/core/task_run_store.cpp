// TaskRunStore: the task_runs table (see task_run_store.h).
#include "task_run_store.h"

#include "abandoned_work.h"
#include "process_identity.h"

namespace lectern::app {
namespace {

constexpr const char* kSelectRun =
    "SELECT id, session_id, kind, params, status, checkpoint, created, updated FROM task_runs";

Result<TaskRunRecord> readRun(const Statement& row) {
    auto status = parseTaskRunStatus(row.columnText(4));
    if (!status) return status.error();
    return TaskRunRecord{row.columnInt(0),  row.columnInt(1), row.columnText(2),
                         row.columnText(3), *status,          row.columnText(5),
                         row.columnInt(6),  row.columnInt(7)};
}

// The first row of a query of runs, if any.
Result<std::optional<TaskRunRecord>> firstRun(Result<Statement> stmt) {
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<TaskRunRecord>();
    auto run = readRun(*stmt);
    if (!run) return run.error();
    return std::optional<TaskRunRecord>(std::move(*run));
}

}  // namespace

const char* taskRunStatusName(TaskRunStatus status) {
    switch (status) {
    case TaskRunStatus::Running: return "running";
    case TaskRunStatus::Stopped: return "stopped";
    case TaskRunStatus::Complete: return "complete";
    case TaskRunStatus::Failed: return "failed";
    }
    return "failed";
}

Result<TaskRunStatus> parseTaskRunStatus(const std::string& name) {
    for (TaskRunStatus status : {TaskRunStatus::Running, TaskRunStatus::Stopped,
                                 TaskRunStatus::Complete, TaskRunStatus::Failed}) {
        if (name == taskRunStatusName(status)) return status;
    }
    return make_error(ErrorCode::Corrupt, "unknown task run status", name);
}

Result<std::int64_t> TaskRunStore::start(std::int64_t sessionId, const std::string& kind,
                                         const std::string& params) {
    std::int64_t now = nowMs();
    LECTERN_TRY(m_db.execute(
        "INSERT INTO task_runs (session_id, kind, params, status, checkpoint, writer, created, "
        "updated) VALUES (?, ?, ?, 'running', '{}', ?, ?, ?)",
        sessionId, kind, params, currentWriterToken(), now, now));
    return m_db.lastInsertRowid();
}

Status TaskRunStore::saveCheckpoint(std::int64_t id, const std::string& checkpoint) {
    LECTERN_TRY(m_db.execute("UPDATE task_runs SET checkpoint = ?, updated = ? WHERE id = ?",
                             checkpoint, nowMs(), id));
    return requireChanged(id);
}

Status TaskRunStore::finish(std::int64_t id, TaskRunStatus status) {
    LECTERN_TRY(m_db.execute(
        "UPDATE task_runs SET status = ?, writer = NULL, updated = ? WHERE id = ?",
        taskRunStatusName(status), nowMs(), id));
    return requireChanged(id);
}

Status TaskRunStore::resume(std::int64_t id) {
    LECTERN_TRY(m_db.execute(
        "UPDATE task_runs SET status = 'running', writer = ?, updated = ? "
        "WHERE id = ? AND status IN ('stopped', 'failed')",
        currentWriterToken(), nowMs(), id));
    if (m_db.changes() == 0) {
        return make_error(ErrorCode::InvalidArgument, "the task run is not stopped or failed",
                          "task run " + std::to_string(id));
    }
    return {};
}

Result<TaskRunRecord> TaskRunStore::get(std::int64_t id) {
    auto stmt = m_db.query(std::string(kSelectRun) + " WHERE id = ?", id);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return make_error(ErrorCode::NotFound, "no such task run", std::to_string(id));
    return readRun(*stmt);
}

Result<std::vector<TaskRunRecord>> TaskRunStore::list(std::int64_t sessionId) {
    auto stmt = m_db.query(std::string(kSelectRun) + " WHERE session_id = ? ORDER BY id",
                           sessionId);
    if (!stmt) return stmt.error();
    std::vector<TaskRunRecord> runs;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        auto run = readRun(*stmt);
        if (!run) return run.error();
        runs.push_back(std::move(*run));
    }
    return runs;
}

Result<std::optional<TaskRunRecord>> TaskRunStore::latestUnfinished(std::int64_t sessionId,
                                                                    const std::string& kind) {
    return firstRun(m_db.query(std::string(kSelectRun) +
                                   " WHERE session_id = ? AND kind = ? AND status <> 'complete' "
                                   "ORDER BY id DESC LIMIT 1",
                               sessionId, kind));
}

Result<std::optional<TaskRunRecord>> TaskRunStore::latestResumable(const std::string& kind,
                                                                   const std::string& params) {
    return firstRun(m_db.query(std::string(kSelectRun) +
                                   " WHERE kind = ? AND params = ? AND status IN ('stopped', 'failed') "
                                   "ORDER BY id DESC LIMIT 1",
                               kind, params));
}

Result<int> TaskRunStore::recoverAbandoned() {
    return stopAbandonedRows(m_db, "task_runs", "running");
}

Status TaskRunStore::requireChanged(std::int64_t id) {
    if (m_db.changes() == 0) {
        return make_error(ErrorCode::NotFound, "no such task run", std::to_string(id));
    }
    return {};
}

}  // namespace lectern::app
