// Causal grouped-query attention of one query vector over one KV head of the cache, in
// float32: scores = q . k_j / sqrt(head_dim) for j in [0, n_keys), a stable softmax, then
// out = sum_j p_j v_j. Query head h reads KV head h / (n_head / n_kv_head).
#pragma once

#include <cstdint>

#include "cpu/kv_cache.h"

namespace lectern::cpu {

// q: (head_dim) f32, rotary applied. keys, values: one head of the cache, (n_ctx, head_dim)
// of `type`. scores: (n_keys) f32 scratch. out: (head_dim) f32.
void attend_one(const float* q, const void* keys, const void* values, KvType type,
                int64_t n_keys, int64_t head_dim, float* scores, float* out);

}  // namespace lectern::cpu
