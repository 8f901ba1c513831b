// Device random fill (see random_fill.cuh): splitmix64 of (seed, index) per 32-bit word or
// element; a second pass over blocks sets their scales.
#include "kernels/random_fill.cuh"

#include "kernels/decode_block.cuh"

namespace lectern::cuda {
namespace {

__device__ inline uint64_t mix(uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

__device__ inline float uniform(uint64_t seed, int64_t i) {  // in [-1, 1)
    return static_cast<float>(mix(seed ^ mix(static_cast<uint64_t>(i))) >> 40) * (2.0f / 16777216.0f) - 1.0f;
}

template <DType T>
__global__ void fill_plain(uint8_t* data, int64_t n, uint64_t seed, float scale) {
    for (int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x; i < n;
         i += static_cast<int64_t>(gridDim.x) * blockDim.x) {
        const float v = uniform(seed, i) * scale;
        if constexpr (T == DType::F32) reinterpret_cast<float*>(data)[i] = v;
        else if constexpr (T == DType::F16) reinterpret_cast<__half*>(data)[i] = __float2half_rn(v);
        else reinterpret_cast<__nv_bfloat16*>(data)[i] = __float2bfloat16_rn(v);
    }
}

__global__ void fill_bytes(uint32_t* words, int64_t n_words, uint64_t seed) {
    for (int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x; i < n_words;
         i += static_cast<int64_t>(gridDim.x) * blockDim.x)
        words[i] = static_cast<uint32_t>(mix(seed ^ mix(static_cast<uint64_t>(i))));
}

__device__ inline void put_f16(uint8_t* p, float v) {
    const uint16_t h = __half_as_ushort(__float2half_rn(v));
    p[0] = h & 0xFF;
    p[1] = h >> 8;
}

// Scale fields per block: Q8_0/Q4_0 d at 0; Q4_K/Q5_K d at 0, dmin at 2; Q6_K d at 208.
template <DType T>
__global__ void fix_scales(uint8_t* data, int64_t n_blocks, uint64_t seed, float scale) {
    for (int64_t b = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x; b < n_blocks;
         b += static_cast<int64_t>(gridDim.x) * blockDim.x) {
        uint8_t* blk = data + b * BlockTraits<T>::bytes;
        const float d = (0.75f + 0.25f * uniform(seed + 1, b)) * scale / 8.0f;
        if constexpr (T == DType::Q6_K) {
            put_f16(blk + 208, d / 4.0f);  // q in [-32, 31] times int8 scales
        } else {
            put_f16(blk, d);
            if constexpr (T == DType::Q4_K || T == DType::Q5_K) put_f16(blk + 2, d / 2.0f);
        }
    }
}

}  // namespace

cudaError_t launch_random_fill(void* data, DType type, int64_t n_rows, int64_t n_cols,
                               uint64_t seed, float scale, cudaStream_t stream) {
    if (!data || n_rows < 0 || n_cols < 1 || n_cols % block_elems(type) != 0)
        return cudaErrorInvalidValue;
    const int blocks = 4096, threads = 256;
    auto* p = static_cast<uint8_t*>(data);
    return dispatch_weight_type(type, [&](auto tag) {
        constexpr DType T = decltype(tag)::value;
        if constexpr (is_plain<T>()) {
            fill_plain<T><<<blocks, threads, 0, stream>>>(p, n_rows * n_cols, seed, scale);
        } else {
            const int64_t bytes = row_stride<T>(n_cols) * n_rows;
            fill_bytes<<<blocks, threads, 0, stream>>>(reinterpret_cast<uint32_t*>(p), bytes / 4, seed);
            fix_scales<T><<<blocks, threads, 0, stream>>>(p, bytes / BlockTraits<T>::bytes, seed, scale);
        }
        return cudaGetLastError();
    });
}

}  // namespace lectern::cuda
