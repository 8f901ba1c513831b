// Tensor names and expected shapes of a Llama model, and the assembly of ModelWeights from
// whatever file format supplies the tensors.
#include "model/weights_layout.h"

#include <cmath>

namespace lectern::model {
namespace {

struct Names {
    const char* gguf;  // after "blk.N." for layer tensors
    const char* hf;    // after "model.layers.N." for layer tensors
};

Names names_of(Slot slot) {
    switch (slot) {
    case Slot::TokEmbd: return {"token_embd.weight", "model.embed_tokens.weight"};
    case Slot::AttnNorm: return {"attn_norm.weight", "input_layernorm.weight"};
    case Slot::Wq: return {"attn_q.weight", "self_attn.q_proj.weight"};
    case Slot::Wk: return {"attn_k.weight", "self_attn.k_proj.weight"};
    case Slot::Wv: return {"attn_v.weight", "self_attn.v_proj.weight"};
    case Slot::Wo: return {"attn_output.weight", "self_attn.o_proj.weight"};
    case Slot::FfnNorm: return {"ffn_norm.weight", "post_attention_layernorm.weight"};
    case Slot::Gate: return {"ffn_gate.weight", "mlp.gate_proj.weight"};
    case Slot::Up: return {"ffn_up.weight", "mlp.up_proj.weight"};
    case Slot::Down: return {"ffn_down.weight", "mlp.down_proj.weight"};
    case Slot::OutputNorm: return {"output_norm.weight", "model.norm.weight"};
    case Slot::Output: return {"output.weight", "lm_head.weight"};
    }
    return {"", ""};
}

// Dimensions beyond these are implausible for any Llama and would only serve to make a
// forged header allocate or overflow.
constexpr int64_t kMaxDim = int64_t{1} << 24;
constexpr int64_t kMaxLayers = 1024;

Result<TensorView> fetch_one(const Fetch& fetch, Slot slot, int layer, int64_t rows,
                             int64_t cols, const char* dims) {
    TensorSpec spec{slot, layer, rows, cols, false, dims};
    spec.is_norm = slot == Slot::AttnNorm || slot == Slot::FfnNorm || slot == Slot::OutputNorm;
    return fetch(spec);
}

}  // namespace

std::string gguf_name(Slot slot, int layer) {
    std::string n = names_of(slot).gguf;
    return layer < 0 ? n : "blk." + std::to_string(layer) + "." + n;
}

std::string hf_name(Slot slot, int layer) {
    std::string n = names_of(slot).hf;
    return layer < 0 ? n : "model.layers." + std::to_string(layer) + "." + n;
}

Status check_config(const ModelConfig& c, const std::string& source) {
    auto bad = [&](const std::string& what) {
        return make_error(ErrorCode::Corrupt, source + ": " + what);
    };
    const std::pair<const char*, int64_t> dims[] = {
        {"n_vocab", c.n_vocab}, {"d_model", c.d_model}, {"n_head", c.n_head},
        {"n_kv_head", c.n_kv_head}, {"head_dim", c.head_dim}, {"d_ffn", c.d_ffn},
    };
    for (const auto& [name, v] : dims) {
        if (v <= 0 || v > kMaxDim)
            return bad(std::string(name) + " = " + std::to_string(v) + " is out of range");
    }
    if (c.n_layer <= 0 || c.n_layer > kMaxLayers)
        return bad("n_layer = " + std::to_string(c.n_layer) + " is out of range");
    if (c.n_head % c.n_kv_head != 0)
        return bad("n_head " + std::to_string(c.n_head) + " is not a multiple of n_kv_head " +
                   std::to_string(c.n_kv_head));
    if (c.head_dim % 2 != 0) return bad("head_dim " + std::to_string(c.head_dim) + " is odd");
    if (c.n_ctx_train < 0) return bad("the context length is negative");
    if (!(c.rope_theta > 0.0f) || !std::isfinite(c.rope_theta)) return bad("rope theta must be positive");
    if (!(c.rms_norm_eps > 0.0f) || !std::isfinite(c.rms_norm_eps))
        return bad("the RMS norm epsilon must be positive");
    return {};
}

Error shape_error(const std::string& tensor, int64_t rows, int64_t cols, const TensorSpec& spec,
                  const std::string& source) {
    if (spec.is_norm)
        return make_error(ErrorCode::Corrupt,
                          "tensor '" + tensor + "' has " + std::to_string(rows) + " rows of " +
                              std::to_string(cols) + " but " + source + " gives one row of " +
                              std::to_string(spec.n_cols) + " (" + spec.dims + ")");
    return make_error(ErrorCode::Corrupt,
                      "tensor '" + tensor + "' has " + std::to_string(rows) + " rows of " +
                          std::to_string(cols) + " but " + source + " gives " +
                          std::to_string(spec.n_rows) + " rows of " + std::to_string(spec.n_cols) +
                          " (" + spec.dims + ")");
}

Status assemble_weights(ModelWeights& w, const Fetch& fetch) {
    const ModelConfig& c = w.config;
    const int64_t q_rows = c.n_head * c.head_dim;
    const int64_t kv_rows = c.n_kv_head * c.head_dim;
    auto get = [&](TensorView& out, Slot slot, int layer, int64_t rows, int64_t cols,
                   const char* dims) -> Status {
        Result<TensorView> t = fetch_one(fetch, slot, layer, rows, cols, dims);
        if (!t.ok()) return t.error();
        out = std::move(*t);
        return {};
    };
    LECTERN_TRY(get(w.tok_embd, Slot::TokEmbd, -1, c.n_vocab, c.d_model, "n_vocab, d_model"));
    w.layers.assign(static_cast<size_t>(c.n_layer), LayerWeights{});
    for (int i = 0; i < static_cast<int>(c.n_layer); ++i) {
        LayerWeights& l = w.layers[static_cast<size_t>(i)];
        LECTERN_TRY(get(l.attn_norm, Slot::AttnNorm, i, 1, c.d_model, "d_model"));
        LECTERN_TRY(get(l.wq, Slot::Wq, i, q_rows, c.d_model, "n_head * head_dim, d_model"));
        LECTERN_TRY(get(l.wk, Slot::Wk, i, kv_rows, c.d_model, "n_kv_head * head_dim, d_model"));
        LECTERN_TRY(get(l.wv, Slot::Wv, i, kv_rows, c.d_model, "n_kv_head * head_dim, d_model"));
        LECTERN_TRY(get(l.wo, Slot::Wo, i, c.d_model, q_rows, "d_model, n_head * head_dim"));
        LECTERN_TRY(get(l.ffn_norm, Slot::FfnNorm, i, 1, c.d_model, "d_model"));
        LECTERN_TRY(get(l.w_gate, Slot::Gate, i, c.d_ffn, c.d_model, "d_ffn, d_model"));
        LECTERN_TRY(get(l.w_up, Slot::Up, i, c.d_ffn, c.d_model, "d_ffn, d_model"));
        LECTERN_TRY(get(l.w_down, Slot::Down, i, c.d_model, c.d_ffn, "d_model, d_ffn"));
    }
    LECTERN_TRY(get(w.output_norm, Slot::OutputNorm, -1, 1, c.d_model, "d_model"));
    if (c.tied_embeddings) {
        w.output = w.tok_embd;
    } else {
        LECTERN_TRY(get(w.output, Slot::Output, -1, c.n_vocab, c.d_model, "n_vocab, d_model"));
    }
    return {};
}

}  // namespace lectern::model
