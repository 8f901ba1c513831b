// What a task reports to and polls from whoever runs it: progress by phase, streamed text,
// and the cancel flag the engine checks between layers. jobTaskContext adapts a job runner's
// JobContext, so tasks run on the runner's worker, arrive as JobEvents, and stop when the
// job is cancelled (JobRunner::cancel: a Stop button, or Ctrl-C in the CLI).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>

#include "job_runner.h"

namespace lectern::app {

// The unit a task phase counts in (Extract counts pages or files: callers say which).
constexpr ProgressUnit unitOf(Phase phase) {
    switch (phase) {
        case Phase::LoadModel: return ProgressUnit::Steps;
        case Phase::Extract: return ProgressUnit::Pages;
        case Phase::Prefill:
        case Phase::Decode: return ProgressUnit::Tokens;
        case Phase::Map:
        case Phase::Reduce:
        case Phase::Review: return ProgressUnit::Chunks;
        case Phase::Translate: return ProgressUnit::Segments;
        case Phase::Download: return ProgressUnit::Bytes;
    }
    return ProgressUnit::Steps;
}

struct TaskContext {
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(Phase phase, ProgressUnit unit, std::int64_t done, std::int64_t total)> progress;
    std::function<void(std::string_view text)> token;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(Phase phase, ProgressUnit unit, std::int64_t done, std::int64_t total) const {
        if (progress) progress(phase, unit, done, total);
    }
    void report(Phase phase, std::int64_t done, std::int64_t total) const {
        report(phase, unitOf(phase), done, total);
    }
    void emitText(std::string_view text) const {
        if (token && !text.empty()) token(text);
    }
};

// Progress and tokens go to the job's events; the cancel flag is the job's own.
inline TaskContext jobTaskContext(JobContext& job) {
    TaskContext t;
    t.cancel = job.cancelFlag();
    t.progress = [&job](Phase phase, ProgressUnit unit, std::int64_t done, std::int64_t total) {
        job.progress(phase, unit, done, total);
    };
    t.token = [&job](std::string_view text) { job.token(text); };
    return t;
}

}  // namespace lectern::app
