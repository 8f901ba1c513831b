// The CPU KV cache of one sequence: per layer, keys and values laid out
// (n_kv_head, n_ctx, head_dim) in f32, f16 or bf16, so one head's keys for consecutive
// positions are contiguous (what attention streams through). Allocated once, uninitialized.
#pragma once

#include <cstdint>
#include <memory>

#include "lectern/engine/backend.h"
#include "lectern/engine/result.h"

namespace lectern::cpu {

class KvCache {
public:
    static Result<KvCache> create(int64_t n_layer, int64_t n_kv_head, int64_t n_ctx,
                                  int64_t head_dim, KvType type);

    // Stores keys and values of tokens at positions pos0 .. pos0 + n_tok - 1 of one layer.
    // k, v: (n_tok, n_kv_head * head_dim) f32 (rotary already applied to k).
    void store(int64_t layer, int64_t pos0, int64_t n_tok, const float* k, const float* v);

    // Element pointers of one head: (n_ctx, head_dim) of type `type()`.
    const void* keys(int64_t layer, int64_t kv_head) const;
    const void* values(int64_t layer, int64_t kv_head) const;

    // Copies positions [0, n_tok) of every layer and head out of / into `bytes`, laid out
    // (n_layer, 2, n_kv_head, n_tok, head_dim) of type() (kv_cache_io.cpp; n_tok <= n_ctx,
    // bytes of exactly that size, checked by the caller).
    void read_prefix(int64_t n_tok, uint8_t* bytes) const;
    void write_prefix(int64_t n_tok, const uint8_t* bytes);

    KvType type() const { return type_; }
    int64_t n_ctx() const { return n_ctx_; }
    int64_t head_dim() const { return head_dim_; }
    size_t bytes() const { return 2 * layer_bytes_ * static_cast<size_t>(n_layer_); }

private:
    size_t elem_bytes() const { return type_ == KvType::F32 ? 4 : 2; }
    uint8_t* head_ptr(int kv, int64_t layer, int64_t kv_head) const;

    KvType type_ = KvType::F32;
    int64_t n_layer_ = 0, n_kv_head_ = 0, n_ctx_ = 0, head_dim_ = 0;
    size_t layer_bytes_ = 0;            // bytes of K (or V) of one layer
    std::shared_ptr<uint8_t> data_;   // (2, n_layer, n_kv_head, n_ctx, head_dim)
};

}  // namespace lectern::cpu
