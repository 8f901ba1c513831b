// What a model file or folder holds, without running it: architecture, shapes, rope, tensor
// types, tokenizer and the memory it needs. `lectern-cli info` prints it; a model picker
// can show it. inspect_model loads the model as load_model does (the same checks, weights
// mapped, not read), so a model it describes is one Lectern can load.
//
// Errors: those of load_model (NotFound, Io, Corrupt, UnsupportedModel).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "lectern/engine/dtype.h"
#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern {

// What kind of tokenizer a model file or folder brings (named apart from the loaded
// tokenizer's TokenizerKind, so both headers can be included together).
enum class TokenizerFileKind {
    None,           // the model brings no tokenizer
    ByteLevelBpe,   // Llama 3's (tokenizer.json, or GGUF model "gpt2")
    SentencePiece,  // Llama 2's (tokenizer.model, or GGUF model "llama")
    Unsupported,    // a GGUF tokenizer model Lectern does not read
};

struct TokenizerInfo {
    TokenizerFileKind kind = TokenizerFileKind::None;
    // Where it comes from: "tokenizer.json", "tokenizer.model", "gguf gpt2, pre llama-bpe",
    // "gguf llama", "gguf <model>" (Unsupported); empty for None.
    std::string source;

    // "byte-level BPE (tokenizer.json)", "SentencePiece (gguf llama)",
    // "unsupported (gguf bert)" or "none".
    std::string to_string() const;
};

// Memory the model needs at a context length.
struct ModelMemory {
    int64_t n_ctx = 0;
    size_t weights_bytes = 0;
    size_t kv_cache_f16_bytes = 0;   // a KV cache of 16-bit elements (f16, bf16)
    size_t kv_cache_8bit_bytes = 0;  // a KV cache of 8-bit elements
};

struct ModelInfo {
    std::string path;    // the file or folder loaded
    std::string format;  // "gguf" or "safetensors"
    // Architecture, name, shapes (n_vocab, d_model, n_layer, n_head, n_kv_head, head_dim,
    // d_ffn), context length (n_ctx_train), rope theta and scaling, tied embeddings.
    ModelConfig config;
    int64_t parameters = 0;
    std::map<DType, int> tensor_types;  // tensors of each stored type
    // "llama3, factor 8 (low 1, high 4, original context 8192)", "per-frequency divisors
    // 1..8" (a GGUF rope_freqs tensor) or "none".
    std::string rope_scaling;
    TokenizerInfo tokenizer;
    size_t weights_bytes = 0;

    // Weights, and a KV cache for n_ctx positions in 16 and in 8 bits.
    ModelMemory memory(int64_t n_ctx) const;
};

Result<ModelInfo> inspect_model(const std::string& path);

}  // namespace lectern
