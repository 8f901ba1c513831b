// Copying a prefix of one layer of the CPU KV cache out and back in, for KV snapshots on
// disk (SequenceState::read_kv / write_kv). The snapshot layout of a layer is (2, n_kv_head,
// n_tok, row); the cache's is (2, n_layer, n_kv_head, n_ctx, row), so each head's first n_tok
// rows are one contiguous run in both.
#include <cstring>
#include <string>

#include "cpu/cpu_backend.h"
#include "cpu/kv_cache.h"

namespace lectern::cpu {

void KvCache::read_prefix(int64_t n_tok, int64_t layer, uint8_t* bytes) const {
    const size_t run = static_cast<size_t>(n_tok) * row_bytes_;
    for (int kv = 0; kv < 2; ++kv)
        for (int64_t h = 0; h < n_kv_head_; ++h, bytes += run)
            std::memcpy(bytes, head_ptr(kv, layer, h), run);
}

void KvCache::write_prefix(int64_t n_tok, int64_t layer, const uint8_t* bytes) {
    const size_t run = static_cast<size_t>(n_tok) * row_bytes_;
    for (int kv = 0; kv < 2; ++kv)
        for (int64_t h = 0; h < n_kv_head_; ++h, bytes += run)
            std::memcpy(head_ptr(kv, layer, h), bytes, run);
}

namespace {

Status check_snapshot(const SequenceOptions& o, const KvCache& cache, int64_t n_tok, int64_t layer,
                      size_t size) {
    const size_t want = n_tok < 0 ? 0 : cache.layer_prefix_bytes(n_tok);
    if (n_tok < 0 || n_tok > o.n_ctx || layer < 0 || layer >= cache.n_layer() || size != want)
        return make_error(ErrorCode::InvalidArgument, "a KV snapshot does not match the sequence",
                          std::to_string(n_tok) + " positions of layer " + std::to_string(layer) + ", " +
                              std::to_string(size) + " bytes, expected " + std::to_string(want));
    return {};
}

}  // namespace

Status CpuSequence::read_kv(int64_t n_tokens, int64_t layer, std::span<uint8_t> bytes) const {
    LECTERN_TRY(check_snapshot(options_, cache_, n_tokens, layer, bytes.size()));
    cache_.read_prefix(n_tokens, layer, bytes.data());
    return {};
}

Status CpuSequence::write_kv(int64_t n_tokens, int64_t layer, std::span<const uint8_t> bytes) {
    LECTERN_TRY(check_snapshot(options_, cache_, n_tokens, layer, bytes.size()));
    cache_.write_prefix(n_tokens, layer, bytes.data());
    return {};
}

}  // namespace lectern::cpu
