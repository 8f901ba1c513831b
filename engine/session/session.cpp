// Session: chunked prefill, decode and truncation over a backend's sequence (see session.h).
#include "lectern/engine/session.h"

#include <algorithm>
#include <string>

namespace lectern {

Status check_context_size(const ModelConfig& config, int64_t n_ctx, bool beyond_training) {
    if (beyond_training || config.n_ctx_train <= 0 || n_ctx <= config.n_ctx_train) return {};
    return make_error(ErrorCode::InvalidArgument,
                      "a context of " + std::to_string(n_ctx) + " tokens is more than the " +
                          std::to_string(config.n_ctx_train) + " the model was trained for",
                      "use --ctx " + std::to_string(config.n_ctx_train) +
                          " or less, or --ctx-beyond-training to use it anyway");
}

Result<Session> Session::create(Backend& backend, const SessionOptions& options) {
    if (options.n_ctx < 1 || options.chunk < 1)
        return make_error(ErrorCode::InvalidArgument, "n_ctx and chunk must be at least 1");
    SequenceOptions so;
    so.n_ctx = options.n_ctx;
    so.max_chunk = std::min(options.chunk, options.n_ctx);
    so.kv_type = options.kv_type;
    auto state = backend.create_sequence(so);
    if (!state) return state.error();
    Session s;
    s.backend_ = &backend;
    s.state_ = std::move(state.value());
    s.options_ = options;
    s.options_.chunk = so.max_chunk;
    s.n_vocab_ = backend.config().n_vocab;
    try {
        s.tokens_.reserve(static_cast<size_t>(options.n_ctx));
        s.logits_.resize(static_cast<size_t>(s.n_vocab_));
        s.row_scratch_.reserve(static_cast<size_t>(so.max_chunk) + 1);
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::OutOfMemory, "not enough memory for the session");
    }
    return s;
}

std::span<const float> Session::last_logits() const {
    if (!logits_valid_) return {};
    return {logits_.data(), logits_.size()};
}

// Runs one chunk (tokens offset .. offset + chunk.size() of the current prefill call).
// Rows requested in options.rows that fall in this chunk, then the chunk's last token, are
// computed into rows_scratch_ (when rows are requested) or straight into logits_. Only the
// last chunk's last row matters to logits_, but every chunk's is kept (it costs one row).
Status Session::run_chunk(std::span<const int32_t> chunk, const PrefillOptions& options,
                          int64_t offset, const std::atomic<bool>* cancel) {
    const auto n = static_cast<int64_t>(chunk.size());
    row_scratch_.clear();
    size_t first = 0;
    while (first < options.rows.size() && options.rows[first] < offset) ++first;
    size_t last = first;
    while (last < options.rows.size() && options.rows[last] < offset + n) {
        row_scratch_.push_back(options.rows[last] - offset);
        ++last;
    }
    const auto n_req = static_cast<int64_t>(row_scratch_.size());
    // The last token's row ends the list (at most n rows: the backend's scratch holds n).
    if (row_scratch_.empty() || row_scratch_.back() != n - 1) row_scratch_.push_back(n - 1);
    const int64_t n_rows = static_cast<int64_t>(row_scratch_.size());
    float* out = logits_.data();
    if (n_req > 0) {
        rows_scratch_.resize(static_cast<size_t>(n_rows * n_vocab_));
        out = rows_scratch_.data();
    }
    const int64_t pos0 = n_past();
    logits_valid_ = false;
    LECTERN_TRY(backend_->forward(*state_, chunk, pos0, row_scratch_, out, cancel));
    tokens_.insert(tokens_.end(), chunk.begin(), chunk.end());
    if (n_req > 0) {
        const size_t vocab = static_cast<size_t>(n_vocab_);
        std::copy(out, out + n_req * n_vocab_, options.rows_out + first * vocab);
        std::copy(out + (n_rows - 1) * n_vocab_, out + n_rows * n_vocab_, logits_.data());
    }
    logits_valid_ = true;
    return {};
}

Result<std::span<const float>> Session::prefill(std::span<const int32_t> tokens,
                                                const PrefillOptions& options) {
    const auto total = static_cast<int64_t>(tokens.size());
    if (total == 0) return make_error(ErrorCode::InvalidArgument, "nothing to prefill");
    if (n_past() + total > options_.n_ctx) {
        return make_error(ErrorCode::InvalidArgument, "the prompt does not fit the context",
                          std::to_string(n_past()) + " + " + std::to_string(total) + " tokens > n_ctx " +
                              std::to_string(options_.n_ctx));
    }
    for (size_t i = 0; i < options.rows.size(); ++i) {
        const int64_t r = options.rows[i];
        if (r < 0 || r >= total || (i > 0 && r <= options.rows[i - 1]) || !options.rows_out)
            return make_error(ErrorCode::InvalidArgument,
                              "logit rows must be increasing indices into the tokens, with an output buffer");
    }
    for (int64_t done = 0; done < total;) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return make_error(ErrorCode::Cancelled, "prompt processing was cancelled");
        const int64_t n = std::min(options_.chunk, total - done);
        LECTERN_TRY(run_chunk(tokens.subspan(static_cast<size_t>(done), static_cast<size_t>(n)),
                              options, done, options.cancel));
        done += n;
        if (options.progress) options.progress(done, total);
    }
    return std::span<const float>(logits_.data(), logits_.size());
}

Result<std::span<const float>> Session::decode(int32_t token, const std::atomic<bool>* cancel) {
    if (n_past() + 1 > options_.n_ctx)
        return make_error(ErrorCode::InvalidArgument, "the context is full",
                          "n_ctx " + std::to_string(options_.n_ctx));
    PrefillOptions none;
    LECTERN_TRY(run_chunk(std::span<const int32_t>(&token, 1), none, 0, cancel));
    return std::span<const float>(logits_.data(), logits_.size());
}

Status Session::truncate(int64_t n) {
    if (n < 0 || n > n_past())
        return make_error(ErrorCode::InvalidArgument, "cannot truncate the session",
                          "to " + std::to_string(n) + " of " + std::to_string(n_past()) + " tokens");
    if (n == n_past()) return {};
    tokens_.resize(static_cast<size_t>(n));
    logits_valid_ = false;
    return {};
}

int64_t Session::common_prefix(std::span<const int32_t> tokens) const {
    const size_t n = std::min(tokens.size(), tokens_.size());
    size_t i = 0;
    while (i < n && tokens[i] == tokens_[i]) ++i;
    return static_cast<int64_t>(i);
}

}  // namespace lectern
