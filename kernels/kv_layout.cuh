// The device KV cache's element types and layout, shared by kv_store and the attention
// kernels. Per layer, keys and values are each (n_kv_head, n_ctx, head_dim) elements, so one
// head's consecutive positions are contiguous. An 8-bit cache (Q8) stores each row as
// head_dim / 32 q8_0 blocks of 34 bytes (f16 scale, 32 int8), the CPU cache's and the KV
// snapshots' layout (KvType::Q8_0, backend.h). Host-safe: included by host code.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lectern::cuda {

enum class KvElem { F32, F16, BF16, Q8 };

// Bytes of one row of head_dim elements.
inline size_t kv_elem_row_bytes(KvElem e, int64_t head_dim) {
    const auto hd = static_cast<size_t>(head_dim);
    return e == KvElem::F32 ? hd * 4 : e == KvElem::Q8 ? hd / 32 * 34 : hd * 2;
}

// One layer's keys or values.
struct KvTensor {
    void* data = nullptr;     // (n_kv_head, n_ctx) rows of kv_elem_row_bytes
};

}  // namespace lectern::cuda
