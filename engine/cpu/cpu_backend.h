// The CPU backend: the Llama forward pass in float32 over weights in their stored types,
// multithreaded through one ThreadPool. Per chunk of n_tok tokens at positions pos0..:
//   x = embed(tokens)                                        (n_tok, d_model)
//   per layer: x += wo . attention(rope(wq . rms_norm(x)), cache)
//              x += w_down . swiglu(w_gate . rms_norm(x), w_up . rms_norm(x))
//   logits[r] = output . rms_norm(x[r]) for the requested rows r only.
#pragma once

#include <memory>
#include <vector>

#include "cpu/kv_cache.h"
#include "cpu/thread_pool.h"
#include "lectern/engine/backend.h"

namespace lectern::cpu {

// Buffers of one sequence, sized once for max_chunk tokens (C below) and n_ctx positions.
struct Scratch {
    std::vector<float> x;       // (C, d_model) residual stream
    std::vector<float> xn;      // (C, d_model) normalized input / projection output
    std::vector<float> q;       // (C, n_head * head_dim)
    std::vector<float> k;       // (C, n_kv_head * head_dim)
    std::vector<float> v;       // (C, n_kv_head * head_dim)
    std::vector<float> att;     // (C, n_head * head_dim) attention output
    std::vector<float> gate;    // (C, d_ffn)
    std::vector<float> up;      // (C, d_ffn)
    std::vector<float> cos;     // (C, head_dim / 2)
    std::vector<float> sin;     // (C, head_dim / 2)
    std::vector<float> scores;  // (n_threads, kAttendTile, n_ctx) scores of one query tile per thread
    std::vector<float> head_x;  // (C, d_model) rows whose logits are requested

    size_t bytes() const;
};

class CpuSequence final : public SequenceState {
public:
    CpuSequence(const SequenceOptions& options, KvCache cache, Scratch scratch, const void* owner)
        : options_(options), cache_(std::move(cache)), scratch_(std::move(scratch)), owner_(owner) {}
    const SequenceOptions& options() const override { return options_; }
    size_t kv_bytes() const override { return cache_.bytes(); }
    size_t scratch_bytes() const override { return scratch_.bytes(); }
    // kv_cache_io.cpp
    Status read_kv(int64_t n_tokens, int64_t layer, std::span<uint8_t> bytes) const override;
    Status write_kv(int64_t n_tokens, int64_t layer, std::span<const uint8_t> bytes) override;

    KvCache& cache() { return cache_; }
    Scratch& scratch() { return scratch_; }
    const void* owner() const { return owner_; }

private:
    SequenceOptions options_;
    KvCache cache_;
    Scratch scratch_;
    const void* owner_;  // the backend that created it
};

class CpuBackend final : public Backend {
public:
    CpuBackend(std::shared_ptr<const ModelWeights> weights, const CpuBackendOptions& options);
    std::string name() const override { return "cpu"; }
    const ModelConfig& config() const override { return w_->config; }
    Result<std::unique_ptr<SequenceState>> create_sequence(const SequenceOptions& options) override;
    Status forward(SequenceState& sequence, std::span<const int32_t> tokens, int64_t pos0,
                   std::span<const int64_t> logit_rows, float* logits,
                   const std::atomic<bool>* cancel) override;
    void set_layer_observer(std::function<void(int64_t layer)> observer) override {
        on_layer_ = std::move(observer);
    }

    ThreadPool& pool() { return pool_; }

private:
    void attention_block(int64_t layer, CpuSequence& seq, int64_t pos0, int64_t n_tok);
    void attend_all(int64_t layer, CpuSequence& seq, int64_t pos0, int64_t n_tok);
    void ffn_block(int64_t layer, Scratch& s, int64_t n_tok);
    void output_head(Scratch& s, std::span<const int64_t> rows, float* logits);

    // y = x W^T for n_tok rows of x (matmul, with this backend's activations).
    void product(const TensorView& w, const float* x, int64_t n_tok, float* y);

    std::shared_ptr<const ModelWeights> w_;
    ThreadPool pool_;
    CpuActivations activations_;
    std::function<void(int64_t layer)> on_layer_;
};

// Checks that `weights` is a complete Llama model the CPU backend can run: every tensor
// present with the shape its config implies. Errors: UnsupportedModel, Corrupt.
Status validate_weights(const ModelWeights& weights);

}  // namespace lectern::cpu
