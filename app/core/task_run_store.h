// Task runs: one Summarize/Ask/Review/Translate job over a session, with its parameters
// and a checkpoint (JSON) saved as it goes, so a run that was stopped, failed or whose
// process died resumes where it stopped (Translate saves one after each segment).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "database.h"

namespace lectern::app {

enum class TaskRunStatus { Running, Stopped, Complete, Failed };

const char* taskRunStatusName(TaskRunStatus status);
Result<TaskRunStatus> parseTaskRunStatus(const std::string& name);

struct TaskRunRecord {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    std::string kind;               // "summarize", "ask", "review", "translate"
    std::string params = "{}";      // JSON object
    TaskRunStatus status = TaskRunStatus::Running;
    std::string checkpoint = "{}";  // JSON object, the task's own format
    std::int64_t created = 0;       // Unix ms
    std::int64_t updated = 0;
};

class TaskRunStore {
public:
    explicit TaskRunStore(Database& db) : m_db(db) {}

    // Records a run that this process is starting.
    Result<std::int64_t> start(std::int64_t sessionId, const std::string& kind,
                               const std::string& params);
    // Replaces the checkpoint in its own transaction.
    Status saveCheckpoint(std::int64_t id, const std::string& checkpoint);
    Status finish(std::int64_t id, TaskRunStatus status);
    // Takes over a stopped or failed run to continue it from its checkpoint.
    Status resume(std::int64_t id);
    Result<TaskRunRecord> get(std::int64_t id);
    Result<std::vector<TaskRunRecord>> list(std::int64_t sessionId);
    // The latest run of `kind` in a session that did not complete, if any.
    Result<std::optional<TaskRunRecord>> latestUnfinished(std::int64_t sessionId,
                                                          const std::string& kind);
    // The latest stopped or failed run of `kind`, in any session, whose parameters are exactly
    // `params`: the run a task with those parameters takes over to continue it.
    Result<std::optional<TaskRunRecord>> latestResumable(const std::string& kind,
                                                         const std::string& params);
    // Marks 'stopped' every 'running' run whose process has ended; returns how many.
    Result<int> recoverAbandoned();

private:
    Status requireChanged(std::int64_t id);

    Database& m_db;
};

}  // namespace lectern::app
