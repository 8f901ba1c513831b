// `lectern-cli info MODEL [--ctx N] [--json]`: what a model file or folder holds (architecture,
// shapes, rope, tensor types, tokenizer), the memory it needs at a context length, and what
// a task on this machine's CPU would get by default (the memory planner's choice: context,
// KV cache type and why).
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "command.h"
#include "json_text.h"
#include "lectern/engine/memory_plan.h"
#include "lectern/engine/model_info.h"

namespace lectern::cli {
namespace {

constexpr int64_t kMaxDefaultCtx = 131072;

struct Options {
    std::string model;
    int64_t n_ctx = 0;  // 0: the model's context, capped at kMaxDefaultCtx
    bool json = false;
};

std::string human(double v, const char* const* units, double step) {
    int u = 0;
    while (v >= step && units[u + 1]) {
        v /= step;
        ++u;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f%s" : "%.2f %s", v, units[u]);
    return buf;
}

std::string bytes_text(size_t n) {
    static const char* const units[] = {" B", "KiB", "MiB", "GiB", "TiB", nullptr};
    return human(static_cast<double>(n), units, 1024.0);
}

std::string count_text(int64_t n) {
    static const char* const units[] = {"", "K", "M", "B", nullptr};
    return human(static_cast<double>(n), units, 1000.0);
}

nlohmann::ordered_json describe(const ModelInfo& info, int64_t n_ctx) {
    const ModelConfig& c = info.config;
    std::map<std::string, int> types;  // by name: the order `info` has always printed
    for (const auto& [type, n] : info.tensor_types) types[dtype_name(type)] = n;
    const ModelMemory m = info.memory(n_ctx);
    nlohmann::ordered_json j;
    j["path"] = info.path;
    j["format"] = info.format;
    j["architecture"] = c.architecture;
    j["name"] = c.name;
    j["parameters"] = info.parameters;
    j["tensor_types"] = types;
    j["context_length"] = c.n_ctx_train;
    j["n_vocab"] = c.n_vocab;
    j["d_model"] = c.d_model;
    j["n_layer"] = c.n_layer;
    j["n_head"] = c.n_head;
    j["n_kv_head"] = c.n_kv_head;
    j["head_dim"] = c.head_dim;
    j["d_ffn"] = c.d_ffn;
    j["rms_norm_eps"] = c.rms_norm_eps;
    j["rope_theta"] = c.rope_theta;
    j["rope_scaling"] = info.rope_scaling;
    j["tied_embeddings"] = c.tied_embeddings;
    j["tokenizer"] = info.tokenizer.to_string();
    j["memory"] = {
        {"n_ctx", m.n_ctx},
        {"weights_bytes", m.weights_bytes},
        {"kv_cache_f16_bytes", m.kv_cache_f16_bytes},
        {"kv_cache_8bit_bytes", m.kv_cache_8bit_bytes},
    };
    // The default a task command would pick on the CPU here (memory_plan.h).
    const size_t available = available_host_memory();
    MemoryRequest r;
    r.n_ctx = c.n_ctx_train > 0 ? c.n_ctx_train : 8192;
    r.max_chunk = 256;
    r.weight_bytes = info.weights_bytes;
    r.n_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    auto choice = fit_context(c, r, false, available);
    nlohmann::ordered_json task;
    task["available_bytes"] = available;
    if (available == 0) {
        task["error"] = "the memory free is unknown";
    } else if (choice) {
        task["n_ctx"] = choice->n_ctx;
        task["kv"] = kv_type_name(choice->kv);
        task["needs_bytes"] = choice->plan.total();
        task["reason"] = choice->reason;
    } else {
        task["error"] = "none fits: " + choice.error().message;
    }
    j["task_default"] = task;
    return j;
}

void print_text(const nlohmann::ordered_json& j) {
    auto line = [](const char* key, const std::string& value) {
        std::printf("%-16s %s\n", key, value.c_str());
    };
    auto num = [](const nlohmann::ordered_json& v) { return std::to_string(v.get<int64_t>()); };
    line("path", j["path"].get<std::string>() + " (" + j["format"].get<std::string>() + ")");
    line("architecture", j["architecture"].get<std::string>());
    line("name", j["name"].get<std::string>());
    line("parameters", count_text(j["parameters"].get<int64_t>()) + " (" + num(j["parameters"]) + ")");
    std::string types;
    for (const auto& [type, n] : j["tensor_types"].items())
        types += (types.empty() ? "" : ", ") + type + " x" + std::to_string(n.get<int>());
    line("tensor types", types);
    line("context length", num(j["context_length"]));
    line("shape", "d_model " + num(j["d_model"]) + ", layers " + num(j["n_layer"]) + ", heads " +
                      num(j["n_head"]) + ", kv heads " + num(j["n_kv_head"]) + ", head_dim " +
                      num(j["head_dim"]) + ", ffn " + num(j["d_ffn"]) + ", vocab " + num(j["n_vocab"]));
    char theta[32];
    std::snprintf(theta, sizeof theta, "%g", j["rope_theta"].get<double>());
    line("rope", std::string("theta ") + theta + ", scaling " + j["rope_scaling"].get<std::string>());
    line("embeddings", j["tied_embeddings"].get<bool>() ? "tied" : "untied");
    line("tokenizer", j["tokenizer"].get<std::string>());
    const auto& m = j["memory"];
    line("weights", bytes_text(m["weights_bytes"].get<size_t>()));
    line("kv cache", bytes_text(m["kv_cache_f16_bytes"].get<size_t>()) + " in 16 bits, " +
                         bytes_text(m["kv_cache_8bit_bytes"].get<size_t>()) + " in 8 bits, at " +
                         num(m["n_ctx"]) + " tokens");
    const auto& t = j["task_default"];
    if (t.contains("n_ctx"))
        line("task default", num(t["n_ctx"]) + " tokens, " + t["kv"].get<std::string>() + " KV cache on the CPU: " +
                                 t["reason"].get<std::string>());
    else
        line("task default", t["error"].get<std::string>());
}

int run(const Options& o) {
    Result<ModelInfo> info = inspect_model(o.model);
    if (!info.ok()) return report("info", info.error());
    int64_t n_ctx = o.n_ctx;
    if (n_ctx <= 0)
        n_ctx = info->config.n_ctx_train > 0 ? std::min(info->config.n_ctx_train, kMaxDefaultCtx)
                                             : kMaxDefaultCtx;
    nlohmann::ordered_json j = describe(*info, n_ctx);
    if (o.json) std::printf("%s\n", app::dumpJson(j, 2).c_str());
    else print_text(j);
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto o = std::make_shared<Options>();
    CLI::App* sub = root.add_subcommand("info", "Describe a model: shapes, rope, tensor types, memory");
    sub->add_option("model", o->model, "GGUF file, Hugging Face folder or its config.json")->required();
    sub->add_option("--ctx", o->n_ctx, "Context length for the KV cache estimate "
                                       "(default: the model's, at most 131072)")
        ->check(CLI::PositiveNumber);
    sub->add_flag("--json", o->json, "Print JSON");
    return [o] { return run(*o); };
}

const Registrar registrar("info", 200, setup);

}  // namespace
}  // namespace lectern::cli
