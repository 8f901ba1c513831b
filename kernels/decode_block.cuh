// Device decoding of GGUF weight blocks, 32 elements at a time: the arithmetic of
// engine/quant/dequant.cpp (ggml's to_float), with every multiply and subtract rounded
// separately (__fmul_rn, __fsub_rn) so no multiply-add is fused and results agree with the
// CPU bit for bit. Group g of a row covers elements [32 g, 32 g + 32); for the K-quants a
// group is one 32-element sub-block (Q6_K: two 16-element sub-blocks) of a 256 super-block.
#pragma once

#include <cstdint>
#include <type_traits>

#include "kernels/common.cuh"
#include "lectern/engine/dtype.h"

namespace lectern::cuda {

constexpr int kGroup = 32;

template <DType T>
struct BlockTraits;
template <> struct BlockTraits<DType::Q8_0> { static constexpr int bytes = 34, elems = 32; };
template <> struct BlockTraits<DType::Q4_0> { static constexpr int bytes = 18, elems = 32; };
template <> struct BlockTraits<DType::Q4_K> { static constexpr int bytes = 144, elems = 256; };
template <> struct BlockTraits<DType::Q5_K> { static constexpr int bytes = 176, elems = 256; };
template <> struct BlockTraits<DType::Q6_K> { static constexpr int bytes = 210, elems = 256; };

__device__ inline uint16_t load_u16(const uint8_t* p) {
    return static_cast<uint16_t>(p[0] | (p[1] << 8));  // blocks are only 2-byte aligned
}

// The 6-bit scale and min of sub-block j of a Q4_K/Q5_K block (quant::k_scale_min).
__device__ inline void k_scale_min(int j, const uint8_t* q, int* sc, int* m) {
    if (j < 4) {
        *sc = q[j] & 63;
        *m = q[j + 4] & 63;
    } else {
        *sc = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
        *m = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

// out[0..32) = elements of group g of a quantized row starting at `row`.
template <DType T>
__device__ inline void decode_group(const uint8_t* row, int64_t g, float* out) {
    constexpr int per_block = BlockTraits<T>::elems / kGroup;
    const uint8_t* b = row + (g / per_block) * BlockTraits<T>::bytes;
    const int j = static_cast<int>(g % per_block);
    if constexpr (T == DType::Q8_0) {
        const float d = f16_bits_to_float(load_u16(b));
        const int8_t* qs = reinterpret_cast<const int8_t*>(b + 2);
#pragma unroll
        for (int l = 0; l < 32; ++l) out[l] = __fmul_rn(static_cast<float>(qs[l]), d);
    } else if constexpr (T == DType::Q4_0) {
        const float d = f16_bits_to_float(load_u16(b));
        const uint8_t* qs = b + 2;
#pragma unroll
        for (int l = 0; l < 16; ++l) {
            out[l] = __fmul_rn(static_cast<float>((qs[l] & 0xF) - 8), d);
            out[l + 16] = __fmul_rn(static_cast<float>((qs[l] >> 4) - 8), d);
        }
    } else if constexpr (T == DType::Q4_K || T == DType::Q5_K) {
        // Q4_K: d, dmin, scales[12], qs[128]; Q5_K: d, dmin, scales[12], qh[32], qs[128].
        const float d = f16_bits_to_float(load_u16(b));
        const float dmin = f16_bits_to_float(load_u16(b + 2));
        const uint8_t* scales = b + 4;
        const uint8_t* qs = b + (T == DType::Q4_K ? 16 : 48) + 32 * (j / 2);
        const uint8_t* qh = b + 16;
        int sc, m;
        k_scale_min(j, scales, &sc, &m);
        const float d1 = __fmul_rn(d, static_cast<float>(sc));
        const float m1 = __fmul_rn(dmin, static_cast<float>(m));
        const int shift = 4 * (j % 2);
#pragma unroll
        for (int l = 0; l < 32; ++l) {
            int q = (qs[l] >> shift) & 0xF;
            if constexpr (T == DType::Q5_K) q += ((qh[l] >> j) & 1) ? 16 : 0;
            out[l] = __fsub_rn(__fmul_rn(d1, static_cast<float>(q)), m1);
        }
    } else if constexpr (T == DType::Q6_K) {
        // ql[128], qh[64], scales[16] (int8), d. Group j: half h = j / 4, quarter k = j % 4.
        const int h = j / 4, k = j % 4;
        const uint8_t* ql = b + 64 * h + 32 * (k & 1);
        const uint8_t* qh = b + 128 + 32 * h;
        const int8_t* sc = reinterpret_cast<const int8_t*>(b + 192) + 8 * h + 2 * k;
        const float d = f16_bits_to_float(load_u16(b + 208));
        const int lshift = 4 * (k >> 1), hshift = 2 * k;
#pragma unroll
        for (int l = 0; l < 32; ++l) {
            const int q = (((ql[l] >> lshift) & 0xF) | (((qh[l] >> hshift) & 3) << 4)) - 32;
            const float ds = __fmul_rn(d, static_cast<float>(sc[l / 16]));
            out[l] = __fmul_rn(ds, static_cast<float>(q));
        }
    }
}

// Element c of a row of a plain float type (F32, F16, BF16).
template <DType T>
__device__ inline float load_plain(const uint8_t* row, int64_t c) {
    if constexpr (T == DType::F32) return reinterpret_cast<const float*>(row)[c];
    else if constexpr (T == DType::F16) return f16_bits_to_float(reinterpret_cast<const uint16_t*>(row)[c]);
    else return bf16_bits_to_float(reinterpret_cast<const uint16_t*>(row)[c]);
}

template <DType T>
constexpr bool is_plain() { return T == DType::F32 || T == DType::F16 || T == DType::BF16; }

}  // namespace lectern::cuda

namespace lectern::cuda {

template <DType T>
using DTypeTag = std::integral_constant<DType, T>;

// Host side: calls f(DTypeTag<T>{}) for a weight type, cudaErrorInvalidValue for another.
template <class F>
cudaError_t dispatch_weight_type(DType type, F&& f) {
    switch (type) {
    case DType::F32: return f(DTypeTag<DType::F32>{});
    case DType::F16: return f(DTypeTag<DType::F16>{});
    case DType::BF16: return f(DTypeTag<DType::BF16>{});
    case DType::Q8_0: return f(DTypeTag<DType::Q8_0>{});
    case DType::Q4_0: return f(DTypeTag<DType::Q4_0>{});
    case DType::Q4_K: return f(DTypeTag<DType::Q4_K>{});
    case DType::Q5_K: return f(DTypeTag<DType::Q5_K>{});
    case DType::Q6_K: return f(DTypeTag<DType::Q6_K>{});
    }
    return cudaErrorInvalidValue;
}

// Bytes of a row of n_cols elements of a weight type (dtype.h's row_bytes, usable in kernels).
template <DType T>
__host__ __device__ constexpr int64_t row_stride(int64_t n_cols) {
    if constexpr (T == DType::F32) return 4 * n_cols;
    else if constexpr (T == DType::F16 || T == DType::BF16) return 2 * n_cols;
    else return n_cols / BlockTraits<T>::elems * BlockTraits<T>::bytes;
}

// Elements per block of a weight type (1 for plain floats), on the host.
inline int block_elems(DType type) {
    switch (type) {
    case DType::Q8_0: case DType::Q4_0: return 32;
    case DType::Q4_K: case DType::Q5_K: case DType::Q6_K: return 256;
    default: return 1;
    }
}

}  // namespace lectern::cuda
