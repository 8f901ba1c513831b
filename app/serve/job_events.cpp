// JobEventRouter (see job_events.h).
#include "job_events.h"

namespace lectern::app::serve {

void JobEventRouter::deliver(const JobEvent& event) {
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_forgotten.find(event.job); it != m_forgotten.end()) {
            if (event.isFinal()) m_forgotten.erase(it);
            return;
        }
        m_queues[event.job].push_back(event);
    }
    m_arrived.notify_all();
}

std::optional<JobEvent> JobEventRouter::next(JobId job, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    const auto ready = [&] {
        auto it = m_queues.find(job);
        return it != m_queues.end() && !it->second.empty();
    };
    if (!m_arrived.wait_for(lock, timeout, ready)) return std::nullopt;
    auto it = m_queues.find(job);
    JobEvent e = std::move(it->second.front());
    it->second.pop_front();
    if (e.isFinal()) m_queues.erase(it);
    return e;
}

void JobEventRouter::forget(JobId job) {
    std::lock_guard lock(m_mutex);
    auto it = m_queues.find(job);
    bool ended = false;
    if (it != m_queues.end()) {
        for (const JobEvent& e : it->second) ended = ended || e.isFinal();
        m_queues.erase(it);
    }
    if (!ended) m_forgotten.insert(job);
}

std::size_t JobEventRouter::held() const {
    std::lock_guard lock(m_mutex);
    return m_queues.size() + m_forgotten.size();
}

}  // namespace lectern::app::serve
