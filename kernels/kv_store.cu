// KV store (see kv_store.cuh): one block per (token, head) row, head_dim threads rounded up
// to a warp; the 8-bit form is one q8_0 block per warp (32 values): the warp's absolute
// maximum gives the f16 scale, as the CPU's quantizer (quant::quantize_row) computes it.
#include "kernels/kv_store.cuh"

#include "kernels/kv_load.cuh"

namespace lectern::cuda {
namespace {

template <KvElem E>
__device__ inline void store_row(const float* src, KvTensor dst, int64_t row, int head_dim) {
    const int d = threadIdx.x;
    const float x = d < head_dim ? src[d] : 0.0f;
    const int64_t i = row * head_dim + d;
    if constexpr (E == KvElem::Q8) {
        // head_dim % 32 == 0 (checked at launch): every warp is one whole block.
        const float amax = warp_max(fabsf(x));
        const float scale = amax / 127.0f;
        const float inv = scale != 0.0f ? 1.0f / scale : 0.0f;
        uint8_t* block = static_cast<uint8_t*>(dst.data) + (i / 32) * 34;
        if (d % 32 == 0) {
            const unsigned short bits = __half_as_ushort(__float2half_rn(scale));
            block[0] = static_cast<uint8_t>(bits & 0xff);
            block[1] = static_cast<uint8_t>(bits >> 8);
        }
        block[2 + d % 32] = static_cast<uint8_t>(static_cast<int8_t>(roundf(x * inv)));
    } else if (d < head_dim) {
        if constexpr (E == KvElem::F32) static_cast<float*>(dst.data)[i] = x;
        else if constexpr (E == KvElem::F16) static_cast<__half*>(dst.data)[i] = __float2half_rn(x);
        else static_cast<__nv_bfloat16*>(dst.data)[i] = __float2bfloat16_rn(x);
    }
}

// grid (n_kv_head, n_tok, 2): z selects keys or values.
template <KvElem E>
__global__ void kv_store_kernel(const float* k, const float* v, int64_t head_dim, int64_t pos0,
                                int64_t n_ctx, KvTensor keys, KvTensor values) {
    const int64_t h = blockIdx.x, t = blockIdx.y, n_kv_head = gridDim.x;
    const float* src = (blockIdx.z == 0 ? k : v) + (t * n_kv_head + h) * head_dim;
    store_row<E>(src, blockIdx.z == 0 ? keys : values, h * n_ctx + pos0 + t,
                 static_cast<int>(head_dim));
}

}  // namespace

cudaError_t launch_kv_store(const float* k, const float* v, int64_t n_tok, int64_t n_kv_head,
                            int64_t head_dim, int64_t pos0, int64_t n_ctx, KvElem elem,
                            KvTensor keys, KvTensor values, cudaStream_t stream) {
    if (!k || !v || !keys.data || !values.data || n_tok < 0 || n_tok > 65535 || n_kv_head < 1 ||
        n_kv_head > 65535 || head_dim < 1 || head_dim > 1024 || pos0 < 0 || pos0 + n_tok > n_ctx)
        return cudaErrorInvalidValue;
    if (elem == KvElem::Q8 && head_dim % 32 != 0) return cudaErrorInvalidValue;
    if (n_tok == 0) return cudaSuccess;
    const dim3 grid(static_cast<unsigned>(n_kv_head), static_cast<unsigned>(n_tok), 2);
    const unsigned threads = static_cast<unsigned>(ceil_div(head_dim, kWarp) * kWarp);
    return dispatch_kv_elem(elem, [&](auto tag) {
        constexpr KvElem E = decltype(tag)::value;
        kv_store_kernel<E><<<grid, threads, 0, stream>>>(k, v, head_dim, pos0, n_ctx, keys, values);
        return cudaGetLastError();
    });
}

}  // namespace lectern::cuda
