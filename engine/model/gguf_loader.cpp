// Loads a GGUF file of architecture `llama` into ModelWeights: hyperparameters from the
// `llama.*` keys (the vocabulary size from token_embd's shape), tensors by llama.cpp's names,
// zero copy into the mapping (norms stored in 16 bits are converted to f32), `output`
// absent meaning tied embeddings, and `rope_freqs.weight` as the rope frequency factors.
#include <cmath>
#include <filesystem>

#include "gguf/gguf_file.h"
#include "model/loaders.h"
#include "model/tensor_convert.h"
#include "model/weights_layout.h"

namespace lectern::model {
namespace {

const char* const kSource = "the GGUF metadata";

Error missing_key(const std::string& key, const std::string& path) {
    return make_error(ErrorCode::Corrupt, "GGUF metadata lacks '" + key + "'", path);
}

Result<int64_t> need_int(const gguf::File& f, const std::string& key) {
    std::optional<int64_t> v = f.get_int(key);
    if (v) return *v;
    if (!f.find(key)) return missing_key(key, f.path());
    return make_error(ErrorCode::Corrupt, "GGUF metadata '" + key + "' is not an integer", f.path());
}

Status read_rope_scaling(const gguf::File& f, ModelWeights& w) {
    std::string type = f.get_string("llama.rope.scaling.type").value_or("none");
    std::optional<double> linear = f.get_float("llama.rope.scale_linear");
    if (type == "linear") linear = f.get_float("llama.rope.scaling.factor");
    if (type != "none" && type != "linear")
        return make_error(ErrorCode::UnsupportedModel,
                          "rope scaling '" + type + "' is not supported (none, linear or llama3)",
                          f.path());
    if (const gguf::TensorInfo* t = f.find_tensor("rope_freqs.weight")) {
        const int64_t n = w.config.head_dim / 2;
        if (t->type != DType::F32 || t->ne.size() != 1 || t->ne[0] != n)
            return make_error(ErrorCode::Corrupt,
                              "tensor 'rope_freqs.weight' must be " + std::to_string(n) +
                                  " f32 values (head_dim / 2)",
                              f.path());
        w.rope_freq_factors = *to_f32(DType::F32, t->data, n);
    }
    if (linear && *linear != 1.0) {
        // Linear scaling divides every frequency by the same factor.
        if (!(*linear > 0.0) || !std::isfinite(*linear))
            return make_error(ErrorCode::Corrupt, "rope scaling factor must be positive", f.path());
        w.rope_freq_factors.resize(static_cast<size_t>(w.config.head_dim / 2), 1.0f);
        for (float& x : w.rope_freq_factors) x *= static_cast<float>(*linear);
    }
    for (float x : w.rope_freq_factors) {
        if (!(x > 0.0f) || !std::isfinite(x))
            return make_error(ErrorCode::Corrupt, "rope frequency factors must be positive",
                              f.path());
    }
    return {};
}

Status read_config(const gguf::File& f, ModelConfig& c) {
    const std::string p = "llama.";
    std::optional<std::string> name = f.get_string("general.name");
    c.name = name ? *name : std::filesystem::path(f.path()).stem().string();
    const gguf::TensorInfo* embd = f.find_tensor("token_embd.weight");
    if (!embd) return make_error(ErrorCode::Corrupt, "missing tensor 'token_embd.weight'", f.path());
    c.n_vocab = embd->ne.size() >= 2 ? embd->ne[1] : 0;
    if (std::optional<int64_t> v = f.get_int(p + "vocab_size"); v && *v != c.n_vocab)
        return make_error(ErrorCode::Corrupt,
                          "llama.vocab_size " + std::to_string(*v) + " disagrees with the " +
                              std::to_string(c.n_vocab) + " rows of token_embd.weight",
                          f.path());
    Result<int64_t> n_ctx = need_int(f, p + "context_length");
    Result<int64_t> d_model = need_int(f, p + "embedding_length");
    Result<int64_t> n_layer = need_int(f, p + "block_count");
    Result<int64_t> d_ffn = need_int(f, p + "feed_forward_length");
    Result<int64_t> n_head = need_int(f, p + "attention.head_count");
    for (const Result<int64_t>* r : {&n_ctx, &d_model, &n_layer, &d_ffn, &n_head})
        if (!r->ok()) return r->error();
    c.n_ctx_train = *n_ctx;
    c.d_model = *d_model;
    c.n_layer = *n_layer;
    c.d_ffn = *d_ffn;
    c.n_head = *n_head;
    c.n_kv_head = f.get_int(p + "attention.head_count_kv").value_or(c.n_head);
    c.head_dim = f.get_int(p + "attention.key_length").value_or(c.n_head > 0 ? c.d_model / c.n_head : 0);
    if (std::optional<int64_t> v = f.get_int(p + "attention.value_length"); v && *v != c.head_dim)
        return make_error(ErrorCode::UnsupportedModel,
                          "attention.value_length differs from key_length", f.path());
    c.rope_theta = static_cast<float>(f.get_float(p + "rope.freq_base").value_or(10000.0));
    c.rms_norm_eps =
        static_cast<float>(f.get_float(p + "attention.layer_norm_rms_epsilon").value_or(1e-5));
    c.tied_embeddings = f.find_tensor("output.weight") == nullptr;
    return check_config(c, kSource);
}

Result<TensorView> fetch_tensor(const gguf::File& f, const TensorSpec& spec, ModelWeights& w) {
    std::string name = gguf_name(spec.slot, spec.layer);
    const gguf::TensorInfo* t = f.find_tensor(name);
    if (!t) return make_error(ErrorCode::Corrupt, "missing tensor '" + name + "'", f.path());
    int64_t rows = 1;
    for (size_t d = 1; d < t->ne.size(); ++d) {
        if (d >= 2 && t->ne[d] != 1)
            return make_error(ErrorCode::Corrupt, "tensor '" + name + "' has more than 2 dimensions",
                              f.path());
        rows = t->ne[d];
    }
    if (t->ne[0] != spec.n_cols || rows != spec.n_rows)
        return shape_error(name, rows, t->ne[0], spec, kSource);
    TensorView v{name, t->type, t->ne[0], rows, t->data};
    if (spec.is_norm) {
        if (t->type != DType::F32 && t->type != DType::F16 && t->type != DType::BF16)
            return make_error(ErrorCode::UnsupportedModel,
                              "norm tensor '" + name + "' is quantized (" + dtype_name(t->type) + ")",
                              f.path());
        if (t->type != DType::F32) {
            auto f32 = to_f32(t->type, t->data, t->ne[0]);
            v.type = DType::F32;
            v.data = f32->data();
            w.storage.push_back(std::move(f32));
        }
    }
    return v;
}

Result<ModelWeights> load(const gguf::File& f) {
    ModelWeights w;
    LECTERN_TRY(read_gguf_config(f, w.config));
    LECTERN_TRY(read_rope_scaling(f, w));
    w.storage.push_back(f.mapping());
    LECTERN_TRY(assemble_weights(w, [&](const TensorSpec& spec) { return fetch_tensor(f, spec, w); }));
    w.source_path = f.path();
    w.source_format = "gguf";
    return w;
}

}  // namespace

Status read_gguf_config(const gguf::File& f, ModelConfig& config) {
    std::optional<std::string> arch = f.get_string("general.architecture");
    if (!arch) return missing_key("general.architecture", f.path());
    if (*arch != "llama")
        return make_error(ErrorCode::UnsupportedModel,
                          "architecture '" + *arch + "' is not supported (Lectern runs llama)", f.path());
    config.architecture = *arch;
    return read_config(f, config);
}

Result<ModelWeights> load_gguf_model(const gguf::File& f) {
    Result<ModelWeights> w = load(f);
    if (w.ok()) return w;
    Error e = w.error();
    if (e.context.empty()) e.context = f.path();
    return e;
}

Result<ModelWeights> load_gguf_model(const std::string& path) {
    Result<gguf::File> f = gguf::File::open(path);
    if (!f.ok()) return f.error();
    return load_gguf_model(*f);
}

}  // namespace lectern::model
