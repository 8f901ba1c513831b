// Memory read bandwidth of this machine, measured the way decoding reads weights: streaming
// once through a buffer much larger than the last-level cache, split across threads.
#pragma once

#include <cstddef>

#include "cpu/thread_pool.h"

namespace lectern::cpu {

struct BandwidthOptions {
    size_t buffer_bytes = size_t{1} << 30;  // 1 GiB: 32x a 32 MiB L3
    int repeats = 5;                        // the best pass is reported
};

// Bytes per second of the fastest pass reading the whole buffer with every thread of `pool`.
// 0 when the buffer cannot be allocated.
double measure_read_bandwidth(ThreadPool& pool, const BandwidthOptions& options = {});

}  // namespace lectern::cpu
