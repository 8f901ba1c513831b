// inspect_model (see lectern/engine/model_info.h): load_model, then the facts `info` shows.
// The tokenizer is named from GGUF's tokenizer.ggml.model / .pre, or from the files of a
// Hugging Face folder, without loading it.
#include "lectern/engine/model_info.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "gguf/gguf_file.h"
#include "lectern/engine/model_loader.h"

namespace lectern {
namespace {

Result<TokenizerInfo> gguf_tokenizer(const std::string& path) {
    Result<gguf::File> f = gguf::File::open(path);
    if (!f.ok()) return f.error();
    const std::string model = f->get_string("tokenizer.ggml.model").value_or("");
    if (model.empty()) return TokenizerInfo{};
    if (model == "gpt2") {
        const std::string pre = f->get_string("tokenizer.ggml.pre").value_or("default");
        return TokenizerInfo{TokenizerFileKind::ByteLevelBpe, "gguf gpt2, pre " + pre};
    }
    if (model == "llama") return TokenizerInfo{TokenizerFileKind::SentencePiece, "gguf llama"};
    return TokenizerInfo{TokenizerFileKind::Unsupported, "gguf " + model};
}

TokenizerInfo folder_tokenizer(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(fs::path(dir) / "tokenizer.json", ec)) return {TokenizerFileKind::ByteLevelBpe, "tokenizer.json"};
    if (fs::exists(fs::path(dir) / "tokenizer.model", ec)) return {TokenizerFileKind::SentencePiece, "tokenizer.model"};
    return {};
}

std::string rope_description(const ModelWeights& w) {
    const RopeScaling& s = w.config.rope_scaling;
    char buf[160];
    if (s.factor > 0.0f) {
        std::snprintf(buf, sizeof buf, "llama3, factor %g (low %g, high %g, original context %lld)",
                      s.factor, s.low_freq_factor, s.high_freq_factor,
                      static_cast<long long>(s.original_max_position));
        return buf;
    }
    if (w.rope_freq_factors.empty()) return "none";
    auto [lo, hi] = std::minmax_element(w.rope_freq_factors.begin(), w.rope_freq_factors.end());
    std::snprintf(buf, sizeof buf, "per-frequency divisors %g..%g", *lo, *hi);
    return buf;
}

const char* kind_name(TokenizerFileKind kind) {
    switch (kind) {
    case TokenizerFileKind::None: return "none";
    case TokenizerFileKind::ByteLevelBpe: return "byte-level BPE";
    case TokenizerFileKind::SentencePiece: return "SentencePiece";
    case TokenizerFileKind::Unsupported: return "unsupported";
    }
    return "unknown";
}

}  // namespace

std::string TokenizerInfo::to_string() const {
    if (kind == TokenizerFileKind::None) return kind_name(kind);
    return std::string(kind_name(kind)) + " (" + source + ")";
}

ModelMemory ModelInfo::memory(int64_t n_ctx) const {
    return {n_ctx, weights_bytes, kv_cache_bytes(config, n_ctx, 2), kv_cache_bytes(config, n_ctx, 1)};
}

Result<ModelInfo> inspect_model(const std::string& path) {
    Result<ModelWeights> w = load_model(path);
    if (!w.ok()) return w.error();
    ModelInfo info;
    info.path = w->source_path;
    info.format = w->source_format;
    info.config = w->config;
    info.parameters = w->parameter_count();
    for (const TensorView* t : w->all_tensors()) ++info.tensor_types[t->type];
    info.rope_scaling = rope_description(*w);
    if (w->source_format == "gguf") {
        auto tokenizer = gguf_tokenizer(w->source_path);
        if (!tokenizer.ok()) return tokenizer.error();
        info.tokenizer = std::move(tokenizer.value());
    } else {
        info.tokenizer = folder_tokenizer(w->source_path);
    }
    info.weights_bytes = w->weight_bytes();
    return info;
}

}  // namespace lectern
