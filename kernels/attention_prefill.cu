// Flash attention for prefill (see attention_prefill.cuh). Grid: (token tiles, KV head x
// head chunk); each block runs attention_core.cuh's loop over keys [0, last token's limit)
// and writes o / l for its pairs.
#include "kernels/attention_prefill.cuh"

#include <algorithm>

#include "kernels/attention_core.cuh"

namespace lectern::cuda {
namespace {

template <KvElem E, int NPL>
__global__ void __launch_bounds__(kAttnWarps * kWarp)
    attention_prefill_kernel(AttnArgs a, float* out) {
    extern __shared__ float smem[];
    const int group = a.n_head / a.n_kv_head;
    const int n_chunks = (group + a.heads_per_chunk - 1) / a.heads_per_chunk;
    const int kv_head = blockIdx.y / n_chunks, chunk = blockIdx.y % n_chunks;
    const int head0 = kv_head * group + chunk * a.heads_per_chunk;
    const int n_heads_here = min(a.heads_per_chunk, group - chunk * a.heads_per_chunk);
    const int64_t t0 = static_cast<int64_t>(blockIdx.x) * a.tokens_per_block;
    const int hd = a.head_dim;
    attention_block<E, NPL>(a, t0, kv_head, head0, n_heads_here, 0, a.pos0 + a.n_tok, smem,
                            [&](int64_t t, int h, const PairState<NPL>& s) {
                                const int lane = threadIdx.x % kWarp;
                                float* o = out + (t * a.n_head + h) * hd;
                                const float inv = 1.0f / s.l;
#pragma unroll
                                for (int i = 0; i < NPL; ++i) {
                                    const int d = lane + kWarp * i;
                                    if (d < hd) o[d] = s.o[i] * inv;
                                }
                            });
}

}  // namespace

bool attention_shape_ok(const AttentionShape& s) {
    return s.n_tok >= 0 && s.pos0 >= 0 && s.pos0 + s.n_tok <= s.n_ctx && s.n_kv_head >= 1 &&
           s.n_head >= s.n_kv_head && s.n_head % s.n_kv_head == 0 && s.head_dim >= 1 &&
           s.head_dim <= 256 && s.n_kv_head * static_cast<int64_t>(s.n_head) <= 65535;
}

cudaError_t launch_attention_prefill(const float* q, KvElem elem, KvTensor keys,
                                     KvTensor values, const AttentionShape& shape, float* out,
                                     cudaStream_t stream) {
    if (!q || !out || !keys.data || !values.data || !attention_shape_ok(shape))
        return cudaErrorInvalidValue;
    if (elem == KvElem::Q8 && shape.head_dim % 32 != 0) return cudaErrorInvalidValue;
    if (shape.n_tok == 0) return cudaSuccess;
    const int group = shape.n_head / shape.n_kv_head;
    AttnArgs a{q, keys.data, values.data, shape.n_tok, shape.pos0,
               shape.n_ctx, shape.n_head, shape.n_kv_head, shape.head_dim,
               std::min(group, kAttnPairs), 0, 0.0f};
    a.tokens_per_block = kAttnPairs / a.heads_per_chunk;
    a.scale = static_cast<float>(1.0 / sqrt(static_cast<double>(shape.head_dim)));
    const int n_chunks = (group + a.heads_per_chunk - 1) / a.heads_per_chunk;
    const int64_t tiles = ceil_div(shape.n_tok, a.tokens_per_block);
    if (tiles > 0x7fffffff) return cudaErrorInvalidValue;
    const dim3 grid(static_cast<unsigned>(tiles), static_cast<unsigned>(shape.n_kv_head * n_chunks));
    const size_t smem = attn_shared_bytes(shape.head_dim);
    return dispatch_kv_elem(elem, [&](auto et) {
        return dispatch_head_dim(shape.head_dim, [&](auto nt) {
            constexpr KvElem E = decltype(et)::value;
            constexpr int NPL = decltype(nt)::value;
            auto kernel = attention_prefill_kernel<E, NPL>;
            if (smem > 48 * 1024) {
                const cudaError_t e = cudaFuncSetAttribute(
                    kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(smem));
                if (e != cudaSuccess) return e;
            }
            kernel<<<grid, kAttnWarps * kWarp, smem, stream>>>(a, out);
            return cudaGetLastError();
        });
    });
}

}  // namespace lectern::cuda
