// The facade calls one listener for every job's events, on its worker thread; the server has
// a request thread waiting on each of its jobs. The router keeps each job's events in its
// own queue until that thread takes them, and drops those of a job whose request has gone.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "job_runner.h"

namespace lectern::app::serve {

class JobEventRouter {
public:
    // The facade's listener (AppCoreOptions::listener).
    void deliver(const JobEvent& event);
    // The next event of `job`, waiting up to `timeout`; nothing when none came.
    std::optional<JobEvent> next(JobId job, std::chrono::milliseconds timeout);
    // Nobody will take `job`'s events any more: those queued and those to come are dropped.
    // For a job whose final event was not taken (a request that ended early).
    void forget(JobId job);
    // Jobs whose events are held (for tests: a finished request leaves none).
    std::size_t held() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::map<JobId, std::deque<JobEvent>> m_queues;
    std::set<JobId> m_forgotten;  // until their final event
};

}  // namespace lectern::app::serve
