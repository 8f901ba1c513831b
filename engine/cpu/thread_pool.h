// A fixed set of worker threads for the CPU backend's fork-join loops. parallel_for splits a
// range into one contiguous part per thread (the caller runs part 0), so which thread
// computes which index depends only on n and the thread count. Workers spin briefly waiting
// for work (decode issues hundreds of short loops per token), then sleep. No allocation per
// call. One caller at a time: parallel_for is not reentrant and not thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace lectern::cpu {

class ThreadPool {
public:
    // fn(begin, end, thread): process [begin, end); thread in [0, n_threads()).
    using Body = std::function<void(int64_t begin, int64_t end, int thread)>;

    // n_threads <= 0: one per hardware thread.
    explicit ThreadPool(int n_threads = 0);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int n_threads() const { return n_threads_; }

    // Runs fn over [0, n) split into n_threads() contiguous parts whose bounds are
    // multiples of `grain` (except the end); returns when all parts are done. Parts may be
    // empty (fn is not called for them).
    void parallel_for(int64_t n, const Body& fn, int64_t grain = 1);

private:
    void worker(int thread);
    void run_part(int thread);

    int n_threads_ = 1;
    std::vector<std::thread> workers_;
    const Body* body_ = nullptr;
    int64_t n_ = 0;
    int64_t grain_ = 1;
    std::atomic<uint64_t> generation_{0};
    std::atomic<int> pending_{0};
    std::atomic<bool> stop_{false};
};

// Bounds of part `part` of `parts` when [0, n) is split into chunks of whole grains.
void split_range(int64_t n, int64_t grain, int parts, int part, int64_t* begin, int64_t* end);

}  // namespace lectern::cpu
