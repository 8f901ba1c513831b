// Dequantizing matrix-vector product (see matvec.cuh). One warp per weight row, four rows
// per block; grid.y walks the tokens. Quantized rows: lane l decodes 32-element groups
// l, l + 32, ... into registers and dots them with x (read as float4). Plain rows: lanes read
// consecutive elements (coalesced). The warp's partial sums meet in a shuffle reduction.
// A first version: each lane's loads are 16-34 byte runs at a stride, not 16-byte vectors
// across the warp; docs/gpu-notes.md has its predicted and measured bandwidth.
#include "kernels/matvec.cuh"

#include "kernels/decode_block.cuh"

namespace lectern::cuda {
namespace {

constexpr int kRowsPerBlock = 4;

template <DType T>
__global__ void matvec_kernel(const uint8_t* w, int64_t n_rows, int64_t n_cols, const float* x,
                              int64_t n_tok, float* y) {
    const int lane = threadIdx.x % kWarp;
    const int64_t r = blockIdx.x * static_cast<int64_t>(kRowsPerBlock) + threadIdx.x / kWarp;
    if (r >= n_rows) return;  // whole warps leave together
    const uint8_t* row = w + row_stride<T>(n_cols) * r;
    for (int64_t t = blockIdx.y; t < n_tok; t += gridDim.y) {
        const float* xt = x + t * n_cols;
        float acc = 0.0f;
        if constexpr (is_plain<T>()) {
            for (int64_t c = lane; c < n_cols; c += kWarp) acc += load_plain<T>(row, c) * xt[c];
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
        matvec_kernel<T><<<grid, kRowsPerBlock * kWarp, 0, stream>>>(
            static_cast<const uint8_t*>(w), n_rows, n_cols, x, n_tok, y);
        return cudaGetLastError();
    });
}

}  // namespace lectern::cuda
