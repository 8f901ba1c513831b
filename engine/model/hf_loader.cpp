// Loads a Hugging Face Llama folder: config.json, then model.safetensors or the shards
// that model.safetensors.index.json lists. Weights stay in the mappings (BF16/F16/F32),
// except q/k projections (rows permuted into GGUF's interleaved rotary layout, same dtype)
// and 16-bit norms (converted to f32). Tensors get their GGUF names in ModelWeights.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "lectern/engine/model_loader.h"
#include "model/hf_config.h"
#include "model/loaders.h"
#include "model/tensor_convert.h"
#include "model/weights_layout.h"
#include "safetensors/safetensors_file.h"

namespace lectern::model {
namespace {

namespace fs = std::filesystem;

struct Shards {
    std::vector<safetensors::File> files;
    std::unordered_map<std::string, const safetensors::TensorInfo*> by_name;
};

// A shard named by the index must be a plain file name inside the folder.
bool safe_shard_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." &&
           name.find_first_of(std::string("/\\\0", 3)) == std::string::npos;
}

Result<std::map<std::string, std::string>> read_index(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::Io, "cannot read the index", path.string());
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
    auto bad = [&](const std::string& m) { return make_error(ErrorCode::Corrupt, m, path.string()); };
    if (j.is_discarded() || !j.is_object()) return bad("the index is not a valid JSON object");
    auto map = j.find("weight_map");
    if (map == j.end() || !map->is_object()) return bad("the index has no weight_map object");
    std::map<std::string, std::string> out;
    for (const auto& [tensor, shard] : map->items()) {
        if (!shard.is_string()) return bad("weight_map entry '" + tensor + "' is not a file name");
        std::string name = shard.get<std::string>();
        if (!safe_shard_name(name))
            return bad("weight_map entry '" + tensor + "' names an unsafe shard '" + name + "'");
        out[tensor] = name;
    }
    return out;
}

Result<Shards> open_shards(const fs::path& dir) {
    Shards s;
    fs::path index = dir / "model.safetensors.index.json";
    std::error_code ec;
    if (!fs::exists(index, ec)) {
        fs::path single = dir / "model.safetensors";
        if (!fs::exists(single, ec))
            return make_error(ErrorCode::NotFound,
                              "no model.safetensors or model.safetensors.index.json", dir.string());
        Result<safetensors::File> f = safetensors::File::open(single.string());
        if (!f.ok()) return f.error();
        s.files.push_back(std::move(*f));
        for (const auto& t : s.files.back().tensors()) s.by_name[t.name] = &t;
        return s;
    }
    Result<std::map<std::string, std::string>> map = read_index(index);
    if (!map.ok()) return map.error();
    std::map<std::string, size_t> opened;
    for (const auto& [tensor, shard] : *map) {
        if (opened.count(shard)) continue;
        Result<safetensors::File> f = safetensors::File::open((dir / shard).string());
        if (!f.ok()) return f.error();
        opened[shard] = s.files.size();
        s.files.push_back(std::move(*f));
    }
    for (const auto& [tensor, shard] : *map) {
        const safetensors::TensorInfo* t = s.files[opened[shard]].find(tensor);
        if (!t)
            return make_error(ErrorCode::Corrupt,
                              "the index puts tensor '" + tensor + "' in " + shard + ", which lacks it",
                              index.string());
        s.by_name[tensor] = t;
    }
    return s;
}

Result<DType> dtype_of(const safetensors::TensorInfo& t, const std::string& path) {
    if (t.dtype == "BF16") return DType::BF16;
    if (t.dtype == "F16") return DType::F16;
    if (t.dtype == "F32") return DType::F32;
    return make_error(ErrorCode::UnsupportedModel,
                      "tensor '" + t.name + "' has dtype " + t.dtype + " (Lectern reads BF16, F16, F32)",
                      path);
}

