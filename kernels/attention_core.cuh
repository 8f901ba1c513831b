// The tiled, online-softmax attention loop shared by flash attention (prefill) and flash
// decoding: device code only, included by attention_prefill.cu and attention_decode.cu.
//
// A block of 4 warps owns one KV head, a few query heads of its group (a "head chunk") and a
// few tokens: up to 16 (token, query head) pairs, at most 4 per warp. It walks the keys of
// its range 32 at a time: the block stages a tile of 32 keys and 32 values in shared memory
// as float32, then each warp, for each of its pairs, gives lane j the score of key j, takes
// the tile's maximum and sum with shuffles, rescales its running output and adds the tile's
// p . V with lane l owning dimensions l, l + 32, ... Memory is O(tile), not O(sequence).
// Masked keys (past a token's causal limit or the range) score -inf; staged rows past the
// block's last key are zero so nothing uninitialized is multiplied.
//
// Shared memory (floats): q (16, head_dim), keys (32, head_dim + 1) (the +1 keeps lane j's
// walk down row j free of bank conflicts), values (32, head_dim).
#pragma once

#include <cmath>

#include "kernels/kv_load.cuh"

namespace lectern::cuda {

constexpr int kAttnWarps = 4;
constexpr int kAttnPairs = 16;      // (token, head) pairs per block
constexpr int kAttnPairsPerWarp = kAttnPairs / kAttnWarps;
constexpr int kAttnKeys = 32;       // keys per tile

struct AttnArgs {
    const float* q;             // (n_tok, n_head, head_dim) f32, rotary applied
    const void* k;              // one layer's keys (kv_layout.cuh)
    const void* v;
    int64_t n_tok, pos0, n_ctx; // token t sits at position pos0 + t and sees keys [0, pos0 + t]
    int n_head, n_kv_head, head_dim;
    int heads_per_chunk;        // query heads of one group a block handles
    int tokens_per_block;
    float scale;                // 1 / sqrt(head_dim)
};

inline size_t attn_shared_bytes(int head_dim) {
    return sizeof(float) * (static_cast<size_t>(kAttnPairs) * head_dim +
                            static_cast<size_t>(kAttnKeys) * (head_dim + 1) +
                            static_cast<size_t>(kAttnKeys) * head_dim);
}

// Running state of one pair held by one warp: lane l owns dimensions l + 32 i.
template <int NPL>
struct PairState {
    float o[NPL];
    float m;  // running maximum score (-inf before any key)
    float l;  // running sum of exp(score - m)
};

// Stages keys/values [j0, j0 + 32) of KV head `kvh` (rows past `kend` are zero).
template <KvElem E>
__device__ inline void stage_tile(const AttnArgs& a, int64_t kvh, int64_t j0, int64_t kend,
                                  float* sk, float* sv) {
    const int hd = a.head_dim;
    for (int idx = threadIdx.x; idx < kAttnKeys * hd; idx += blockDim.x) {
        const int r = idx / hd, d = idx % hd;
        const int64_t key = j0 + r;
        float kv = 0.0f, vv = 0.0f;
        if (key < kend) {
            const int64_t row = kvh * a.n_ctx + key;
            kv = kv_load<E>(a.k, row, hd, d);
            vv = kv_load<E>(a.v, row, hd, d);
        }
        sk[r * (hd + 1) + d] = kv;
        sv[r * hd + d] = vv;
    }
}

// One pair against one staged tile: keys j0 + lane, valid below `limit`.
template <int NPL>
__device__ inline void attend_tile(PairState<NPL>& s, const float* q, const float* sk,
                                   const float* sv, int hd, int64_t j0, int64_t limit) {
    const int lane = threadIdx.x % kWarp;
    float score = -INFINITY;
    if (j0 + lane < limit) {
        const float* kr = sk + lane * (hd + 1);
        float acc = 0.0f;
        for (int d = 0; d < hd; ++d) acc += q[d] * kr[d];
        score = acc;
    }
    const float m_new = fmaxf(s.m, warp_max(score));
    if (m_new == -INFINITY) return;  // every key so far masked (warp-uniform)
    const float corr = expf(s.m - m_new);  // 0 when s.m is -inf
    const float p = expf(score - m_new);
    s.l = s.l * corr + warp_sum(p);
#pragma unroll
    for (int i = 0; i < NPL; ++i) s.o[i] *= corr;
    for (int j = 0; j < kAttnKeys; ++j) {
        const float pj = __shfl_sync(0xffffffffu, p, j);
        const float* vr = sv + j * hd;
#pragma unroll
        for (int i = 0; i < NPL; ++i) {
            const int d = lane + kWarp * i;
            if (d < hd) s.o[i] += pj * vr[d];
        }
    }
    s.m = m_new;
}

// The pairs of this block and the key range [kbegin, kend) every pair is limited to; runs
// the tile loop and hands each finished pair to `emit(pair_token, pair_head, state)`.
template <KvElem E, int NPL, class Emit>
__device__ inline void attention_block(const AttnArgs& a, int64_t t0, int kv_head, int head0,
                                       int n_heads_here, int64_t kbegin, int64_t kend,
                                       float* smem, Emit emit) {
    const int hd = a.head_dim, warp = threadIdx.x / kWarp;
    float* sq = smem;
    float* sk = sq + kAttnPairs * hd;
    float* sv = sk + kAttnKeys * (hd + 1);
    const int64_t t_end = t0 + a.tokens_per_block < a.n_tok ? t0 + a.tokens_per_block : a.n_tok;
    const int n_pairs = static_cast<int>(t_end - t0) * n_heads_here;

    // Queries of the block's pairs, pre-scaled: pair p = (token t0 + p / n_heads_here,
    // head head0 + p % n_heads_here).
    for (int idx = threadIdx.x; idx < n_pairs * hd; idx += blockDim.x) {
        const int p = idx / hd, d = idx % hd;
        const int64_t t = t0 + p / n_heads_here;
        const int h = head0 + p % n_heads_here;
        sq[idx] = a.q[(t * a.n_head + h) * hd + d] * a.scale;
    }
    PairState<NPL> st[kAttnPairsPerWarp];
#pragma unroll
    for (int w = 0; w < kAttnPairsPerWarp; ++w) {
        st[w].m = -INFINITY;
        st[w].l = 0.0f;
#pragma unroll
        for (int i = 0; i < NPL; ++i) st[w].o[i] = 0.0f;
    }
    // Keys the block needs: up to its last token's causal limit, inside the range.
    const int64_t block_end = t_end - 1 + a.pos0 + 1 < kend ? t_end + a.pos0 : kend;
    for (int64_t j0 = kbegin; j0 < block_end; j0 += kAttnKeys) {
        __syncthreads();  // the previous tile (and, first time, sq) fully used/written
        stage_tile<E>(a, kv_head, j0, block_end, sk, sv);
        __syncthreads();
#pragma unroll
        for (int w = 0; w < kAttnPairsPerWarp; ++w) {
            const int p = warp + kAttnWarps * w;
            if (p < n_pairs) {
                const int64_t t = t0 + p / n_heads_here;
                const int64_t limit = t + a.pos0 + 1 < kend ? t + a.pos0 + 1 : kend;
                attend_tile<NPL>(st[w], sq + p * hd, sk, sv, hd, j0, limit);
            }
        }
    }
#pragma unroll
    for (int w = 0; w < kAttnPairsPerWarp; ++w) {
        const int p = warp + kAttnWarps * w;
        if (p < n_pairs) emit(t0 + p / n_heads_here, head0 + p % n_heads_here, st[w]);
    }
}

// Host side: calls f(std::integral_constant<int, NPL>{}) with NPL = ceil(head_dim / 32).
template <class F>
cudaError_t dispatch_head_dim(int head_dim, F&& f) {
    if (head_dim <= 32) return f(std::integral_constant<int, 1>{});
    if (head_dim <= 64) return f(std::integral_constant<int, 2>{});
    if (head_dim <= 128) return f(std::integral_constant<int, 4>{});
    if (head_dim <= 256) return f(std::integral_constant<int, 8>{});
    return cudaErrorInvalidValue;
}

}  // namespace lectern::cuda
