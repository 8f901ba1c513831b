// JobRunner, JobContext and JobEventQueue (see job_runner.h).
#include "job_runner.h"

#include <exception>

namespace lectern::app {

const char* phaseName(Phase phase) {
    switch (phase) {
        case Phase::LoadModel: return "load";
        case Phase::Extract: return "extract";
        case Phase::Prefill: return "prefill";
        case Phase::Decode: return "decode";
        case Phase::Map: return "map";
        case Phase::Reduce: return "reduce";
        case Phase::Review: return "review";
        case Phase::Translate: return "translate";
        case Phase::Download: return "download";
    }
    return "?";
}

const char* unitName(ProgressUnit unit) {
    switch (unit) {
        case ProgressUnit::Steps: return "steps";
        case ProgressUnit::Pages: return "pages";
        case ProgressUnit::Files: return "files";
        case ProgressUnit::Tokens: return "tokens";
        case ProgressUnit::Chunks: return "chunks";
        case ProgressUnit::Segments: return "segments";
        case ProgressUnit::Bytes: return "bytes";
    }
    return "?";
}

// ---- JobContext

JobContext::JobContext(JobId id, std::shared_ptr<std::atomic<bool>> cancelFlag,
                       const JobListener& listener)
    : m_id(id),
      m_cancelFlag(std::move(cancelFlag)),
      m_listener(listener),
      m_phaseStart(std::chrono::steady_clock::now()) {}

Status JobContext::checkCancelled() const {
    if (cancelled()) return make_error(ErrorCode::Cancelled, "cancelled");
    return {};
}

void JobContext::progress(Phase phase, ProgressUnit unit, std::int64_t done, std::int64_t total) {
    auto now = std::chrono::steady_clock::now();
    if (phase != m_phase || unit != m_unit || done < m_lastDone) {
        m_phase = phase;
        m_unit = unit;
        m_phaseStart = now;
    }
    m_lastDone = done;
    std::optional<double> eta;
    if (done > 0 && total >= done) {
        double elapsed = std::chrono::duration<double>(now - m_phaseStart).count();
        eta = elapsed * static_cast<double>(total - done) / static_cast<double>(done);
    }
    m_listener(JobEvent{m_id, JobProgress{phase, unit, done, total, eta}});
}

void JobContext::token(std::string_view text) {
    m_partial.append(text);
    m_listener(JobEvent{m_id, JobToken{std::string(text)}});
}

// ---- JobRunner

JobRunner::JobRunner(JobListener listener)
    : m_listener(std::move(listener)), m_worker([this] { workerLoop(); }) {}

JobRunner::~JobRunner() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (auto& [id, flag] : m_flags) flag->store(true);
    }
    m_wake.notify_all();
    m_worker.join();
}

JobId JobRunner::submit(Job job) {
    JobId id;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
        auto flag = std::make_shared<std::atomic<bool>>(false);
        m_flags.emplace(id, flag);
        m_queue.push_back(Pending{id, std::move(job), std::move(flag)});
    }
    m_wake.notify_one();
    return id;
}

void JobRunner::cancel(JobId id) {
    std::lock_guard lock(m_mutex);
    auto it = m_flags.find(id);
    if (it != m_flags.end()) it->second->store(true);
}

void JobRunner::cancelAll() {
    std::lock_guard lock(m_mutex);
    for (auto& [id, flag] : m_flags) flag->store(true);
}

void JobRunner::waitIdle() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_running; });
}

void JobRunner::workerLoop() {
    for (;;) {
        Pending pending;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            // Jobs still queued at destruction end as cancelled, so each gets a final event.
            if (m_queue.empty()) return;
            pending = std::move(m_queue.front());
            m_queue.pop_front();
            m_running = true;
        }
        runOne(pending);
        {
            std::lock_guard lock(m_mutex);
            m_flags.erase(pending.id);
            m_running = false;
        }
        m_idle.notify_all();
    }
}

void JobRunner::runOne(Pending& pending) {
    if (pending.cancelFlag->load()) {
        m_listener(JobEvent{pending.id, JobCancelled{}});
        return;
    }
    JobContext context(pending.id, pending.cancelFlag, m_listener);
    // A job that throws must not take the worker thread (and the application) down.
    Result<std::any> result = make_error(ErrorCode::Internal, "the job did not run");
    try {
        result = pending.job(context);
    } catch (const std::exception& e) {
        result = make_error(ErrorCode::Internal, std::string("the job threw: ") + e.what());
    } catch (...) {
        result = make_error(ErrorCode::Internal, "the job threw an exception that is not a std::exception");
    }
    if (result) {
        m_listener(JobEvent{pending.id, JobFinished{std::move(*result)}});
    } else if (result.error().code == ErrorCode::Cancelled) {
        m_listener(JobEvent{pending.id, JobCancelled{context.partial()}});
    } else {
        m_listener(JobEvent{pending.id, JobFailed{result.error(), context.partial()}});
    }
}

// ---- JobEventQueue

JobListener JobEventQueue::listener() {
    return [this](const JobEvent& event) { push(event); };
}

void JobEventQueue::push(JobEvent event) {
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
    }
    m_ready.notify_one();
}

std::optional<JobEvent> JobEventQueue::pop(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    if (!m_ready.wait_for(lock, timeout, [this] { return !m_events.empty(); })) {
        return std::nullopt;
    }
    JobEvent event = std::move(m_events.front());
    m_events.pop_front();
    return event;
}

std::vector<JobEvent> JobEventQueue::drain() {
    std::lock_guard lock(m_mutex);
    std::vector<JobEvent> events(std::make_move_iterator(m_events.begin()),
                                 std::make_move_iterator(m_events.end()));
    m_events.clear();
    return events;
}

}  // namespace lectern::app
