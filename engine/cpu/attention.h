// Causal grouped-query attention over one KV head of the cache, in float32, for a tile of up
// to 8 queries that share that KV head (the query heads of a GQA group, at one or more
// positions): for each query i, scores = q_i . k_j / sqrt(head_dim) for j < n_keys[i], a
// stable softmax, then out_i = sum_j p_j v_j. Each block of 8 key (value) rows is read once
// for the whole tile, which divides the cache traffic of long prefills by the tile size.
// Query head h reads KV head h / (n_head / n_kv_head).
#pragma once

#include <cstdint>

#include "cpu/kv_cache.h"

namespace lectern::cpu {

constexpr int kAttendTile = 8;  // the most queries attend_tile takes

// q[i]: (head_dim) f32, rotary applied; n_keys[i] >= 1; out[i]: (head_dim) f32; i < n_q.
// keys, values: one head of the cache, (n_ctx) rows of kv_row_bytes(type, head_dim), holding at least
// max(n_keys) positions. scores: (n_q, scores_stride) f32 scratch, scores_stride >=
// max(n_keys). head_dim <= 512.
void attend_tile(const float* const* q, const int64_t* n_keys, int n_q, const void* keys,
                 const void* values, KvType type, int64_t head_dim, float* scores,
                 int64_t scores_stride, float* const* out);

// One query: attend_tile with n_q = 1. scores: (n_keys) f32 scratch.
void attend_one(const float* q, const void* keys, const void* values, KvType type,
                int64_t n_keys, int64_t head_dim, float* scores, float* out);

}  // namespace lectern::cpu
