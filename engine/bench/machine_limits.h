// The machine's limits the benchmark compares against: memory read bandwidth, measured the
// way decoding reads weights (streaming once through a buffer much larger than the
// last-level cache, split across threads), and the float32 multiply-add rate that bounds
// prefill.
#pragma once

#include <cstddef>
#include <cstdint>

#include "cpu/thread_pool.h"

namespace lectern::bench {

struct BandwidthOptions {
    size_t buffer_bytes = size_t{1} << 30;  // 1 GiB: 32x a 32 MiB L3
    int repeats = 5;                        // the best pass is reported
};

// Bytes per second of the fastest pass reading the whole buffer with every thread of `pool`.
// 0 when the buffer cannot be allocated.
double measure_read_bandwidth(cpu::ThreadPool& pool, const BandwidthOptions& options = {});

// Float32 multiply-adds per second of every thread of `pool` running independent chains of
// the same vector multiply-adds the matrix kernels compile to (best of 3 passes of
// `iterations` steps of 12 x 16 (AVX2: 6 x 16) multiply-adds per thread; the default takes
// about 35 ms a pass on one Zen 4 core).
double measure_multiply_add_rate(cpu::ThreadPool& pool, int64_t iterations = 10'000'000);

}  // namespace lectern::bench
