// KV snapshots of a session: the default (Unsupported) SequenceState hooks and
// Session::save_kv / load_kv, streamed one layer at a time (see session.h and backend.h).
#include <algorithm>
#include <cstring>
#include <new>
#include <string>

#include "lectern/engine/session.h"

namespace lectern {

Status SequenceState::read_kv(int64_t, int64_t, std::span<uint8_t>) const {
    return make_error(ErrorCode::Unsupported, "this backend cannot save its KV cache");
}

Status SequenceState::write_kv(int64_t, int64_t, std::span<const uint8_t>) {
    return make_error(ErrorCode::Unsupported, "this backend cannot restore a KV cache");
}

namespace {

// One layer's share of a snapshot of n tokens, in a buffer of that size.
Result<std::vector<uint8_t>> layer_buffer(const ModelConfig& c, KvType type, int64_t n) {
    try {
        return std::vector<uint8_t>(kv_snapshot_bytes(c, type, n) / static_cast<size_t>(c.n_layer));
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::OutOfMemory, "not enough memory to copy a layer of the KV cache");
    }
}

}  // namespace

Status Session::save_kv(int64_t n, const KvSink& sink) const {
    if (n < 0 || n > n_past())
        return make_error(ErrorCode::InvalidArgument, "cannot save the KV cache",
                          std::to_string(n) + " of " + std::to_string(n_past()) + " tokens");
    const ModelConfig& c = backend_->config();
    auto buffer = layer_buffer(c, options_.kv_type, n);
    if (!buffer) return buffer.error();
    for (int64_t l = 0; l < c.n_layer; ++l) {
        LECTERN_TRY(state_->read_kv(n, l, *buffer));
        LECTERN_TRY(sink(*buffer));
    }
    return {};
}

Status Session::load_kv(std::span<const int32_t> tokens, const KvSource& source) {
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
    const ModelConfig& c = backend_->config();
    auto buffer = layer_buffer(c, options_.kv_type, n);
    if (!buffer) return buffer.error();
    for (int64_t l = 0; l < c.n_layer; ++l) {
        LECTERN_TRY(source(*buffer));
        LECTERN_TRY(state_->write_kv(n, l, *buffer));
    }
    tokens_.assign(tokens.begin(), tokens.end());
    return {};
}

Status Session::save_kv(int64_t n, std::vector<uint8_t>& bytes) const {
    if (n < 0 || n > n_past())
        return make_error(ErrorCode::InvalidArgument, "cannot save the KV cache",
                          std::to_string(n) + " of " + std::to_string(n_past()) + " tokens");
    try {
        bytes.clear();
        bytes.reserve(kv_snapshot_bytes(backend_->config(), options_.kv_type, n));
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::OutOfMemory, "not enough memory to copy the KV cache");
    }
    return save_kv(n, [&bytes](std::span<const uint8_t> layer) -> Status {
        bytes.insert(bytes.end(), layer.begin(), layer.end());
        return {};
    });
}

Status Session::load_kv(std::span<const int32_t> tokens, std::span<const uint8_t> bytes) {
    const size_t want = kv_snapshot_bytes(backend_->config(), options_.kv_type, static_cast<int64_t>(tokens.size()));
    if (bytes.size() != want)
        return make_error(ErrorCode::InvalidArgument, "a KV snapshot does not match the sequence",
                          std::to_string(bytes.size()) + " bytes, expected " + std::to_string(want));
    size_t at = 0;
    return load_kv(tokens, [&](std::span<uint8_t> layer) -> Status {
        if (!layer.empty()) std::memcpy(layer.data(), bytes.data() + at, layer.size());
        at += layer.size();
        return {};
    });
}

}  // namespace lectern
