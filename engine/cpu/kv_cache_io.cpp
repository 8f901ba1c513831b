// Copying a prefix of the CPU KV cache out and back in, for KV snapshots on disk
// (SequenceState::read_kv / write_kv). The snapshot layout is (n_layer, 2, n_kv_head,
// n_tok, head_dim); the cache's is (2, n_layer, n_kv_head, n_ctx, head_dim), so each head's
// first n_tok rows are one contiguous run in both.
#include <cstring>
#include <string>

#include "cpu/cpu_backend.h"
#include "cpu/kv_cache.h"

namespace lectern::cpu {

void KvCache::read_prefix(int64_t n_tok, uint8_t* bytes) const {
    const size_t run = static_cast<size_t>(n_tok * head_dim_) * elem_bytes();
    for (int64_t l = 0; l < n_layer_; ++l)
        for (int kv = 0; kv < 2; ++kv)
            for (int64_t h = 0; h < n_kv_head_; ++h, bytes += run)
                std::memcpy(bytes, head_ptr(kv, l, h), run);
}

void KvCache::write_prefix(int64_t n_tok, const uint8_t* bytes) {
    const size_t run = static_cast<size_t>(n_tok * head_dim_) * elem_bytes();
    for (int64_t l = 0; l < n_layer_; ++l)
        for (int kv = 0; kv < 2; ++kv)
            for (int64_t h = 0; h < n_kv_head_; ++h, bytes += run)
                std::memcpy(head_ptr(kv, l, h), bytes, run);
}

namespace {

Status check_snapshot(const SequenceOptions& o, int64_t n_tok, size_t size,
                      size_t want) {
    if (n_tok < 0 || n_tok > o.n_ctx || size != want)
        return make_error(ErrorCode::InvalidArgument, "a KV snapshot does not match the sequence",
                          std::to_string(n_tok) + " positions, " + std::to_string(size) +
                              " bytes, expected " + std::to_string(want));
    return {};
}

}  // namespace

Status CpuSequence::read_kv(int64_t n_tokens, std::span<uint8_t> bytes) const {
    const size_t want = cache_.bytes() / static_cast<size_t>(options_.n_ctx) *
                        static_cast<size_t>(n_tokens < 0 ? 0 : n_tokens);
    LECTERN_TRY(check_snapshot(options_, n_tokens, bytes.size(), want));
    cache_.read_prefix(n_tokens, bytes.data());
    return {};
}

Status CpuSequence::write_kv(int64_t n_tokens, std::span<const uint8_t> bytes) {
    const size_t want = cache_.bytes() / static_cast<size_t>(options_.n_ctx) *
                        static_cast<size_t>(n_tokens < 0 ? 0 : n_tokens);
    LECTERN_TRY(check_snapshot(options_, n_tokens, bytes.size(), want));
    cache_.write_prefix(n_tokens, bytes.data());
    return {};
}

}  // namespace lectern::cpu
