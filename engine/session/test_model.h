// For tests: a small Llama model with random float32 weights built in memory, so session,
// sampler and generation tests run without a model file.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "lectern/engine/model_weights.h"

namespace lectern::testing {

inline TensorView random_tensor(ModelWeights& w, const std::string& name, int64_t n_cols,
                                int64_t n_rows, std::mt19937& rng, float scale, float mean = 0.0f) {
    auto buf = std::make_shared<std::vector<float>>(static_cast<size_t>(n_cols * n_rows));
    std::normal_distribution<float> d(mean, scale);
    for (float& x : *buf) x = d(rng);
    w.storage.push_back(buf);
    return TensorView{name, DType::F32, n_cols, n_rows, buf->data()};
}

// n_vocab 96, d_model 32, 2 layers, 4 heads / 2 KV heads of 8, d_ffn 48, llama3-style factors.
inline std::shared_ptr<ModelWeights> make_random_model(uint32_t seed = 1) {
    auto w = std::make_shared<ModelWeights>();
    ModelConfig& c = w->config;
    c.name = "random-tiny";
    c.n_vocab = 96;
    c.d_model = 32;
    c.n_layer = 2;
    c.n_head = 4;
    c.n_kv_head = 2;
    c.head_dim = 8;
    c.d_ffn = 48;
    c.n_ctx_train = 256;
    c.rope_theta = 10000.0f;
    std::mt19937 rng(seed);
    const float s = 0.3f;
    w->tok_embd = random_tensor(*w, "token_embd.weight", c.d_model, c.n_vocab, rng, 1.0f);
    for (int64_t l = 0; l < c.n_layer; ++l) {
        LayerWeights L;
        const std::string p = "blk." + std::to_string(l) + ".";
        L.attn_norm = random_tensor(*w, p + "attn_norm.weight", c.d_model, 1, rng, 0.1f, 1.0f);
        L.wq = random_tensor(*w, p + "attn_q.weight", c.d_model, c.n_head * c.head_dim, rng, s);
        L.wk = random_tensor(*w, p + "attn_k.weight", c.d_model, c.n_kv_head * c.head_dim, rng, s);
        L.wv = random_tensor(*w, p + "attn_v.weight", c.d_model, c.n_kv_head * c.head_dim, rng, s);
        L.wo = random_tensor(*w, p + "attn_output.weight", c.n_head * c.head_dim, c.d_model, rng, s);
        L.ffn_norm = random_tensor(*w, p + "ffn_norm.weight", c.d_model, 1, rng, 0.1f, 1.0f);
        L.w_gate = random_tensor(*w, p + "ffn_gate.weight", c.d_model, c.d_ffn, rng, s);
        L.w_up = random_tensor(*w, p + "ffn_up.weight", c.d_model, c.d_ffn, rng, s);
        L.w_down = random_tensor(*w, p + "ffn_down.weight", c.d_ffn, c.d_model, rng, s);
        w->layers.push_back(L);
    }
    w->output_norm = random_tensor(*w, "output_norm.weight", c.d_model, 1, rng, 0.1f, 1.0f);
    w->output = random_tensor(*w, "output.weight", c.d_model, c.n_vocab, rng, s);
    w->rope_freq_factors = {1.0f, 1.0f, 3.0f, 8.0f};
    return w;
}

}  // namespace lectern::testing
