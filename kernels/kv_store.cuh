// Writing a chunk's keys and values into the device KV cache, converted to the cache's
// element type. Twin of cpu::KvCache::store (f32/f16/bf16; the 8-bit form is int8 with a
// per-row scale absmax / 127, round to nearest).
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

#include "kernels/kv_layout.cuh"

namespace lectern::cuda {

// k, v: (n_tok, n_kv_head, head_dim) f32 (rotary already applied to k); written to
// positions pos0 .. pos0 + n_tok - 1 of one layer's keys and values (see kv_layout.cuh),
// which hold n_ctx positions. head_dim at most 1024.
cudaError_t launch_kv_store(const float* k, const float* v, int64_t n_tok, int64_t n_kv_head,
                            int64_t head_dim, int64_t pos0, int64_t n_ctx, KvElem elem,
                            KvTensor keys, KvTensor values, cudaStream_t stream);

}  // namespace lectern::cuda