Result<TensorView> fetch_tensor(const Shards& shards, const TensorSpec& spec, ModelWeights& w,
                                const std::string& dir) {
    std::string name = hf_name(spec.slot, spec.layer);
    auto it = shards.by_name.find(name);
    if (it == shards.by_name.end())
        return make_error(ErrorCode::Corrupt, "missing tensor '" + name + "'", dir);
    const safetensors::TensorInfo& t = *it->second;
    Result<DType> type = dtype_of(t, dir);
    if (!type.ok()) return type.error();
    const size_t want_dims = spec.is_norm ? 1 : 2;
    if (t.shape.size() != want_dims)
        return make_error(ErrorCode::Corrupt,
                          "tensor '" + name + "' has " + std::to_string(t.shape.size()) +
                              " dimensions, not " + std::to_string(want_dims),
                          dir);
    const int64_t rows = spec.is_norm ? 1 : t.shape[0];
    const int64_t cols = t.shape.back();
    if (rows != spec.n_rows || cols != spec.n_cols) return shape_error(name, rows, cols, spec, "config.json");
    TensorView v{gguf_name(spec.slot, spec.layer), *type, cols, rows, t.data};
    const ModelConfig& c = w.config;
    std::shared_ptr<const void> owned;
    if (spec.is_norm && *type != DType::F32) {
        auto f32 = to_f32(*type, t.data, cols);
        v.type = DType::F32;
        v.data = f32->data();
        owned = std::move(f32);
    } else if (spec.slot == Slot::Wq || spec.slot == Slot::Wk) {
        const int64_t heads = spec.slot == Slot::Wq ? c.n_head : c.n_kv_head;
        auto rows_out = permute_rotary_rows(t.data, row_bytes(*type, cols), heads, c.head_dim);
        if (!rows_out)
            return make_error(ErrorCode::OutOfMemory, "cannot allocate the reordered rows of " + v.name);
        v.data = rows_out.get();
        owned = std::move(rows_out);
    } else if (reinterpret_cast<uintptr_t>(t.data) % dtype_info(*type).block_bytes != 0) {
        // Kernels read elements in place; a misaligned tensor is copied once.
        auto copy = std::make_shared<std::vector<uint8_t>>(t.data, t.data + t.size);
        v.data = copy->data();
        owned = std::move(copy);
    }
    if (owned) w.storage.push_back(std::move(owned));
    return v;
}

std::string folder_name(const fs::path& dir) {
    fs::path p = dir.lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    return p.filename().string();
}

Result<ModelWeights> load(const fs::path& dir) {
    Result<HfConfig> hf = read_hf_config((dir / "config.json").string());
    if (!hf.ok()) return hf.error();
    ModelWeights w;
    w.config = hf->config;
    w.config.name = folder_name(dir);
    LECTERN_TRY(check_config(w.config, "config.json"));
    if (hf->rope_type == "llama3") {
        w.rope_freq_factors =
            llama3_rope_freq_factors(w.config.rope_scaling, w.config.rope_theta, w.config.head_dim);
    } else if (hf->rope_type == "linear") {
        w.rope_freq_factors.assign(static_cast<size_t>(w.config.head_dim / 2), hf->linear_factor);
    }
    Result<Shards> shards = open_shards(dir);
    if (!shards.ok()) return shards.error();
    for (const safetensors::File& f : shards->files) w.storage.push_back(f.mapping());
    const std::string d = dir.string();
    LECTERN_TRY(assemble_weights(
        w, [&](const TensorSpec& spec) { return fetch_tensor(*shards, spec, w, d); }));
    w.source_path = d;
    w.source_format = "safetensors";
    return w;
}

}  // namespace

Result<ModelWeights> load_hf_model(const std::string& dir) {
    Result<ModelWeights> w = load(fs::path(dir));
    if (w.ok()) return w;
    Error e = w.error();
    if (e.context.empty()) e.context = dir;
    return e;
}

}  // namespace lectern::model
