// Conversion to f16/bf16 (see dequantize.cuh): a grid-stride loop over 32-element groups
// (quantized inputs) or elements (plain inputs).
#include "kernels/dequantize.cuh"

#include "kernels/decode_block.cuh"

namespace lectern::cuda {
namespace {

template <bool Bf16>
__device__ inline uint16_t to_bits(float v) {
    if constexpr (Bf16) return __bfloat16_as_ushort(__float2bfloat16_rn(v));
    else return __half_as_ushort(__float2half_rn(v));
}

template <DType T, bool Bf16>
__global__ void dequantize_kernel(const uint8_t* in, int64_t n_rows, int64_t n_cols,
                                  uint16_t* out) {
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    const int64_t first = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if constexpr (is_plain<T>()) {
        for (int64_t i = first; i < n_rows * n_cols; i += stride) {
            const int64_t r = i / n_cols, c = i % n_cols;
            out[i] = to_bits<Bf16>(load_plain<T>(in + row_stride<T>(n_cols) * r, c));
        }
    } else {
        const int64_t groups_per_row = n_cols / kGroup;
        float v[kGroup];
        for (int64_t i = first; i < n_rows * groups_per_row; i += stride) {
            const int64_t r = i / groups_per_row, g = i % groups_per_row;
            decode_group<T>(in + row_stride<T>(n_cols) * r, g, v);
            uint16_t* o = out + r * n_cols + g * kGroup;
#pragma unroll
            for (int l = 0; l < kGroup; ++l) o[l] = to_bits<Bf16>(v[l]);
        }
    }
}

}  // namespace

cudaError_t launch_dequantize(const void* in, DType in_type, int64_t n_rows, int64_t n_cols,
                              void* out, DType out_type, cudaStream_t stream) {
    if (!in || !out || n_rows < 0 || n_cols < 1 || n_cols % block_elems(in_type) != 0 ||
        (out_type != DType::F16 && out_type != DType::BF16))
        return cudaErrorInvalidValue;
    if (n_rows == 0) return cudaSuccess;
    const int64_t work = n_rows * (block_elems(in_type) > 1 ? n_cols / kGroup : n_cols);
    const int64_t blocks = ceil_div(work, 256) < 8192 ? ceil_div(work, 256) : 8192;
    return dispatch_weight_type(in_type, [&](auto tag) {
        constexpr DType T = decltype(tag)::value;
        const auto* src = static_cast<const uint8_t*>(in);
        auto* dst = static_cast<uint16_t*>(out);
        if (out_type == DType::BF16)
            dequantize_kernel<T, true><<<static_cast<unsigned>(blocks), 256, 0, stream>>>(src, n_rows, n_cols, dst);
        else
            dequantize_kernel<T, false><<<static_cast<unsigned>(blocks), 256, 0, stream>>>(src, n_rows, n_cols, dst);
        return cudaGetLastError();
    });
}

}  // namespace lectern::cuda
