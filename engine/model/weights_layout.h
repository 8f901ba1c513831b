// The tensors of a Llama model and the shapes the hyperparameters give them, shared by the
// GGUF and Hugging Face loaders: each loader supplies a `Fetch` that finds one tensor in its
// files, and assemble_weights() fills ModelWeights in a fixed order through it.
#pragma once

#include <functional>
#include <string>

#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::model {

enum class Slot {
    TokEmbd, AttnNorm, Wq, Wk, Wv, Wo, FfnNorm, Gate, Up, Down, OutputNorm, Output,
};

struct TensorSpec {
    Slot slot;
    int layer = -1;          // -1 outside the layers
    int64_t n_rows = 1;      // expected, from the hyperparameters
    int64_t n_cols = 0;
    bool is_norm = false;    // a (d_model) vector, returned as f32
    const char* dims = "";   // how the hyperparameters give the shape, for messages
};

// GGUF's name ("blk.3.attn_q.weight") and Hugging Face's ("model.layers.3.self_attn.q_proj.weight").
std::string gguf_name(Slot slot, int layer);
std::string hf_name(Slot slot, int layer);

// Finds the tensor for `spec` and checks its shape; errors name the tensor.
using Fetch = std::function<Result<TensorView>(const TensorSpec& spec)>;

// Checks that the hyperparameters are positive, consistent and of a plausible size.
// `source` says where they came from ("config.json", "GGUF metadata") for messages.
Status check_config(const ModelConfig& c, const std::string& source);

// Fills tok_embd, layers, output_norm and output (tok_embd's view when tied) of w,
// using w.config for the expected shapes.
Status assemble_weights(ModelWeights& w, const Fetch& fetch);

// "tensor 'x' has shape [r, c] but <source> gives [R, C] (dims)": Corrupt.
Error shape_error(const std::string& tensor, int64_t rows, int64_t cols, const TensorSpec& spec,
                  const std::string& source);

}  // namespace lectern::model
