// Flash attention for prefill on the device: causal, grouped-query, tiled over keys with an
// online softmax, memory independent of the sequence length. Twin of cpu::attend_one run
// for every (token, query head).
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

#include "kernels/kv_layout.cuh"

namespace lectern::cuda {

struct AttentionShape {
    int64_t n_tok = 0;   // query tokens, at positions pos0 .. pos0 + n_tok - 1
    int64_t pos0 = 0;
    int64_t n_ctx = 0;   // positions the cache holds
    int n_head = 0, n_kv_head = 0, head_dim = 0;
};

// q: (n_tok, n_head, head_dim) f32, rotary applied; keys/values: one layer of the cache
// (kv_layout.cuh), positions [0, pos0 + n_tok) written; out: (n_tok, n_head, head_dim) f32.
// Query head h reads KV head h / (n_head / n_kv_head). head_dim at most 256.
cudaError_t launch_attention_prefill(const float* q, KvElem elem, KvTensor keys,
                                     KvTensor values, const AttentionShape& shape, float* out,
                                     cudaStream_t stream);

// Checks shared by both attention launchers.
bool attention_shape_ok(const AttentionShape& s);

}  // namespace lectern::cuda
