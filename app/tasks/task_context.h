// What a task reports to and polls from whoever runs it: progress by phase, streamed text,
// and a cancel flag the engine checks between layers. jobTaskContext adapts a job runner's
// JobContext, so tasks run on the runner's worker and arrive as JobEvents.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "job_runner.h"

namespace lectern::app {

struct TaskContext {
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(const std::string& phase, std::int64_t done, std::int64_t total)> progress;
    std::function<void(std::string_view text)> token;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(const std::string& phase, std::int64_t done, std::int64_t total) const {
        if (progress) progress(phase, done, total);
    }
    void emit(std::string_view text) const {
        if (token && !text.empty()) token(text);
    }
};

// Progress and tokens go to the job's events; `cancel` is set together with the job's own
// cancel (the caller sets both, e.g. on SIGINT).
inline TaskContext jobTaskContext(JobContext& job, const std::atomic<bool>* cancel) {
    TaskContext t;
    t.cancel = cancel;
    t.progress = [&job](const std::string& phase, std::int64_t done, std::int64_t total) {
        job.progress(phase, done, total);
    };
    t.token = [&job](std::string_view text) { job.token(text); };
    return t;
}

}  // namespace lectern::app
