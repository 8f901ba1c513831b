// Owned-buffer conversions for loaders (see tensor_convert.h).
#include "model/tensor_convert.h"

#include <cstring>

#include "common/weight_memory.h"
#include "quant/half.h"

namespace lectern::model {

std::shared_ptr<std::vector<float>> to_f32(DType type, const void* data, int64_t n) {
    auto out = std::make_shared<std::vector<float>>(static_cast<size_t>(n));
    const auto* bytes = static_cast<const uint8_t*>(data);
    for (int64_t i = 0; i < n; ++i) {
        float v;
        if (type == DType::F32) {
            std::memcpy(&v, bytes + 4 * i, 4);
        } else {
            uint16_t h;
            std::memcpy(&h, bytes + 2 * i, 2);
            v = type == DType::F16 ? quant::f16_to_f32(h) : quant::bf16_to_f32(h);
        }
        (*out)[static_cast<size_t>(i)] = v;
    }
    return out;
}

std::shared_ptr<uint8_t> permute_rotary_rows(const void* data, size_t row_bytes, int64_t n_heads,
                                             int64_t head_dim) {
    const auto* src = static_cast<const uint8_t*>(data);
    auto out = allocate_weight_memory(row_bytes * static_cast<size_t>(n_heads * head_dim));
    if (!out) return nullptr;
    const int64_t half = head_dim / 2;
    for (int64_t h = 0; h < n_heads; ++h) {
        const int64_t base = h * head_dim;
        for (int64_t i = 0; i < half; ++i) {
            for (int64_t j = 0; j < 2; ++j) {
                const size_t to = static_cast<size_t>(base + 2 * i + j);
                const size_t from = static_cast<size_t>(base + i + j * half);
                std::memcpy(out.get() + to * row_bytes, src + from * row_bytes, row_bytes);
            }
        }
    }
    return out;
}

}  // namespace lectern::model
