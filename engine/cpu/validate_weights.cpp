// Checks a ModelWeights before the CPU backend runs it (every later step trusts the shapes),
// and make_cpu_backend, the backend's public factory.
#include <string>

#include "cpu/cpu_backend.h"

namespace lectern::cpu {
namespace {

constexpr int64_t kMaxHeadDim = 512;  // attention keeps one row of head_dim on the stack

Status check(const TensorView& t, const char* what, int64_t n_cols, int64_t n_rows) {
    if (t.empty()) return make_error(ErrorCode::Corrupt, std::string("missing tensor: ") + what);
    if (t.n_cols != n_cols || t.n_rows != n_rows) {
        return make_error(ErrorCode::Corrupt,
                          std::string("tensor ") + what + " has shape (" +
                              std::to_string(t.n_rows) + ", " + std::to_string(t.n_cols) +
                              "), expected (" + std::to_string(n_rows) + ", " +
                              std::to_string(n_cols) + ")",
                          t.name);
    }
    return {};
}

Status check_norm(const TensorView& t, const char* what, int64_t d) {
    LECTERN_TRY(check(t, what, d, 1));
    if (t.type != DType::F32)
        return make_error(ErrorCode::UnsupportedModel, std::string("norm weights must be f32: ") + what, t.name);
    return {};
}

Status check_config(const ModelConfig& c) {
    if (c.n_vocab < 1 || c.d_model < 1 || c.n_layer < 1 || c.n_head < 1 || c.n_kv_head < 1 ||
        c.head_dim < 2 || c.d_ffn < 1)
        return make_error(ErrorCode::Corrupt, "model dimensions must be positive");
    if (c.n_head % c.n_kv_head != 0)
        return make_error(ErrorCode::UnsupportedModel, "n_head is not a multiple of n_kv_head");
    if (c.head_dim % 2 != 0 || c.head_dim > kMaxHeadDim)
        return make_error(ErrorCode::UnsupportedModel,
                          "head_dim " + std::to_string(c.head_dim) + " is not supported");
    return {};
}

}  // namespace

Status validate_weights(const ModelWeights& w) {
    const ModelConfig& c = w.config;
    LECTERN_TRY(check_config(c));
    const int64_t q_dim = c.n_head * c.head_dim, kv_dim = c.n_kv_head * c.head_dim;
    LECTERN_TRY(check(w.tok_embd, "token_embd", c.d_model, c.n_vocab));
    if (static_cast<int64_t>(w.layers.size()) != c.n_layer)
        return make_error(ErrorCode::Corrupt, "the number of layers does not match n_layer");
    for (const LayerWeights& L : w.layers) {
        LECTERN_TRY(check_norm(L.attn_norm, "attn_norm", c.d_model));
        LECTERN_TRY(check(L.wq, "attn_q", c.d_model, q_dim));
        LECTERN_TRY(check(L.wk, "attn_k", c.d_model, kv_dim));
        LECTERN_TRY(check(L.wv, "attn_v", c.d_model, kv_dim));
        LECTERN_TRY(check(L.wo, "attn_output", q_dim, c.d_model));
        LECTERN_TRY(check_norm(L.ffn_norm, "ffn_norm", c.d_model));
        LECTERN_TRY(check(L.w_gate, "ffn_gate", c.d_model, c.d_ffn));
        LECTERN_TRY(check(L.w_up, "ffn_up", c.d_model, c.d_ffn));
        LECTERN_TRY(check(L.w_down, "ffn_down", c.d_ffn, c.d_model));
    }
    LECTERN_TRY(check_norm(w.output_norm, "output_norm", c.d_model));
    LECTERN_TRY(check(w.output, "output", c.d_model, c.n_vocab));
    if (!w.rope_freq_factors.empty() &&
        static_cast<int64_t>(w.rope_freq_factors.size()) != c.head_dim / 2)
        return make_error(ErrorCode::Corrupt, "rope_freqs must hold head_dim / 2 values");
    return {};
}

}  // namespace lectern::cpu

namespace lectern {

const char* cpu_activations_name(CpuActivations activations) {
    return activations == CpuActivations::Int8 ? "int8" : "exact";
}

CpuActivations default_cpu_activations(DType weight_type) {
    // The measured table (docs/cpu-activations.md); activation_defaults_test measures it
    // again and fails when a row no longer follows the one-third rule.
    switch (weight_type) {
    case DType::Q4_0:
    case DType::Q4_K:
    case DType::Q5_K:
    case DType::Q6_K: return CpuActivations::Int8;
    default: return CpuActivations::Exact;
    }
}

Result<std::unique_ptr<Backend>> make_cpu_backend(std::shared_ptr<const ModelWeights> weights,
                                                  const CpuBackendOptions& options) {
    if (!weights) return make_error(ErrorCode::InvalidArgument, "no model weights");
    LECTERN_TRY(cpu::validate_weights(*weights));
    return std::unique_ptr<Backend>(std::make_unique<cpu::CpuBackend>(std::move(weights), options));
}

}  // namespace lectern
