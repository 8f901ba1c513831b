// inspect_model (see lectern/engine/model_info.h): load_model, then the facts `info` shows.
// The tokenizer is named from GGUF's tokenizer.ggml.model / .pre, or from the files of a
// Hugging Face folder, without loading it.
#include "lectern/engine/model_info.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "gguf/gguf_file.h"
#include "lectern/engine/backend.h"
#include "lectern/engine/model_loader.h"
#include "model/hf_config.h"
#include "model/loaders.h"
#include "model/weights_layout.h"

namespace lectern {
namespace {

TokenizerInfo gguf_tokenizer(const gguf::File& f) {
    const std::string model = f.get_string("tokenizer.ggml.model").value_or("");
    if (model.empty()) return TokenizerInfo{};
    if (model == "gpt2") {
        const std::string pre = f.get_string("tokenizer.ggml.pre").value_or("default");
        return TokenizerInfo{TokenizerFileKind::ByteLevelBpe, "gguf gpt2, pre " + pre};
    }
    if (model == "llama") return TokenizerInfo{TokenizerFileKind::SentencePiece, "gguf llama"};
    return TokenizerInfo{TokenizerFileKind::Unsupported, "gguf " + model};
}

Result<TokenizerInfo> gguf_tokenizer(const std::string& path) {
    Result<gguf::File> f = gguf::File::open(path);
    if (!f.ok()) return f.error();
    return gguf_tokenizer(*f);
}

// A Llama's parameters from its shapes: embeddings (and an untied output), then per layer
// the attention projections, the three FFN matrices and two norms, and the final norm.
int64_t llama_parameters(const ModelConfig& c) {
    const int64_t q = c.n_head * c.head_dim, kv = c.n_kv_head * c.head_dim;
    const int64_t per_layer = c.d_model * (2 * q + 2 * kv) + 3 * c.d_model * c.d_ffn + 2 * c.d_model;
    return c.n_vocab * c.d_model * (c.tied_embeddings ? 1 : 2) + c.n_layer * per_layer + c.d_model;
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

// Reads the first bytes of a GGUF file, as many as `parse` asks for (a header holds the
// vocabulary: Llama 3's is about 8 MB; at most 64 MiB), and returns what `parse` makes of them.
template <class T, class Parse>
Result<T> read_gguf_prefix(const std::string& path, Parse parse) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const uint64_t file_size = fs::file_size(path, ec);
    if (ec) return make_error(ErrorCode::Io, "cannot read the model file", path + ": " + ec.message());
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::Io, "cannot open the model file", path);
    constexpr uint64_t kMaxHeader = uint64_t{64} << 20;
    std::vector<uint8_t> bytes;
    uint64_t want = std::min<uint64_t>(file_size, uint64_t{256} << 10);
    for (;;) {
        const size_t have = bytes.size();
        bytes.resize(static_cast<size_t>(want));
        in.read(reinterpret_cast<char*>(bytes.data() + have), static_cast<std::streamsize>(want - have));
        if (static_cast<uint64_t>(in.gcount()) != want - have)
            return make_error(ErrorCode::Io, "cannot read the model file", path);
        uint64_t needed = 0;
        Result<T> out = parse(bytes.data(), bytes.size(), file_size, &needed);
        if (out || needed <= want || needed > file_size || needed > kMaxHeader) return out;
        want = needed;
    }
}

}  // namespace

std::string TokenizerInfo::to_string() const {
    if (kind == TokenizerFileKind::None) return kind_name(kind);
    return std::string(kind_name(kind)) + " (" + source + ")";
}

