// Device helpers shared by the kernels: 16-bit float conversions from raw bits, warp
// reductions, and ceil division. Device-only; no launch functions here.
#pragma once

#include <cstdint>

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

namespace lectern::cuda {

constexpr int kWarp = 32;

__host__ __device__ inline int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

__device__ inline float f16_bits_to_float(uint16_t h) {
    return __half2float(__ushort_as_half(h));
}
__device__ inline float bf16_bits_to_float(uint16_t h) {
    return __uint_as_float(static_cast<uint32_t>(h) << 16);
}

__device__ inline float warp_sum(float v) {
#pragma unroll
    for (int o = kWarp / 2; o > 0; o /= 2) v += __shfl_xor_sync(0xffffffffu, v, o);
    return v;
}

__device__ inline float warp_max(float v) {
#pragma unroll
    for (int o = kWarp / 2; o > 0; o /= 2) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
    return v;
}

// Sum over a block of blockDim.x threads (a multiple of 32, at most 1024); every thread gets
// the total. `shared` holds 32 floats. Contains __syncthreads: call from all threads.
__device__ inline float block_sum(float v, float* shared) {
    const int lane = threadIdx.x % kWarp, warp = threadIdx.x / kWarp;
    v = warp_sum(v);
    __syncthreads();  // `shared` may still be read from a previous call
    if (lane == 0) shared[warp] = v;
    __syncthreads();
    const int n_warps = blockDim.x / kWarp;
    v = lane < n_warps ? shared[lane] : 0.0f;
    return warp_sum(v);
}

}  // namespace lectern::cuda
