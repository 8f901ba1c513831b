// The job runner: one worker thread runs queued jobs (the worker is the only thread that
// touches the engine). A job reports progress and tokens through its JobContext; the
// runner turns them, and the job's end, into JobEvents for a listener. The listener is
// called on the worker thread: the UI marshals events to its own thread, the CLI and
// tests collect them in a JobEventQueue. cancel() sets the job's flag, which the job hands
// down to the engine (JobContext::cancelFlag): the forward pass checks it between layers. A
// job that returns Cancelled ends with JobCancelled carrying the text it had produced so
// far. A job's result is a typed value (std::any): the facade (app_core.h) says which type
// each of its jobs finishes with.
#pragma once

#include <any>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::app {

using JobId = std::uint64_t;

// What a job is doing, and in what unit its done/total count.
enum class Phase {
    LoadModel,  // steps: tokenizer, weights, backend, KV cache
    Extract,    // pages of a PDF, files of a folder (the unit says which)
    Prefill,    // prompt tokens
    Decode,     // generated tokens (total: the most the answer may have)
    Map,        // chunks summarized (map-reduce)
    Reduce,     // rounds of combining part summaries
    Review,     // chunks of code reviewed
    Translate,  // segments translated
    Download,   // bytes of a model's files fetched from the Hub
};
enum class ProgressUnit { Steps, Pages, Files, Tokens, Chunks, Segments, Bytes };

const char* phaseName(Phase phase);        // "prefill", "decode", ...
const char* unitName(ProgressUnit unit);   // "pages", "tokens", ...

struct JobProgress {
    Phase phase = Phase::Prefill;
    ProgressUnit unit = ProgressUnit::Tokens;
    std::int64_t done = 0;
    std::int64_t total = 0;
    std::optional<double> etaSeconds;  // from the rate so far in this phase
};
struct JobToken {
    std::string text;
};
struct JobFinished {
    std::any value;  // the job's typed result
};
struct JobFailed {
    Error error;
    std::string partial;  // the tokens produced before the failure
};
struct JobCancelled {
    std::string partial;  // the tokens produced before the job stopped
};

struct JobEvent {
    JobId job = 0;
    std::variant<JobProgress, JobToken, JobFinished, JobFailed, JobCancelled> payload;
    // Finished, Failed and Cancelled are a job's last event.
    bool isFinal() const { return payload.index() >= 2; }
};

// The result of a finished job as T, or null when the event is not a JobFinished holding a T.
template <class T>
const T* finishedValue(const JobEvent& event) {
    const auto* f = std::get_if<JobFinished>(&event.payload);
    return f ? std::any_cast<T>(&f->value) : nullptr;
}

using JobListener = std::function<void(const JobEvent&)>;

class JobContext {
public:
    JobContext(JobId id, std::shared_ptr<std::atomic<bool>> cancelFlag,
               const JobListener& listener);

    JobId id() const { return m_id; }
    bool cancelled() const { return m_cancelFlag->load(std::memory_order_relaxed); }
    // The flag JobRunner::cancel sets: what the engine's per-layer check reads.
    const std::atomic<bool>* cancelFlag() const { return m_cancelFlag.get(); }
    // A Cancelled error when cancel() was called, for `LECTERN_TRY(ctx.checkCancelled())`.
    Status checkCancelled() const;

    // A new phase or unit, or a count that went back, restarts the ETA clock.
    void progress(Phase phase, ProgressUnit unit, std::int64_t done, std::int64_t total);
    // Emits generated text and keeps it as the partial result.
    void token(std::string_view text);
    const std::string& partial() const { return m_partial; }

private:
    JobId m_id;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    const JobListener& m_listener;
    std::string m_partial;
    std::optional<Phase> m_phase;
    ProgressUnit m_unit = ProgressUnit::Steps;
    std::int64_t m_lastDone = 0;
    std::chrono::steady_clock::time_point m_phaseStart;
};

// A job returns its result, or an Error (ErrorCode::Cancelled when it stopped because
// cancelled() became true).
using Job = std::function<Result<std::any>(JobContext&)>;

class JobRunner {
public:
    explicit JobRunner(JobListener listener);
    // Cancels every job and waits for the running one to return.
    ~JobRunner();
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    JobId submit(Job job);
    // Asks a queued or running job to stop; unknown or finished ids are ignored. A queued
    // job ends with JobCancelled without running.
    void cancel(JobId id);
    void cancelAll();
    // Blocks until no job is queued or running.
    void waitIdle();

private:
    struct Pending {
        JobId id;
        Job job;
        std::shared_ptr<std::atomic<bool>> cancelFlag;
    };

    void workerLoop();
    void runOne(Pending& pending);

    JobListener m_listener;
    std::mutex m_mutex;
    std::condition_variable m_wake;  // a job was queued, or stopping
    std::condition_variable m_idle;  // the queue drained
    std::deque<Pending> m_queue;
    std::map<JobId, std::shared_ptr<std::atomic<bool>>> m_flags;  // queued and running
    bool m_running = false;
    bool m_stopping = false;
    JobId m_nextId = 1;
    std::thread m_worker;
};

// A thread-safe queue of events: listener() feeds it from the worker, and another thread
// takes the events in order.
class JobEventQueue {
public:
    JobListener listener();
    void push(JobEvent event);
    // The next event, or nothing when `timeout` passes first.
    std::optional<JobEvent> pop(std::chrono::milliseconds timeout);
    std::vector<JobEvent> drain();

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<JobEvent> m_events;
};

}  // namespace lectern::app
