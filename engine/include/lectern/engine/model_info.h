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
    size_t kv_cache_8bit_bytes = 0;  // a q8_0 KV cache (34 bytes per 32 values)
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

// The same facts from the model's header alone (a GGUF file's header, or a folder's
// config.json and the size of its safetensors): what the memory planner reads before any
// weight is mapped. No tokenizer check beyond the header's. Errors: NotFound, Io, Corrupt,
// UnsupportedModel.
Result<ModelInfo> inspect_model_header(const std::string& path);

// The architecture a model names ("llama", "qwen2", "gemma2"; a folder's config.json
// model_type, else its architectures[0]), read from its header even when Lectern cannot run
// it: how a list of the models on a machine says why one is unsupported. Errors: NotFound,
// Io, Corrupt.
Result<std::string> model_architecture(const std::string& path);

// The same facts from a model's header alone, before its weights are here (what a download
// checks against the memory free): no tensor data is read, the parameters are counted from
// the shapes. `context` names the model in errors and becomes ModelInfo::path.
//
// A GGUF file from its first `size` bytes of `file_size`: weights_bytes sums the tensors
// listed. Errors: Corrupt, UnsupportedModel as inspect_model; when the header runs past the
// prefix, Corrupt with *bytes_needed set to the length it needs at least (else set to 0).
Result<ModelInfo> inspect_gguf_header(const uint8_t* bytes, size_t size, uint64_t file_size,
                                      const std::string& context, uint64_t* bytes_needed);
// A Hugging Face model from its config.json text and the size of its safetensors shards.
// Errors: Corrupt, UnsupportedModel as read from config.json by the loader.
Result<ModelInfo> inspect_hf_config(const std::string& config_json, uint64_t weights_bytes,
                                    const std::string& context);

}  // namespace lectern
