// The in-memory Llama model every loader produces and every backend consumes.
//
// Conventions (the same whatever file the model came from):
// - A matrix tensor W has n_rows output features and n_cols input features; its rows are
//   contiguous in `data` and quantized along the row (GGUF's ne0 = n_cols, ne1 = n_rows).
//   y = W x means y[r] = dot(row r, x).
// - Rotary layout is GGUF's: rows of wq/wk are ordered so rotary embedding rotates adjacent
//   pairs (x[2i], x[2i+1]) of each head. Loaders of Hugging Face folders permute rows.
// - Weights are used in their stored type (mmap'd, zero copy where possible); `storage`
//   keeps the mappings and any buffers the loader had to create alive.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lectern/engine/dtype.h"

namespace lectern {

struct TensorView {
    std::string name;       // the GGUF name, e.g. "blk.3.attn_q.weight"
    DType type = DType::F32;
    int64_t n_cols = 0;     // elements per row (ne0)
    int64_t n_rows = 1;     // rows (ne1); 1 for vectors
    const void* data = nullptr;

    bool empty() const { return data == nullptr; }
    size_t bytes() const { return row_bytes(type, n_cols) * static_cast<size_t>(n_rows); }
    const uint8_t* row(int64_t r) const {
        return static_cast<const uint8_t*>(data) + row_bytes(type, n_cols) * static_cast<size_t>(r);
    }
};

struct RopeScaling {
    // Llama 3 scaling ("rope_type": "llama3"); factor 0 means no scaling.
    float factor = 0.0f;
    float low_freq_factor = 1.0f;
    float high_freq_factor = 4.0f;
    int64_t original_max_position = 8192;
};

struct ModelConfig {
    std::string architecture = "llama";
    std::string name;           // general.name or the folder's name
    int64_t n_vocab = 0;
    int64_t d_model = 0;
    int64_t n_layer = 0;
    int64_t n_head = 0;
    int64_t n_kv_head = 0;
    int64_t head_dim = 0;
    int64_t d_ffn = 0;
    int64_t n_ctx_train = 0;    // the context the model was trained for
    float rope_theta = 10000.0f;
    float rms_norm_eps = 1e-5f;
    RopeScaling rope_scaling;
    bool tied_embeddings = false;
};

struct LayerWeights {
    TensorView attn_norm;  // (d_model) f32
    TensorView wq;         // (n_head * head_dim, d_model)
    TensorView wk;         // (n_kv_head * head_dim, d_model)
    TensorView wv;         // (n_kv_head * head_dim, d_model)
    TensorView wo;         // (d_model, n_head * head_dim)
    TensorView ffn_norm;   // (d_model) f32
    TensorView w_gate;     // (d_ffn, d_model)
    TensorView w_up;       // (d_ffn, d_model)
    TensorView w_down;     // (d_model, d_ffn)
};

struct ModelWeights {
    ModelConfig config;
    TensorView tok_embd;     // (n_vocab, d_model)
    std::vector<LayerWeights> layers;
    TensorView output_norm;  // (d_model) f32
    TensorView output;       // (n_vocab, d_model); the same view as tok_embd when tied
    // Per rotary pair i (head_dim / 2 values): the frequency theta^(-2i/head_dim) is divided
    // by rope_freq_factors[i]. Empty: no scaling. GGUF stores it as `rope_freqs.weight`;
    // Hugging Face folders compute it from config.json's rope_scaling.
    std::vector<float> rope_freq_factors;
    std::string source_path;
    std::string source_format;   // "gguf" or "safetensors"
    std::vector<std::shared_ptr<const void>> storage;

    // Every tensor in a fixed order (embeddings, layers, output), for tools and uploads.
    std::vector<const TensorView*> all_tensors() const;
    int64_t parameter_count() const;
    size_t weight_bytes() const;
};

}  // namespace lectern
