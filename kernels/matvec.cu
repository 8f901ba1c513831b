// Dequantizing matrix-vector product (see matvec.cuh). One warp per weight row, four rows
// per block; grid.y walks the tokens. Quantized rows: lane l decodes 32-element groups
// l, l + 32, ... into registers and dots them with x (read as float4). Plain rows: lanes read
// consecutive 16-byte runs (coalesced) when aligned, else consecutive elements. The warp's
// partial sums meet in a shuffle reduction.
// A first version: each lane's loads are 16-34 byte runs at a stride, not 16-byte vectors
// across the warp; docs/gpu-notes.md has its predicted and measured bandwidth.
#include "kernels/matvec.cuh"

#include "kernels/decode_block.cuh"

namespace lectern::cuda {
namespace {

constexpr int kRowsPerBlock = 4;

// Plain rows read 16 bytes per lane when rows and x are 16-byte aligned: elements per load.
template <DType T>
constexpr int kVec = T == DType::F32 ? 4 : 8;

// The kVec<T> floats of one 16-byte load of a plain row (little-endian halves).
template <DType T>
__device__ inline void unpack16(const uint4 v, float* out) {
    const uint32_t word[4] = {v.x, v.y, v.z, v.w};
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        if constexpr (T == DType::F32) {
            out[i] = __uint_as_float(word[i]);
        } else if constexpr (T == DType::BF16) {
            out[2 * i] = __uint_as_float(word[i] << 16);
            out[2 * i + 1] = __uint_as_float(word[i] & 0xffff0000u);
        } else {
            out[2 * i] = f16_bits_to_float(static_cast<uint16_t>(word[i] & 0xffffu));
            out[2 * i + 1] = f16_bits_to_float(static_cast<uint16_t>(word[i] >> 16));
        }
    }
}

template <DType T>
__device__ inline float dot_plain(const uint8_t* row, const float* xt, int64_t n_cols, bool vec,
                                  int lane) {
    float acc = 0.0f;
    if (vec) {
        const uint4* r4 = reinterpret_cast<const uint4*>(row);
        for (int64_t v = lane; v < n_cols / kVec<T>; v += kWarp) {
            float wf[kVec<T>];
            unpack16<T>(r4[v], wf);
            const float4* x4 = reinterpret_cast<const float4*>(xt + v * kVec<T>);
#pragma unroll
            for (int i = 0; i < kVec<T> / 4; ++i) {
                const float4 xv = x4[i];
                acc += wf[4 * i] * xv.x + wf[4 * i + 1] * xv.y + wf[4 * i + 2] * xv.z +
                       wf[4 * i + 3] * xv.w;
            }
        }
    } else {
        for (int64_t c = lane; c < n_cols; c += kWarp) acc += load_plain<T>(row, c) * xt[c];
    }
    return acc;
}

template <DType T>
__global__ void matvec_kernel(const uint8_t* w, int64_t n_rows, int64_t n_cols, const float* x,
                              int64_t n_tok, bool vec, float* y) {
    const int lane = threadIdx.x % kWarp;
    const int64_t r = blockIdx.x * static_cast<int64_t>(kRowsPerBlock) + threadIdx.x / kWarp;
    if (r >= n_rows) return;  // whole warps leave together
    const uint8_t* row = w + row_stride<T>(n_cols) * r;
    for (int64_t t = blockIdx.y; t < n_tok; t += gridDim.y) {
        const float* xt = x + t * n_cols;
        float acc = 0.0f;
        if constexpr (is_plain<T>()) {
            acc = dot_plain<T>(row, xt, n_cols, vec, lane);
        } else {
            float v[kGroup];
            for (int64_t g = lane; g < n_cols / kGroup; g += kWarp) {
                decode_group<T>(row, g, v);
                const float4* x4 = reinterpret_cast<const float4*>(xt + g * kGroup);
#pragma unroll
                for (int l = 0; l < kGroup / 4; ++l) {
                    const float4 xv = x4[l];
                    acc += v[4 * l] * xv.x + v[4 * l + 1] * xv.y + v[4 * l + 2] * xv.z +
                           v[4 * l + 3] * xv.w;
                }
            }
        }
        acc = warp_sum(acc);
        if (lane == 0) y[t * n_rows + r] = acc;
    }
}

}  // namespace

cudaError_t launch_matvec(const void* w, DType type, int64_t n_rows, int64_t n_cols,
                          const float* x, int64_t n_tok, float* y, cudaStream_t stream) {
    if (!w || !x || !y || n_rows < 1 || n_cols < 1 || n_tok < 0 ||
        n_cols % block_elems(type) != 0)
        return cudaErrorInvalidValue;
    // float4 loads of x need 16-byte aligned rows (quantized n_cols are multiples of 32).
    if (block_elems(type) > 1 && reinterpret_cast<uintptr_t>(x) % 16 != 0)
        return cudaErrorMisalignedAddress;
    if (n_tok == 0) return cudaSuccess;
    const int64_t blocks = ceil_div(n_rows, kRowsPerBlock);
    if (blocks > 0x7fffffff) return cudaErrorInvalidValue;
    const dim3 grid(static_cast<unsigned>(blocks), static_cast<unsigned>(n_tok < 65535 ? n_tok : 65535));
    return dispatch_weight_type(type, [&](auto tag) {
        constexpr DType T = decltype(tag)::value;
        // 16-byte loads for plain rows whose length and bases allow them.
        const bool vec = is_plain<T>() && n_cols % kVec<T> == 0 &&
                         reinterpret_cast<uintptr_t>(w) % 16 == 0 &&
                         reinterpret_cast<uintptr_t>(x) % 16 == 0;
        matvec_kernel<T><<<grid, kRowsPerBlock * kWarp, 0, stream>>>(
            static_cast<const uint8_t*>(w), n_rows, n_cols, x, n_tok, vec, y);
        return cudaGetLastError();
    });
}

}  // namespace lectern::cuda
