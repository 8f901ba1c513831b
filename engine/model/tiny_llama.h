// A tiny, valid Llama model written in memory (GGUF or safetensors) for tests and for the
// fuzzers' seed corpus: n_vocab 16, d_model 32, 1 layer, 2 heads / 1 kv head of head_dim 16,
// d_ffn 64, f32 weights (values i * 1e-3 so tensors differ), llama3 rope factors.
#pragma once

#include <cstring>
#include <string>
#include <vector>

#include "gguf/gguf_file.h"

namespace lectern::tiny_llama {

constexpr int64_t n_vocab = 16, d_model = 32, n_layer = 1, n_head = 2, n_kv_head = 1,
                  head_dim = 16, d_ffn = 64;

struct Tensor {
    std::string gguf_name;
    std::string hf_name;
    std::vector<int64_t> ne;  // GGUF order: ne[0] = n_cols
};

inline std::vector<Tensor> tensors() {
    const int64_t q = n_head * head_dim, kv = n_kv_head * head_dim;
    std::vector<Tensor> t = {{"token_embd.weight", "model.embed_tokens.weight", {d_model, n_vocab}}};
    auto layer = [](const char* g, const char* h, std::vector<int64_t> ne) {
        return Tensor{std::string("blk.0.") + g, std::string("model.layers.0.") + h, std::move(ne)};
    };
    t.push_back(layer("attn_norm.weight", "input_layernorm.weight", {d_model}));
    t.push_back(layer("attn_q.weight", "self_attn.q_proj.weight", {d_model, q}));
    t.push_back(layer("attn_k.weight", "self_attn.k_proj.weight", {d_model, kv}));
    t.push_back(layer("attn_v.weight", "self_attn.v_proj.weight", {d_model, kv}));
    t.push_back(layer("attn_output.weight", "self_attn.o_proj.weight", {q, d_model}));
    t.push_back(layer("ffn_norm.weight", "post_attention_layernorm.weight", {d_model}));
    t.push_back(layer("ffn_gate.weight", "mlp.gate_proj.weight", {d_model, d_ffn}));
    t.push_back(layer("ffn_up.weight", "mlp.up_proj.weight", {d_model, d_ffn}));
    t.push_back(layer("ffn_down.weight", "mlp.down_proj.weight", {d_ffn, d_model}));
    t.push_back({"output_norm.weight", "model.norm.weight", {d_model}});
    t.push_back({"output.weight", "lm_head.weight", {d_model, n_vocab}});
    return t;
}

inline std::vector<uint8_t> f32_values(int64_t n, float scale) {
    std::vector<float> v(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) v[static_cast<size_t>(i)] = scale * static_cast<float>(i % 97);
    std::vector<uint8_t> b(v.size() * 4);
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

inline int64_t elements(const std::vector<int64_t>& ne) {
    int64_t n = 1;
    for (int64_t d : ne) n *= d;
    return n;
}

// The GGUF metadata and tensors of the tiny model (f32).
inline gguf::Writer gguf_writer() {
    gguf::Writer w;
    w.set_string("general.architecture", "llama");
    w.set_string("general.name", "tiny");
    w.set_u32("llama.context_length", 2048);
    w.set_u32("llama.embedding_length", d_model);
    w.set_u32("llama.block_count", n_layer);
    w.set_u32("llama.feed_forward_length", d_ffn);
    w.set_u32("llama.attention.head_count", n_head);
    w.set_u32("llama.attention.head_count_kv", n_kv_head);
    w.set_f32("llama.rope.freq_base", 500000.0f);
    w.set_f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
    w.set_string("tokenizer.ggml.model", "gpt2");
    w.set_string_array("tokenizer.ggml.tokens", {"a", "b", "c"});
    for (const Tensor& t : tensors())
        w.add_tensor(t.gguf_name, DType::F32, t.ne, f32_values(elements(t.ne), 1e-3f));
    const float factors[head_dim / 2] = {1, 1, 1, 2, 4, 8, 8, 8};
    std::vector<uint8_t> rope(sizeof factors);
    std::memcpy(rope.data(), factors, sizeof factors);
    w.add_tensor("rope_freqs.weight", DType::F32, {head_dim / 2}, std::move(rope));
    return w;
}

inline std::vector<uint8_t> gguf_bytes() { return gguf_writer().to_bytes(); }

// A safetensors image of the tiny model's tensors under their Hugging Face names (f32).
inline std::vector<uint8_t> safetensors_bytes() {
    std::string header = "{\"__metadata__\":{\"format\":\"pt\"}";
    std::vector<uint8_t> data;
    for (const Tensor& t : tensors()) {
        std::string shape = t.ne.size() == 1 ? std::to_string(t.ne[0])
                                              : std::to_string(t.ne[1]) + "," + std::to_string(t.ne[0]);
        std::vector<uint8_t> bytes = f32_values(elements(t.ne), 1e-3f);
        header += ",\"" + t.hf_name + "\":{\"dtype\":\"F32\",\"shape\":[" + shape +
                  "],\"data_offsets\":[" + std::to_string(data.size()) + "," +
                  std::to_string(data.size() + bytes.size()) + "]}";
        data.insert(data.end(), bytes.begin(), bytes.end());
    }
    header += "}";
    while ((8 + header.size()) % 8 != 0) header += ' ';
    std::vector<uint8_t> out(8 + header.size() + data.size());
    uint64_t n = header.size();
    std::memcpy(out.data(), &n, 8);
    std::memcpy(out.data() + 8, header.data(), header.size());
    std::memcpy(out.data() + 8 + header.size(), data.data(), data.size());
    return out;
}

// config.json of the tiny model.
inline std::string config_json() {
    return R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": 16,
  "hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 1,
  "num_attention_heads": 2, "num_key_value_heads": 1, "head_dim": 16,
  "max_position_embeddings": 2048, "rms_norm_eps": 1e-05, "rope_theta": 500000.0,
  "tie_word_embeddings": false,
  "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                   "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}})";
}

}  // namespace lectern::tiny_llama
