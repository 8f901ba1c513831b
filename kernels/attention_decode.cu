// Flash decoding (see attention_decode.cuh). Phase 1, grid (split, KV head x head chunk,
// token): attention_core.cuh's loop over one key range per block, one token per block,
// writing (o, m, l) per (token, head, split). Phase 2, one block per (token, head): the
// splits' outputs rescaled to the global maximum and summed.
// Partials layout: o (n_tok, n_head, n_split, head_dim) then (m, l) (n_tok, n_head, n_split, 2).
#include "kernels/attention_decode.cuh"

#include <algorithm>

#include "kernels/attention_core.cuh"

namespace lectern::cuda {
namespace {

constexpr int kKeysPerSplit = 256;

template <KvElem E, int NPL>
__global__ void __launch_bounds__(kAttnWarps * kWarp)
    attention_split_kernel(AttnArgs a, int64_t split_len, float* part_o, float* part_ml) {
    extern __shared__ float smem[];
    const int group = a.n_head / a.n_kv_head;
    const int n_chunks = (group + a.heads_per_chunk - 1) / a.heads_per_chunk;
    const int kv_head = blockIdx.y / n_chunks, chunk = blockIdx.y % n_chunks;
    const int head0 = kv_head * group + chunk * a.heads_per_chunk;
    const int n_heads_here = min(a.heads_per_chunk, group - chunk * a.heads_per_chunk);
    const int n_split = gridDim.x, split = blockIdx.x;
    const int64_t kbegin = split * split_len;
    const int64_t kend = kbegin + split_len < a.n_ctx ? kbegin + split_len : a.n_ctx;
    const int hd = a.head_dim;
    attention_block<E, NPL>(a, blockIdx.z, kv_head, head0, n_heads_here, kbegin, kend, smem,
                            [&](int64_t t, int h, const PairState<NPL>& s) {
                                const int lane = threadIdx.x % kWarp;
                                const int64_t slot = (t * a.n_head + h) * n_split + split;
                                float* o = part_o + slot * hd;
#pragma unroll
                                for (int i = 0; i < NPL; ++i) {
                                    const int d = lane + kWarp * i;
                                    if (d < hd) o[d] = s.o[i];
                                }
                                if (lane == 0) {
                                    part_ml[2 * slot] = s.m;
                                    part_ml[2 * slot + 1] = s.l;
                                }
                            });
}

// One block per (token, head); thread d owns output dimension d.
__global__ void attention_combine_kernel(const float* part_o, const float* part_ml, int n_split,
                                         int head_dim, float* out) {
    const int64_t pair = blockIdx.x;
    const int d = threadIdx.x;
    const float* ml = part_ml + pair * n_split * 2;
    float m = -INFINITY;
    for (int s = 0; s < n_split; ++s) m = fmaxf(m, ml[2 * s]);
    if (d >= head_dim) return;
    float num = 0.0f, den = 0.0f;
    for (int s = 0; s < n_split; ++s) {
        if (ml[2 * s] == -INFINITY) continue;  // a split with no visible keys
        const float w = expf(ml[2 * s] - m);
        num += w * part_o[(pair * n_split + s) * head_dim + d];
        den += w * ml[2 * s + 1];
    }
    out[pair * head_dim + d] = num / den;
}

}  // namespace

int attention_decode_splits(const AttentionShape& s, int max_split) {
    const int64_t n_keys = s.pos0 + s.n_tok;
    const int64_t want = ceil_div(n_keys, kKeysPerSplit);
    return static_cast<int>(want < 1 ? 1 : (want > max_split ? max_split : want));
}

int64_t attention_decode_partials(const AttentionShape& s, int n_split) {
    return s.n_tok * s.n_head * static_cast<int64_t>(n_split) * (s.head_dim + 2);
}

cudaError_t launch_attention_decode(const float* q, KvElem elem, KvTensor keys, KvTensor values,
                                    const AttentionShape& shape, int max_split, float* partials,
                                    int64_t partial_floats, float* out, cudaStream_t stream) {
    if (!q || !out || !partials || !keys.data || !values.data || !attention_shape_ok(shape) ||
        max_split < 1 || max_split > 65535 || shape.n_tok > 65535)
        return cudaErrorInvalidValue;
    if (elem == KvElem::Q8 && shape.head_dim % 32 != 0) return cudaErrorInvalidValue;
    if (shape.n_tok == 0) return cudaSuccess;
    const int n_split = attention_decode_splits(shape, max_split);
    if (partial_floats < attention_decode_partials(shape, n_split)) return cudaErrorInvalidValue;
    const int group = shape.n_head / shape.n_kv_head;
    AttnArgs a{q, keys.data, values.data, shape.n_tok, shape.pos0,
               shape.n_ctx, shape.n_head, shape.n_kv_head, shape.head_dim,
               std::min(group, kAttnPairs), 1, 0.0f};
    a.scale = static_cast<float>(1.0 / sqrt(static_cast<double>(shape.head_dim)));
    // Splits of a multiple of the tile so tiles never straddle two splits.
    const int64_t split_len = ceil_div(ceil_div(shape.pos0 + shape.n_tok, n_split), kAttnKeys) * kAttnKeys;
    const int n_chunks = (group + a.heads_per_chunk - 1) / a.heads_per_chunk;
    const dim3 grid(static_cast<unsigned>(n_split), static_cast<unsigned>(shape.n_kv_head * n_chunks),
                    static_cast<unsigned>(shape.n_tok));
    float* part_o = partials;
    float* part_ml = partials + shape.n_tok * shape.n_head * static_cast<int64_t>(n_split) * shape.head_dim;
    const size_t smem = attn_shared_bytes(shape.head_dim);
    const cudaError_t e = dispatch_kv_elem(elem, [&](auto et) {
        return dispatch_head_dim(shape.head_dim, [&](auto nt) {
            constexpr KvElem E = decltype(et)::value;
            constexpr int NPL = decltype(nt)::value;
            auto kernel = attention_split_kernel<E, NPL>;
            if (smem > 48 * 1024) {
                const cudaError_t err = cudaFuncSetAttribute(
                    kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(smem));
                if (err != cudaSuccess) return err;
            }
            kernel<<<grid, kAttnWarps * kWarp, smem, stream>>>(a, split_len, part_o, part_ml);
            return cudaGetLastError();
        });
    });
    if (e != cudaSuccess) return e;
    const unsigned threads = static_cast<unsigned>(ceil_div(shape.head_dim, kWarp) * kWarp);
    attention_combine_kernel<<<static_cast<unsigned>(shape.n_tok * shape.n_head), threads, 0, stream>>>(
        part_o, part_ml, n_split, shape.head_dim, out);
    return cudaGetLastError();
}

}  // namespace lectern::cuda
