// The CPU KV cache of one sequence: per layer, keys and values laid out
// (n_kv_head, n_ctx, row), a row being one position's head_dim values in f32, f16, bf16 or
// q8_0 blocks (kv_row_bytes), so one head's keys for consecutive positions are contiguous
// (what attention streams through). Allocated once, uninitialized.
#pragma once

#include <cstdint>
#include <memory>

#include "lectern/engine/backend.h"
#include "lectern/engine/result.h"

namespace lectern::cpu {

class KvCache {
public:
    // Errors: InvalidArgument (a dimension < 1; q8_0 with head_dim not a multiple of 32),
    // OutOfMemory.
    static Result<KvCache> create(int64_t n_layer, int64_t n_kv_head, int64_t n_ctx,
                                  int64_t head_dim, KvType type);

    // Stores keys and values of tokens at positions pos0 .. pos0 + n_tok - 1 of one layer.
    // k, v: (n_tok, n_kv_head * head_dim) f32 (rotary already applied to k).
    void store(int64_t layer, int64_t pos0, int64_t n_tok, const float* k, const float* v);

    // Rows of one head: (n_ctx) rows of row_bytes() in type().
    const void* keys(int64_t layer, int64_t kv_head) const;
    const void* values(int64_t layer, int64_t kv_head) const;

    // Copies positions [0, n_tok) of one layer's keys and values out of / into `bytes`, laid
    // out (2, n_kv_head, n_tok, row) (kv_cache_io.cpp; n_tok <= n_ctx, bytes of exactly
    // layer_prefix_bytes(n_tok), checked by the caller).
    void read_prefix(int64_t n_tok, int64_t layer, uint8_t* bytes) const;
    void write_prefix(int64_t n_tok, int64_t layer, const uint8_t* bytes);
    size_t layer_prefix_bytes(int64_t n_tok) const {
        return 2 * static_cast<size_t>(n_kv_head_ * n_tok) * row_bytes_;
    }

    KvType type() const { return type_; }
    int64_t n_ctx() const { return n_ctx_; }
    int64_t n_layer() const { return n_layer_; }
    int64_t head_dim() const { return head_dim_; }
    size_t row_bytes() const { return row_bytes_; }
    size_t bytes() const { return 2 * layer_bytes_ * static_cast<size_t>(n_layer_); }

private:
    uint8_t* head_ptr(int kv, int64_t layer, int64_t kv_head) const;

    KvType type_ = KvType::F32;
    int64_t n_layer_ = 0, n_kv_head_ = 0, n_ctx_ = 0, head_dim_ = 0;
    size_t row_bytes_ = 0;              // one position of one head
    size_t layer_bytes_ = 0;            // bytes of K (or V) of one layer
    std::shared_ptr<uint8_t> data_;   // (2, n_layer, n_kv_head, n_ctx, row)
};

}  // namespace lectern::cpu
