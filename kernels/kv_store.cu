// KV store (see kv_store.cuh): one block per (token, head) row, head_dim threads rounded up
// to a warp; the 8-bit form finds the row's absolute maximum with a block reduction.
#include "kernels/kv_store.cuh"

#include "kernels/kv_load.cuh"

namespace lectern::cuda {
namespace {

__device__ inline float block_max(float v, float* shared) {
    const int lane = threadIdx.x % kWarp, warp = threadIdx.x / kWarp;
    v = warp_max(v);
    if (lane == 0) shared[warp] = v;
    __syncthreads();
    v = lane < static_cast<int>(blockDim.x / kWarp) ? shared[lane] : 0.0f;
    return warp_max(v);
}

template <KvElem E>
__device__ inline void store_row(const float* src, KvTensor dst, int64_t row, int head_dim,
                                 float* shared) {
    const int d = threadIdx.x;
    const float x = d < head_dim ? src[d] : 0.0f;
    const int64_t i = row * head_dim + d;
    if constexpr (E == KvElem::Q8) {
        const float amax = block_max(fabsf(x), shared);
        const float scale = amax / 127.0f;
        const float inv = amax > 0.0f ? 127.0f / amax : 0.0f;
        if (d < head_dim) static_cast<int8_t*>(dst.data)[i] = static_cast<int8_t>(rintf(x * inv));
        if (d == 0) dst.scale[row] = scale;
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
    __shared__ float shared[kWarp];
    const int64_t h = blockIdx.x, t = blockIdx.y, n_kv_head = gridDim.x;
    const float* src = (blockIdx.z == 0 ? k : v) + (t * n_kv_head + h) * head_dim;
    store_row<E>(src, blockIdx.z == 0 ? keys : values, h * n_ctx + pos0 + t,
                 static_cast<int>(head_dim), shared);
}

}  // namespace

cudaError_t launch_kv_store(const float* k, const float* v, int64_t n_tok, int64_t n_kv_head,
                            int64_t head_dim, int64_t pos0, int64_t n_ctx, KvElem elem,
                            KvTensor keys, KvTensor values, cudaStream_t stream) {
    if (!k || !v || !keys.data || !values.data || n_tok < 0 || n_tok > 65535 || n_kv_head < 1 ||
        n_kv_head > 65535 || head_dim < 1 || head_dim > 1024 || pos0 < 0 || pos0 + n_tok > n_ctx)
        return cudaErrorInvalidValue;
    if (elem == KvElem::Q8 && (!keys.scale || !values.scale)) return cudaErrorInvalidValue;
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
