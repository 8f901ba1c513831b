// A Session is one conversation with the model: a KV cache on a backend, the tokens it holds
// (n_past of them), and the logits of the last one. Typical use:
//
//   auto backend = make_cpu_backend(weights);                 // backend.h
//   auto session = Session::create(**backend, {.n_ctx = 8192});
//   auto logits = session->prefill(prompt_ids);               // prompt, in chunks
//   int32_t next = sampler.sample(*logits, session->tokens());
//   logits = session->decode(next);                            // one token at a time
//
// Prompts are processed in chunks of at most `chunk` tokens, so scratch memory depends on
// the chunk size, not on the prompt's length. Nothing is allocated per decoded token.
// A session is used from one thread; only the cancel flag may be set from another. It keeps
// a reference to its backend, which must outlive it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "lectern/engine/backend.h"
#include "lectern/engine/result.h"

namespace lectern {

struct SessionOptions {
    int64_t n_ctx = 4096;   // the most tokens the session can hold
    int64_t chunk = 512;    // the most tokens per forward pass during prefill
    KvType kv_type = KvType::F32;
};

struct PrefillOptions {
    // Called after each chunk with (tokens of this call done so far, tokens of this call).
    std::function<void(int64_t done, int64_t total)> progress;
    // Set from any thread to stop; prefill then returns Cancelled. The chunks that completed
    // stay in the session (n_past counts them); truncate() rolls back further if wanted.
    const std::atomic<bool>* cancel = nullptr;
    // Optional: indices into this call's tokens whose logits are also wanted, written to
    // rows_out (rows.size() x n_vocab f32). The last token's logits are always returned.
    std::span<const int64_t> rows;
    float* rows_out = nullptr;
};

// Refuses a context longer than the one the model was trained for (config.n_ctx_train; 0 when
// the file does not say): positions past it were never seen in training and the model's
// answers there are unreliable. `beyond_training` accepts it anyway. Errors: InvalidArgument,
// naming the model's limit.
Status check_context_size(const ModelConfig& config, int64_t n_ctx, bool beyond_training);

class Session {
public:
    // Errors: InvalidArgument (n_ctx or chunk < 1), OutOfMemory (the KV cache).
    static Result<Session> create(Backend& backend, const SessionOptions& options = {});

    // Appends `tokens` (at positions n_past..) and returns the logits of the last one
    // (n_vocab f32, valid until the next call that changes the session).
    // Errors: InvalidArgument (empty, a bad token id, more than n_ctx tokens in all),
    // Cancelled.
    Result<std::span<const float>> prefill(std::span<const int32_t> tokens,
                                           const PrefillOptions& options = {});
    // Appends one token; returns its logits like prefill.
    Result<std::span<const float>> decode(int32_t token,
                                          const std::atomic<bool>* cancel = nullptr);

    // Keeps the first n tokens (n <= n_past) and forgets the rest, e.g. to reuse a common
    // prefix. The logits of the last kept token are not recomputed: last_logits() is empty
    // until the next prefill/decode.
    Status truncate(int64_t n);
    // Length of the longest common prefix of the session's tokens and `tokens`.
    int64_t common_prefix(std::span<const int32_t> tokens) const;

    // KV snapshots (session_kv.cpp): copies the keys and values of the first n tokens out,
    // or replaces the session's content with `tokens` and their saved keys and values (from
    // the same model and kv type; the caller checks that). last_logits() is then empty
    // until the next prefill. The streamed forms hand over (or ask for) one layer at a time,
    // kv_snapshot_bytes(config, kv_type, n) / n_layer bytes each, so a snapshot of gigabytes
    // never sits whole in memory; an error from the sink or source stops the copy (a failed
    // load leaves the session empty). Errors: InvalidArgument (sizes), Unsupported (backend),
    // those of the sink or source.
    using KvSink = std::function<Status(std::span<const uint8_t> layer_bytes)>;
    using KvSource = std::function<Status(std::span<uint8_t> layer_bytes)>;
    Status save_kv(int64_t n, const KvSink& sink) const;
    Status load_kv(std::span<const int32_t> tokens, const KvSource& source);
    Status save_kv(int64_t n, std::vector<uint8_t>& bytes) const;
    Status load_kv(std::span<const int32_t> tokens, std::span<const uint8_t> bytes);

    int64_t n_past() const { return static_cast<int64_t>(tokens_.size()); }
    int64_t n_ctx() const { return options_.n_ctx; }
    int64_t n_vocab() const { return n_vocab_; }
    const std::vector<int32_t>& tokens() const { return tokens_; }
    std::span<const float> last_logits() const;
    const SessionOptions& options() const { return options_; }
    Backend& backend() const { return *backend_; }

private:
    Session() = default;
    Status run_chunk(std::span<const int32_t> chunk, const PrefillOptions& options,
                     int64_t offset, const std::atomic<bool>* cancel);

    Backend* backend_ = nullptr;
    std::unique_ptr<SequenceState> state_;
    SessionOptions options_;
    int64_t n_vocab_ = 0;
    std::vector<int32_t> tokens_;      // the tokens in the KV cache, in order
    std::vector<float> logits_;        // (n_vocab) of the last token
    std::vector<int64_t> row_scratch_; // (chunk + 1) logit row indices of one forward pass
    std::vector<float> rows_scratch_;  // (chunk, n_vocab) requested rows of one forward pass
    bool logits_valid_ = false;
};

}  // namespace lectern
