// `lectern-cli bench`: prefill and decode speed of the CPU backend on a model file or on a
// synthetic model of a real shape (random weights built in memory), at several thread
// counts, with the machine's memory read bandwidth measured in the same run.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "backend_option.h"
#include "command.h"
#include "lectern/bench/cpu_bench.h"
#include "lectern/bench/synthetic_model.h"
#include "lectern/engine/model_loader.h"
#include "lectern/engine/weight_types.h"

namespace lectern::cli {
namespace {

struct Args {
    std::string model;
    std::string synthetic;
    std::string type = "q8_0";
    std::vector<std::string> activations{"exact"};
    std::vector<std::string> kv{"f32"};
    bench::BenchOptions bench;
};

Result<std::shared_ptr<const ModelWeights>> get_model(const Args& a, DType type) {
    if (!a.model.empty()) {
        auto w = load_model(a.model);
        if (!w) return w.error();
        return std::shared_ptr<const ModelWeights>(std::make_shared<ModelWeights>(std::move(w.value())));
    }
    auto config = bench::synthetic_config(a.synthetic);
    if (!config) return config.error();
    auto w = bench::make_synthetic_model(*config, type, 0, a.bench.seed);
    if (!w) return w.error();
    return std::shared_ptr<const ModelWeights>(std::move(w.value()));
}

void print_results(const ModelWeights& w, const Args& a, const std::vector<bench::BenchResult>& rs) {
    const double gb = 1e9;
    const size_t per_token = bench::decode_weight_bytes(w);
    std::printf("model: %s (%s), %.3f B parameters, %.3f GB of weights\n",
                a.model.empty() ? ("synthetic " + a.synthetic).c_str() : a.model.c_str(),
                a.model.empty() ? a.type.c_str() : w.source_format.c_str(),
                static_cast<double>(w.parameter_count()) / 1e9, static_cast<double>(w.weight_bytes()) / gb);
    std::printf("prompt %lld tokens, decode %lld tokens; weights read per decoded token: %.3f GB\n",
                static_cast<long long>(a.bench.n_prompt), static_cast<long long>(a.bench.n_decode),
                static_cast<double>(per_token) / gb);
    std::printf("%-8s %14s %13s %12s %18s %6s %12s %15s %13s %6s  %-11s %-5s %8s %9s\n", "threads", "prefill tok/s",
                "decode tok/s", "decode GB/s", "memory read GB/s", "ratio", "cpu share",
                "prefill GMAC/s", "FMA GMAC/s", "ratio", "activations", "kv", "ctx", "kv GB/tok");
    for (const bench::BenchResult& r : rs) {
        std::printf("%-8d %14.2f %13.2f %12.2f %18.2f %6.2f %5.0f%% %5.0f%% %15.1f %13.1f %6.2f  %-11s %-5s %8lld %9.3f\n",
                    r.threads, r.prefill_tok_s, r.decode_tok_s, r.decode_bytes_s / gb, r.memory_bytes_s / gb,
                    r.memory_bytes_s > 0 ? r.decode_bytes_s / r.memory_bytes_s : 0.0,
                    100.0 * r.prefill_cpu_share, 100.0 * r.decode_cpu_share, r.prefill_macs_s / gb,
                    r.multiply_add_s / gb, r.multiply_add_s > 0 ? r.prefill_macs_s / r.multiply_add_s : 0.0,
                    cpu_activations_name(r.activations), kv_type_name(r.kv), static_cast<long long>(r.ctx),
                    r.kv_bytes_per_token / gb);
    }
    std::printf("memory read: best of 5 passes over a %zu MiB buffer; decode GB/s: the weights and the KV\n"
                "cache bytes (kv GB/tok, at the average position) read per decoded token, per second;\n"
                "ctx: positions in the cache when decoding started (0: after the prompt);\n"
                "ratio = decode GB/s / memory read GB/s;\n"
                "cpu share: CPU time received while prefilling / decoding over threads x wall time\n"
                "(below 100%% means other programs were using the cores);\n"
                "prefill GMAC/s: multiply-adds of the prompt's matrix products, attention and one output\n"
                "head per second; FMA GMAC/s: float32 vector multiply-adds per second of independent\n"
                "chains at this thread count (the most prefill can reach); ratio = prefill / FMA;\n"
                "activations: how the products read them (exact: float32 precision; int8: rounded to\n"
                "8 bits per 32 values, see --activations)\n",
                a.bench.bandwidth_buffer_bytes >> 20);
}

Run setup(CLI::App& root) {
    auto args = std::make_shared<Args>();
    CLI::App* cmd = root.add_subcommand("bench", "Measure prefill and decode speed on the CPU");
    auto* model = cmd->add_option("--model", args->model, "A GGUF file or Hugging Face folder");
    auto* synthetic = cmd->add_option("--synthetic", args->synthetic,
                                      "Random weights of a real shape: tiny, 1b (Llama 3.2 1B), 8b (Llama 3.1 8B)");
    model->excludes(synthetic);
    cmd->add_option("--type", args->type, "Stored type of synthetic weights: " +
                                              weight_type_names(bench::synthetic_weight_types()))
        ->capture_default_str();
    cmd->add_option("--prompt", args->bench.n_prompt, "Prompt tokens to prefill")->capture_default_str()
        ->check(CLI::Range(int64_t{1}, int64_t{1} << 20));
    cmd->add_option("--decode", args->bench.n_decode, "Tokens to decode")->capture_default_str()
        ->check(CLI::Range(int64_t{1}, int64_t{1} << 20));
    cmd->add_option("--threads", args->bench.threads, "Thread counts to measure, e.g. 1,2")
        ->delimiter(',')->capture_default_str()->check(CLI::Range(1, 1024));
    cmd->add_option("--bandwidth-mib", [args](const std::vector<std::string>& v) {
        args->bench.bandwidth_buffer_bytes = std::stoull(v.at(0)) << 20;
        return true;
    }, "Buffer size of the memory bandwidth measurement (MiB, default 1024)")->check(CLI::Range(1, 1 << 20));
    cmd->add_option("--seed", args->bench.seed, "Seed of the random weights and tokens");
    cmd->add_option("--activations", args->activations,
                    "How the products read the activations, one or both, measured one after the other: "
                    "exact (float32 precision) or int8 (rounded to 8 bits per 32 values, faster where "
                    "the CPU has AVX2), e.g. exact,int8")
        ->delimiter(',')->capture_default_str()->check(CLI::IsMember({"exact", "int8"}));
    cmd->add_option("--kv", args->kv, "KV cache types to measure, e.g. f16,q8_0")
        ->delimiter(',')->capture_default_str()->check(CLI::IsMember({"f32", "f16", "bf16", "q8_0"}));
    cmd->add_option("--ctx", args->bench.ctx,
                    "Positions already in the KV cache when decoding starts, e.g. 1024,32768,131072 (filled "
                    "with random keys and values, not prefilled; 0: decoding follows the prompt)")
        ->delimiter(',')->check(CLI::Range(int64_t{0}, int64_t{1} << 22));
    return [args] {
        if (args->model.empty() && args->synthetic.empty())
            return report("bench", make_error(ErrorCode::InvalidArgument, "give --model PATH or --synthetic 1b|8b|tiny"));
        auto type = parse_weight_type(args->type, bench::synthetic_weight_types());
        if (!type) return report("bench", type.error());
        args->bench.activations.clear();
        for (const std::string& a : args->activations)
            args->bench.activations.push_back(parse_activations(a).value_or(CpuActivations::Exact));
        args->bench.kv.clear();
        for (const std::string& k : args->kv) args->bench.kv.push_back(*parse_kv_type(k));
        auto w = get_model(*args, *type);
        if (!w) return report("bench", w.error());
        auto results = bench::run_bench(*w, args->bench);
        if (!results) return report("bench", results.error());
        print_results(**w, *args, *results);
        return static_cast<int>(kExitOk);
    };
}

const Registrar registrar("bench", 900, setup);

}  // namespace
}  // namespace lectern::cli
