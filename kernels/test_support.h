// For kernel tests: skipping without a device, device arrays that are poisoned (all bits
// set: NaN for floats) before each run, fresh random inputs with the seed printed, and the
// relative L2 error. Host-only; test-only.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <span>
#include <vector>

#include <cuda_runtime.h>
#include <gtest/gtest.h>

#include "lectern/engine/dtype.h"
#include "quant/half.h"

namespace lectern::cuda::testing {

inline bool has_device() {
    int n = 0;
    return cudaGetDeviceCount(&n) == cudaSuccess && n > 0;
}

#define LECTERN_SKIP_WITHOUT_DEVICE() \
    if (!::lectern::cuda::testing::has_device()) GTEST_SKIP() << "no CUDA device"

// A device array of T; uploads, downloads, poisoning. Failures are test failures.
template <class T>
class DeviceArray {
public:
    explicit DeviceArray(size_t n) : n_(n) {
        EXPECT_EQ(cudaMalloc(&p_, std::max<size_t>(n, 1) * sizeof(T)), cudaSuccess);
        poison();
    }
    explicit DeviceArray(const std::vector<T>& host) : DeviceArray(host.size()) { upload(host); }
    ~DeviceArray() { cudaFree(p_); }
    DeviceArray(const DeviceArray&) = delete;
    DeviceArray& operator=(const DeviceArray&) = delete;

    T* get() const { return static_cast<T*>(p_); }
    size_t size() const { return n_; }
    void poison() { EXPECT_EQ(cudaMemset(p_, 0xFF, n_ * sizeof(T)), cudaSuccess); }
    void upload(const std::vector<T>& host) {
        EXPECT_EQ(cudaMemcpy(p_, host.data(), n_ * sizeof(T), cudaMemcpyHostToDevice), cudaSuccess);
    }
    std::vector<T> download() const {
        EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        std::vector<T> h(n_);
        EXPECT_EQ(cudaMemcpy(h.data(), p_, n_ * sizeof(T), cudaMemcpyDeviceToHost), cudaSuccess);
        return h;
    }

private:
    void* p_ = nullptr;
    size_t n_;
};

// A generator with a fresh seed per test, printed so a failure can be replayed.
inline std::mt19937_64 fresh_rng() {
    const uint64_t seed = (static_cast<uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
    std::printf("  seed %llu\n", static_cast<unsigned long long>(seed));
    return std::mt19937_64(seed);
}

inline std::vector<float> random_floats(std::mt19937_64& rng, size_t n, float lo = -1.0f,
                                        float hi = 1.0f) {
    std::uniform_real_distribution<float> u(lo, hi);
    std::vector<float> v(n);
    for (float& x : v) x = u(rng);
    return v;
}

// Rows of random weights of any type: random bytes, with each block's f16 scales replaced by
// finite values of a realistic size (d in [0.001, 0.02], dmin in [0, 0.01]), so every bit
// pattern of the quantized values is exercised. Plain types get uniform values in [-1, 1].
inline std::vector<uint8_t> random_weights(std::mt19937_64& rng, DType type, int64_t n_rows,
                                           int64_t n_cols) {
    const size_t bytes = row_bytes(type, n_cols) * static_cast<size_t>(n_rows);
    std::vector<uint8_t> w(bytes);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f), ud(0.001f, 0.02f), um(0.0f, 0.01f);
    auto put16 = [&](size_t at, uint16_t v) { w[at] = v & 0xFF; w[at + 1] = v >> 8; };
    if (type == DType::F32 || type == DType::F16 || type == DType::BF16) {
        for (size_t i = 0; i < static_cast<size_t>(n_rows * n_cols); ++i) {
            const float x = u(rng);
            if (type == DType::F32) std::memcpy(&w[4 * i], &x, 4);
            else put16(2 * i, type == DType::F16 ? quant::f32_to_f16(x) : quant::f32_to_bf16(x));
        }
        return w;
    }
    for (uint8_t& b : w) b = static_cast<uint8_t>(rng());
    const DTypeInfo info = dtype_info(type);
    for (size_t at = 0; at < bytes; at += static_cast<size_t>(info.block_bytes)) {
        switch (type) {
        case DType::Q8_0: case DType::Q4_0: put16(at, quant::f32_to_f16(ud(rng))); break;
        case DType::Q4_K: case DType::Q5_K:
            put16(at, quant::f32_to_f16(ud(rng)));
            put16(at + 2, quant::f32_to_f16(um(rng)));
            break;
        case DType::Q6_K: put16(at + 208, quant::f32_to_f16(ud(rng))); break;
        default: break;
        }
    }
    return w;
}

// ||got - ref|| / ||ref|| in double; NaN in got gives NaN (which fails every bound).
inline double rel_l2(std::span<const float> got, std::span<const double> ref) {
    double num = 0, den = 0;
    for (size_t i = 0; i < ref.size(); ++i) {
        const double d = static_cast<double>(got[i]) - ref[i];
        num += d * d;
        den += ref[i] * ref[i];
    }
    return std::sqrt(num / den);
}

inline std::vector<double> widen(std::span<const float> v) { return {v.begin(), v.end()}; }

}  // namespace lectern::cuda::testing
