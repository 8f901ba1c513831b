// ThreadPool: generation counter + atomic wait/notify (a futex on Linux). A worker spins on
// the counter for a few microseconds before sleeping, so back-to-back loops in a decode step
// do not pay a wake-up each.
#include "cpu/thread_pool.h"

#include <algorithm>

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define LECTERN_CPU_RELAX() _mm_pause()
#else
#define LECTERN_CPU_RELAX() ((void)0)
#endif

namespace lectern::cpu {
namespace {
// A waiting thread spins ~50 us (a pause is ~26 ns on the Zen 4 Lectern is tuned on) before
// sleeping, and yields its core every few pauses so that when there are more threads than
// free cores the thread being waited for gets to run.
constexpr int kSpinIterations = 2048;
constexpr int kYieldEvery = 64;

void spin_pause(int spins) {
    if (spins % kYieldEvery == kYieldEvery - 1) {
        std::this_thread::yield();
    } else {
        LECTERN_CPU_RELAX();
    }
}
}  // namespace

void split_range(int64_t n, int64_t grain, int parts, int part, int64_t* begin, int64_t* end) {
    grain = std::max<int64_t>(grain, 1);
    const int64_t units = (n + grain - 1) / grain;
    const int64_t per = units / parts, extra = units % parts;
    const int64_t first = part * per + std::min<int64_t>(part, extra);
    const int64_t count = per + (part < extra ? 1 : 0);
    *begin = std::min(n, first * grain);
    *end = std::min(n, (first + count) * grain);
}

ThreadPool::ThreadPool(int n_threads) {
    if (n_threads <= 0) n_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    n_threads_ = n_threads;
    workers_.reserve(static_cast<size_t>(n_threads_ - 1));
    for (int t = 1; t < n_threads_; ++t) workers_.emplace_back([this, t] { worker(t); });
}

ThreadPool::~ThreadPool() {
    stop_.store(true, std::memory_order_release);
    generation_.fetch_add(1, std::memory_order_acq_rel);
    generation_.notify_all();
    for (std::thread& w : workers_) w.join();
}

void ThreadPool::run_part(int thread) {
    int64_t begin, end;
    split_range(n_, grain_, n_threads_, thread, &begin, &end);
    if (begin < end) (*body_)(begin, end, thread);
}

void ThreadPool::parallel_for(int64_t n, const Body& fn, int64_t grain) {
    if (n <= 0) return;
    if (n_threads_ == 1) {
        fn(0, n, 0);
        return;
    }
    body_ = &fn;
    n_ = n;
    grain_ = grain;
    pending_.store(n_threads_ - 1, std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_all();
    run_part(0);
    for (int spins = 0; pending_.load(std::memory_order_acquire) != 0; ++spins) spin_pause(spins);
}

void ThreadPool::worker(int thread) {
    uint64_t seen = 0;
    for (;;) {
        uint64_t g = generation_.load(std::memory_order_acquire);
        for (int spins = 0; g == seen && spins < kSpinIterations; ++spins) {
            spin_pause(spins);
            g = generation_.load(std::memory_order_acquire);
        }
        while (g == seen) {
            generation_.wait(seen, std::memory_order_acquire);
            g = generation_.load(std::memory_order_acquire);
        }
        seen = g;
        if (stop_.load(std::memory_order_acquire)) return;
        run_part(thread);
        pending_.fetch_sub(1, std::memory_order_acq_rel);
    }
}

}  // namespace lectern::cpu
