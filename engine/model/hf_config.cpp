// config.json -> ModelConfig. Required: hidden_size, intermediate_size, num_hidden_layers,
// num_attention_heads, vocab_size. Optional (LlamaConfig's defaults): num_key_value_heads
// (= num_attention_heads), head_dim (= hidden_size / num_attention_heads), rms_norm_eps
// (1e-6), rope_theta (10000), tie_word_embeddings (false), max_position_embeddings (2048),
// rope_scaling (none).
#include "model/hf_config.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace lectern::model {
namespace {

using nlohmann::json;

struct Reader {
    const json& j;
    const std::string& path;

    Error bad(const std::string& message) const {
        return make_error(ErrorCode::Corrupt, "config.json: " + message, path);
    }
    // An integer key; absent or null gives `fallback` (nullopt: required).
    Result<int64_t> integer(const char* key, std::optional<int64_t> fallback = std::nullopt) const {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) {
            if (fallback) return *fallback;
            return bad(std::string("lacks '") + key + "'");
        }
        if (!it->is_number_integer()) return bad(std::string("'") + key + "' is not an integer");
        return it->get<int64_t>();
    }
    Result<double> number(const json& obj, const char* key, double fallback) const {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return fallback;
        if (!it->is_number()) return bad(std::string("'") + key + "' is not a number");
        return it->get<double>();
    }
};

Status check_model_type(const json& j, const std::string& path) {
    auto mt = j.find("model_type");
    if (mt != j.end() && mt->is_string()) {
        if (mt->get<std::string>() == "llama") return {};
        return make_error(ErrorCode::UnsupportedModel,
                          "model_type '" + mt->get<std::string>() +
                              "' is not supported (Lectern runs llama)",
                          path);
    }
    auto arch = j.find("architectures");
    if (arch != j.end() && arch->is_array()) {
        for (const json& a : *arch)
            if (a.is_string() && a.get<std::string>() == "LlamaForCausalLM") return {};
    }
    return make_error(ErrorCode::UnsupportedModel,
                      "config.json names no llama model_type or LlamaForCausalLM", path);
}

Status read_rope_scaling(const Reader& r, HfConfig& out) {
    auto it = r.j.find("rope_scaling");
    if (it == r.j.end() || it->is_null()) return {};
    if (!it->is_object()) return r.bad("'rope_scaling' is not an object");
    const json& rs = *it;
    std::string type;
    for (const char* key : {"rope_type", "type"}) {
        auto t = rs.find(key);
        if (t != rs.end() && t->is_string()) type = t->get<std::string>();
        if (!type.empty()) break;
    }
    if (type == "default" || type.empty()) return {};
    if (type != "llama3" && type != "linear")
        return make_error(ErrorCode::UnsupportedModel,
                          "rope scaling '" + type + "' is not supported (llama3 or linear)", r.path);
    RopeScaling& s = out.config.rope_scaling;
    Result<double> factor = r.number(rs, "factor", 0.0);
    Result<double> low = r.number(rs, "low_freq_factor", 1.0);
    Result<double> high = r.number(rs, "high_freq_factor", 4.0);
    Result<double> orig = r.number(rs, "original_max_position_embeddings", 8192.0);
    for (const Result<double>* v : {&factor, &low, &high, &orig})
        if (!v->ok()) return v->error();
    if (!(*factor > 0.0)) return r.bad("rope_scaling.factor must be positive");
    if (type == "llama3" && !(*low > 0.0 && *high > *low && *orig > 0.0))
        return r.bad("rope_scaling needs 0 < low_freq_factor < high_freq_factor and a positive "
                     "original_max_position_embeddings");
    out.rope_type = type;
    if (type == "linear") {
        out.linear_factor = static_cast<float>(*factor);
        return {};
    }
    s.factor = static_cast<float>(*factor);
    s.low_freq_factor = static_cast<float>(*low);
    s.high_freq_factor = static_cast<float>(*high);
    s.original_max_position = static_cast<int64_t>(*orig);
    return {};
}

Status read_fields(const Reader& r, HfConfig& out) {
    ModelConfig& c = out.config;
    Result<int64_t> d_model = r.integer("hidden_size");
    Result<int64_t> d_ffn = r.integer("intermediate_size");
    Result<int64_t> n_layer = r.integer("num_hidden_layers");
    Result<int64_t> n_head = r.integer("num_attention_heads");
    Result<int64_t> n_vocab = r.integer("vocab_size");
    Result<int64_t> n_ctx = r.integer("max_position_embeddings", 2048);
    for (const Result<int64_t>* v : {&d_model, &d_ffn, &n_layer, &n_head, &n_vocab, &n_ctx})
        if (!v->ok()) return v->error();
    c.d_model = *d_model;
    c.d_ffn = *d_ffn;
    c.n_layer = *n_layer;
    c.n_head = *n_head;
    c.n_vocab = *n_vocab;
    c.n_ctx_train = *n_ctx;
    Result<int64_t> n_kv_head = r.integer("num_key_value_heads", c.n_head);
    Result<int64_t> head_dim = r.integer("head_dim", c.n_head > 0 ? c.d_model / c.n_head : 0);
    Result<double> eps = r.number(r.j, "rms_norm_eps", 1e-6);
    Result<double> theta = r.number(r.j, "rope_theta", 10000.0);
    if (!n_kv_head.ok()) return n_kv_head.error();
    if (!head_dim.ok()) return head_dim.error();
    if (!eps.ok()) return eps.error();
    if (!theta.ok()) return theta.error();
    c.n_kv_head = *n_kv_head;
    c.head_dim = *head_dim;
    c.rms_norm_eps = static_cast<float>(*eps);
    c.rope_theta = static_cast<float>(*theta);
    auto tie = r.j.find("tie_word_embeddings");
    if (tie != r.j.end() && !tie->is_null()) {
        if (!tie->is_boolean()) return r.bad("'tie_word_embeddings' is not a boolean");
        c.tied_embeddings = tie->get<bool>();
    }
    return read_rope_scaling(r, out);
}

}  // namespace

Result<HfConfig> read_hf_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::NotFound, "cannot read config.json", path);
    std::stringstream text;
    text << in.rdbuf();
    return parse_hf_config(text.str(), path);
}

Result<HfConfig> parse_hf_config(const std::string& text, const std::string& context) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return make_error(ErrorCode::Corrupt, "config.json is not a valid JSON object", context);
    LECTERN_TRY(check_model_type(j, context));
    HfConfig out;
    LECTERN_TRY(read_fields(Reader{j, context}, out));
    return out;
}

}  // namespace lectern::model
