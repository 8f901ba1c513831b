// CPU KV cache storage (see kv_cache.h).
#include "cpu/kv_cache.h"

#include <cstring>
#include <new>
#include <string>

#include "common/weight_memory.h"
#include "quant/dequant.h"
#include "quant/half.h"

namespace lectern::cpu {

Result<KvCache> KvCache::create(int64_t n_layer, int64_t n_kv_head, int64_t n_ctx,
                                int64_t head_dim, KvType type) {
    if (n_layer < 1 || n_kv_head < 1 || n_ctx < 1 || head_dim < 1)
        return make_error(ErrorCode::InvalidArgument, "KV cache dimensions must be positive");
    if (type == KvType::Q8_0 && head_dim % 32 != 0)
        return make_error(ErrorCode::InvalidArgument,
                          "an 8-bit (q8_0) KV cache needs head_dim to be a multiple of 32",
                          "head_dim " + std::to_string(head_dim) + ": use f16");
    KvCache c;
    c.type_ = type;
    c.n_layer_ = n_layer;
    c.n_kv_head_ = n_kv_head;
    c.n_ctx_ = n_ctx;
    c.head_dim_ = head_dim;
    c.row_bytes_ = kv_row_bytes(type, head_dim);
    c.layer_bytes_ = static_cast<size_t>(n_kv_head * n_ctx) * c.row_bytes_;
    const size_t total = c.bytes();
    // Decoding reads every cached key and value once per token, like the weights: the same
    // 2 MiB pages. Pages are still touched only as positions fill.
    c.data_ = allocate_weight_memory(total);
    if (!c.data_) {
        return make_error(ErrorCode::OutOfMemory,
                          "the KV cache needs " + std::to_string(total >> 20) + " MiB",
                          std::to_string(n_ctx) + " positions, " + kv_type_name(type));
    }
    return c;
}

uint8_t* KvCache::head_ptr(int kv, int64_t layer, int64_t kv_head) const {
    const size_t off = (static_cast<size_t>(kv) * n_layer_ + layer) * layer_bytes_ +
                       static_cast<size_t>(kv_head * n_ctx_) * row_bytes_;
    return data_.get() + off;
}

const void* KvCache::keys(int64_t layer, int64_t kv_head) const {
    return head_ptr(0, layer, kv_head);
}

const void* KvCache::values(int64_t layer, int64_t kv_head) const {
    return head_ptr(1, layer, kv_head);
}

void KvCache::store(int64_t layer, int64_t pos0, int64_t n_tok, const float* k, const float* v) {
    const int64_t row = n_kv_head_ * head_dim_;
    for (int kv = 0; kv < 2; ++kv) {
        const float* src = kv == 0 ? k : v;
        for (int64_t h = 0; h < n_kv_head_; ++h) {
            uint8_t* dst = head_ptr(kv, layer, h) + static_cast<size_t>(pos0) * row_bytes_;
            for (int64_t t = 0; t < n_tok; ++t, dst += row_bytes_) {
                const float* s = src + t * row + h * head_dim_;
                switch (type_) {
                case KvType::F32: std::memcpy(dst, s, row_bytes_); break;
                case KvType::Q8_0: quant::quantize_row(DType::Q8_0, s, dst, head_dim_); break;
                case KvType::F16:
                case KvType::BF16: {
                    auto* d = reinterpret_cast<uint16_t*>(dst);
                    for (int64_t i = 0; i < head_dim_; ++i)
                        d[i] = type_ == KvType::F16 ? quant::f32_to_f16(s[i]) : quant::f32_to_bf16(s[i]);
                    break;
                }
                }
            }
        }
    }
}

}  // namespace lectern::cpu