ModelMemory ModelInfo::memory(int64_t n_ctx) const {
    return {n_ctx, weights_bytes, kv_cache_bytes(config, KvType::F16, n_ctx),
            kv_cache_bytes(config, KvType::Q8_0, n_ctx)};
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

Result<ModelInfo> inspect_gguf_header(const uint8_t* bytes, size_t size, uint64_t file_size,
                                      const std::string& context, uint64_t* bytes_needed) {
    Result<gguf::File> f = gguf::File::parse_header(bytes, size, file_size, context, bytes_needed);
    if (!f.ok()) return f.error();
    ModelInfo info;
    info.path = context;
    info.format = "gguf";
    LECTERN_TRY(model::read_gguf_config(*f, info.config));
    info.parameters = llama_parameters(info.config);
    for (const gguf::TensorInfo& t : f->tensors()) {
        ++info.tensor_types[t.type];
        info.weights_bytes += t.size;
    }
    info.rope_scaling = f->find_tensor("rope_freqs.weight") ? "per-frequency divisors (rope_freqs.weight)" : "none";
    info.tokenizer = gguf_tokenizer(*f);
    return info;
}

Result<ModelInfo> inspect_hf_config(const std::string& config_json, uint64_t weights_bytes,
                                    const std::string& context) {
    Result<model::HfConfig> hf = model::parse_hf_config(config_json, context);
    if (!hf.ok()) return hf.error();
    ModelInfo info;
    info.path = context;
    info.format = "safetensors";
    info.config = hf->config;
    LECTERN_TRY(model::check_config(info.config, "config.json"));
    info.parameters = llama_parameters(info.config);
    info.weights_bytes = static_cast<size_t>(weights_bytes);
    const RopeScaling& r = info.config.rope_scaling;
    if (hf->rope_type == "llama3") {
        char buf[160];
        std::snprintf(buf, sizeof buf, "llama3, factor %g (low %g, high %g, original context %lld)", r.factor,
                      r.low_freq_factor, r.high_freq_factor, static_cast<long long>(r.original_max_position));
        info.rope_scaling = buf;
    } else {
        info.rope_scaling = hf->rope_type.empty() ? "none" : hf->rope_type;
    }
    return info;
}

Result<ModelInfo> inspect_model_header(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p(path);
    if (!fs::exists(p, ec)) return make_error(ErrorCode::NotFound, "no such file or folder", path);
    if (fs::is_directory(p, ec) || p.filename() == "config.json") {
        const fs::path folder = fs::is_directory(p, ec) ? p : p.parent_path();
        std::ifstream in(folder / "config.json", std::ios::binary);
        if (!in) return make_error(ErrorCode::UnsupportedModel, "no config.json in the model folder", path);
        std::ostringstream text;
        text << in.rdbuf();
        uint64_t weights = 0;
        for (const auto& e : fs::directory_iterator(folder, ec))
            if (e.path().extension() == ".safetensors") weights += e.file_size(ec);
        return inspect_hf_config(text.str(), weights, path);
    }
    return read_gguf_prefix<ModelInfo>(path, [&](const uint8_t* bytes, size_t size, uint64_t file_size,
                                                 uint64_t* needed) {
        return inspect_gguf_header(bytes, size, file_size, path, needed);
    });
}

Result<std::string> model_architecture(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path p(path);
    if (!fs::exists(p, ec)) return make_error(ErrorCode::NotFound, "no such file or folder", path);
    if (fs::is_directory(p, ec) || p.filename() == "config.json") {
        const fs::path config = fs::is_directory(p, ec) ? p / "config.json" : p;
        std::ifstream in(config, std::ios::binary);
        if (!in) return make_error(ErrorCode::NotFound, "no config.json in the model folder", path);
        const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
        if (j.is_discarded() || !j.is_object()) return make_error(ErrorCode::Corrupt, "config.json is not JSON", path);
        if (auto t = j.find("model_type"); t != j.end() && t->is_string()) return t->get<std::string>();
        if (auto a = j.find("architectures"); a != j.end() && a->is_array() && !a->empty() && a->front().is_string())
            return a->front().get<std::string>();
        return make_error(ErrorCode::Corrupt, "config.json names no model_type or architectures", path);
    }
    return read_gguf_prefix<std::string>(path, [&](const uint8_t* bytes, size_t size, uint64_t file_size,
                                                   uint64_t* needed) -> Result<std::string> {
        Result<gguf::File> f = gguf::File::parse_header(bytes, size, file_size, path, needed);
        if (!f) return f.error();
        auto arch = f->get_string("general.architecture");
        if (!arch) return make_error(ErrorCode::Corrupt, "the GGUF file names no general.architecture", path);
        return *arch;
    });
}

}  // namespace lectern
