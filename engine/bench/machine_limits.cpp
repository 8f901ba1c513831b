// measure_read_bandwidth: each thread sums its contiguous part of the buffer with vector
// loads (four independent accumulators, so the loads are not serialized by the adds).
// measure_multiply_add_rate: each thread runs independent chains of acc = acc * b + c,
// enough to cover the multiply-add latency, few enough to stay in registers (12 of 16 lanes
// with AVX-512's 32 registers, 6 pairs of 8 lanes with AVX2's 16).
#include "machine_limits.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

#include "common/weight_memory.h"
#include "cpu/matmul_simd.h"

namespace lectern::bench {
namespace {

namespace simd = cpu::simd;

float sum_floats(const float* p, int64_t n) {
    simd::f32x16 a0{}, a1{}, a2{}, a3{};
    for (int64_t i = 0; i + 64 <= n; i += 64) {
        a0 += simd::load_f32(p + i);
        a1 += simd::load_f32(p + i + 16);
        a2 += simd::load_f32(p + i + 32);
        a3 += simd::load_f32(p + i + 48);
    }
    return simd::hsum((a0 + a1) + (a2 + a3));
}

#if defined(LECTERN_SIMD_PAIRS)
constexpr int kChains = 6;
#else
constexpr int kChains = 12;
#endif

// kChains chains x `iterations` steps of 16-lane multiply-adds; returns a value that depends
// on every step, so that none is optimized away.
float multiply_add_chains(int64_t iterations) {
    simd::f32x16 a[kChains];
    for (int k = 0; k < kChains; ++k) a[k] = simd::splat(0.001f * static_cast<float>(k));
    const simd::f32x16 b = simd::splat(0.999f), c = simd::splat(0.001f);
    for (int64_t i = 0; i < iterations; ++i) {
#pragma GCC unroll 12
        for (int k = 0; k < kChains; ++k) a[k] = a[k] * b + c;
    }
    simd::f32x16 s{};
    for (int k = 0; k < kChains; ++k) s += a[k];
    return simd::hsum(s);
}

}  // namespace

double measure_multiply_add_rate(cpu::ThreadPool& pool, int64_t iterations) {
    const int n = pool.n_threads();
    std::vector<float> sinks(static_cast<size_t>(n));
    double best = 0.0;
    for (int r = 0; r < 3; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        pool.parallel_for(n, [&](int64_t b, int64_t e, int thread) {
            for (int64_t i = b; i < e; ++i) sinks[static_cast<size_t>(thread)] += multiply_add_chains(iterations);
        });
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::max(best, static_cast<double>(n) * static_cast<double>(iterations) * kChains * 16 / s);
    }
    volatile float sink = 0.0f;
    for (float v : sinks) sink = sink + v;
    return best;
}

double measure_read_bandwidth(cpu::ThreadPool& pool, const BandwidthOptions& options) {
    const int64_t n = static_cast<int64_t>(options.buffer_bytes / sizeof(float)) / 64 * 64;
    // The kind of memory weights live in (huge pages where the system has them): the same
    // buffer in 4 KiB pages reads slower, which would flatter the decode ratio.
    const std::shared_ptr<uint8_t> bytes = allocate_weight_memory(static_cast<size_t>(n) * sizeof(float));
    if (!bytes) return 0.0;
    const auto* buffer = reinterpret_cast<float*>(bytes.get());
    // Touch every page from the threads that will read it (first-touch placement).
    pool.parallel_for(n, [&](int64_t b, int64_t e, int) {
        std::memset(bytes.get() + b * 4, 0, static_cast<size_t>(e - b) * sizeof(float));
    }, 64);
    std::vector<float> sinks(static_cast<size_t>(pool.n_threads()));
    double best = 0.0;
    for (int r = 0; r < options.repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        pool.parallel_for(n, [&](int64_t b, int64_t e, int thread) {
            sinks[static_cast<size_t>(thread)] += sum_floats(buffer + b, e - b);
        }, 64);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::max(best, static_cast<double>(n) * sizeof(float) / s);
    }
    // The sums are zero; reading them keeps the loads from being optimized away.
    volatile float sink = 0.0f;
    for (float v : sinks) sink = sink + v;
    return best;
}

}  // namespace lectern::bench
