// The device KV cache's element types and layout, shared by kv_store and the attention
// kernels. Per layer, keys and values are each (n_kv_head, n_ctx, head_dim) elements, so one
// head's consecutive positions are contiguous; an 8-bit cache adds a float32 scale per
// (head, position) row: (n_kv_head, n_ctx). Host-safe: included by host code.
#pragma once

#include <cstdint>

namespace lectern::cuda {

enum class KvElem { F32, F16, BF16, Q8 };

// One layer's keys or values.
struct KvTensor {
    void* data = nullptr;     // (n_kv_head, n_ctx, head_dim) elements
    float* scale = nullptr;   // (n_kv_head, n_ctx) f32, Q8 only
};

}  // namespace lectern::cuda
