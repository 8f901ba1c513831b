// KV snapshots of a session: the default (Unsupported) SequenceState hooks, the snapshot
// size, and Session::save_kv / load_kv (see session.h and backend.h).
#include <string>

#include "lectern/engine/session.h"

namespace lectern {

Status SequenceState::read_kv(int64_t, std::span<uint8_t>) const {
    return make_error(ErrorCode::Unsupported, "this backend cannot save its KV cache");
}

Status SequenceState::write_kv(int64_t, std::span<const uint8_t>) {
    return make_error(ErrorCode::Unsupported, "this backend cannot restore a KV cache");
}

size_t kv_snapshot_bytes(const ModelConfig& config, KvType type, int64_t n_tokens) {
    const size_t elem = type == KvType::F32 ? 4 : 2;
    return 2 * static_cast<size_t>(config.n_layer * config.n_kv_head * config.head_dim) *
           static_cast<size_t>(n_tokens) * elem;
}

Status Session::save_kv(int64_t n, std::vector<uint8_t>& bytes) const {
    if (n < 0 || n > n_past())
        return make_error(ErrorCode::InvalidArgument, "cannot save the KV cache",
                          std::to_string(n) + " of " + std::to_string(n_past()) + " tokens");
    try {
        bytes.resize(kv_snapshot_bytes(backend_->config(), options_.kv_type, n));
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::OutOfMemory, "not enough memory to copy the KV cache");
    }
    return state_->read_kv(n, bytes);
}

Status Session::load_kv(std::span<const int32_t> tokens, std::span<const uint8_t> bytes) {
    const auto n = static_cast<int64_t>(tokens.size());
    if (n > options_.n_ctx)
        return make_error(ErrorCode::InvalidArgument, "the saved KV cache does not fit the context",
                          std::to_string(n) + " tokens > n_ctx " + std::to_string(options_.n_ctx));
    for (int32_t t : tokens) {
        if (t < 0 || t >= n_vocab_)
            return make_error(ErrorCode::InvalidArgument, "a saved token id is out of range",
                              std::to_string(t));
    }
    tokens_.clear();
    logits_valid_ = false;
    LECTERN_TRY(state_->write_kv(n, bytes));
    tokens_.assign(tokens.begin(), tokens.end());
    return {};
}

}  // namespace lectern
