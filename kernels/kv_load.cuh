// Device reads of the KV cache's elements as float32, and the host-side dispatch over
// element types (kv_layout.cuh describes the layout). Device code: include from .cu only.
#pragma once

#include <cstdint>
#include <type_traits>

#include "kernels/common.cuh"
#include "kernels/kv_layout.cuh"

namespace lectern::cuda {

// Element d of row `row` (= head * n_ctx + pos) as float. Q8: element i of the cache is
// value i % 32 of q8_0 block i / 32 (head_dim % 32 == 0, so blocks never straddle rows).
template <KvElem E>
__device__ inline float kv_load(const void* data, int64_t row, int head_dim, int d) {
    const int64_t i = row * head_dim + d;
    if constexpr (E == KvElem::F32) return static_cast<const float*>(data)[i];
    else if constexpr (E == KvElem::F16) return f16_bits_to_float(static_cast<const uint16_t*>(data)[i]);
    else if constexpr (E == KvElem::BF16) return bf16_bits_to_float(static_cast<const uint16_t*>(data)[i]);
    else {
        const uint8_t* block = static_cast<const uint8_t*>(data) + (i / 32) * 34;
        const uint16_t d_bits = static_cast<uint16_t>(block[0] | (block[1] << 8));
        return static_cast<float>(static_cast<int8_t>(block[2 + i % 32])) * f16_bits_to_float(d_bits);
    }
}

template <KvElem E>
using KvTag = std::integral_constant<KvElem, E>;

template <class F>
cudaError_t dispatch_kv_elem(KvElem e, F&& f) {
    switch (e) {
    case KvElem::F32: return f(KvTag<KvElem::F32>{});
    case KvElem::F16: return f(KvTag<KvElem::F16>{});
    case KvElem::BF16: return f(KvTag<KvElem::BF16>{});
    case KvElem::Q8: return f(KvTag<KvElem::Q8>{});
    }
    return cudaErrorInvalidValue;
}

}  // namespace lectern::cuda
