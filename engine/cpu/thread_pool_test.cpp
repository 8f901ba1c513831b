// ThreadPool: every index is visited exactly once, parts follow the grain, the thread ids
// are in range, and the pool survives many back-to-back loops (the decode pattern).
#include "cpu/thread_pool.h"

#include <atomic>
#include <vector>

#include <gtest/gtest.h>

namespace lectern::cpu {
namespace {

TEST(SplitRange, CoversRangeInGrainMultiples) {
    for (int parts : {1, 2, 3, 7}) {
        for (int64_t n : {0, 1, 5, 16, 17, 100}) {
            int64_t expect_begin = 0;
            for (int p = 0; p < parts; ++p) {
                int64_t b, e;
                split_range(n, 4, parts, p, &b, &e);
                EXPECT_EQ(b, expect_begin);
                EXPECT_LE(b, e);
                if (e < n) {
                    EXPECT_EQ(e % 4, 0);
                }
                expect_begin = e;
            }
            EXPECT_EQ(expect_begin, n);
        }
    }
}

TEST(ThreadPool, VisitsEveryIndexOnce) {
    for (int threads : {1, 2, 3, 5}) {
        ThreadPool pool(threads);
        EXPECT_EQ(pool.n_threads(), threads);
        for (int64_t n : {1, 2, 3, 10, 1000}) {
            std::vector<std::atomic<int>> hits(static_cast<size_t>(n));
            std::atomic<bool> bad_thread{false};
            pool.parallel_for(n, [&](int64_t b, int64_t e, int t) {
                if (t < 0 || t >= threads) bad_thread = true;
                for (int64_t i = b; i < e; ++i) hits[static_cast<size_t>(i)]++;
            });
            for (auto& h : hits) ASSERT_EQ(h.load(), 1) << "threads " << threads << " n " << n;
            EXPECT_FALSE(bad_thread.load());
        }
    }
}

TEST(ThreadPool, ManyShortLoops) {
    ThreadPool pool(3);
    std::atomic<int64_t> sum{0};
    for (int it = 0; it < 2000; ++it) {
        pool.parallel_for(6, [&](int64_t b, int64_t e, int) {
            for (int64_t i = b; i < e; ++i) sum += i;
        });
    }
    EXPECT_EQ(sum.load(), 2000 * 15);
}

TEST(ThreadPool, DefaultUsesAllHardwareThreads) {
    ThreadPool pool;
    EXPECT_EQ(pool.n_threads(), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

}  // namespace
}  // namespace lectern::cpu
