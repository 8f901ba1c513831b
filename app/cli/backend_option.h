// The `--backend cpu|cuda|auto` option every subcommand that loads a model offers, and the
// call that turns it into a backend while telling the user which one was chosen and why.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "lectern/engine/backend_factory.h"

namespace lectern::cli {

inline void add_backend_option(CLI::App* app, std::string& backend) {
    app->add_option("--backend", backend,
                    "compute backend: cpu, cuda, or auto (CUDA where a device exists)")
        ->check(CLI::IsMember({"cpu", "cuda", "auto"}))
        ->capture_default_str();
}

// `--activations auto|exact|int8`: how the CPU backend's products read the activations
// (CpuActivations); auto: default_cpu_activations of the model's weight type.
inline void add_activations_option(CLI::App* app, std::string& activations) {
    app->add_option("--activations", activations,
                    "CPU products: exact (activations at float32 precision), int8 (rounded to 8 "
                    "bits per 32 values, as llama.cpp does: faster decoding and prefill), or auto: "
                    "int8 for Q4_0, Q4_K, Q5_K and Q6_K weights, where it adds under a third of the "
                    "weights' own rounding error, exact otherwise (docs/cpu-activations.md)")
        ->check(CLI::IsMember({"auto", "exact", "int8"}))
        ->capture_default_str();
}

inline std::optional<CpuActivations> parse_activations(const std::string& name) {
    if (name == "auto") return std::nullopt;
    return name == "int8" ? CpuActivations::Int8 : CpuActivations::Exact;
}

// `--kv auto|f32|f16|bf16|q8_0`: the KV cache element type; auto: f16, or q8_0 where the
// context asked for does not fit in f16.
inline void add_kv_option(CLI::App* app, std::string& kv) {
    app->add_option("--kv", kv,
                    "KV cache element type: f32 (exact), f16/bf16 (half the memory), q8_0 (8 bits "
                    "per value and an f16 scale per 32: 0.27 of f32), or auto: f16, q8_0 when "
                    "the context does not fit in f16 (a kept prefix is reused only with the same type)")
        ->check(CLI::IsMember({"auto", "f32", "f16", "bf16", "q8_0"}))
        ->capture_default_str();
}

inline std::optional<KvType> parse_kv(const std::string& name) {
    return name == "auto" ? std::nullopt : parse_kv_type(name);
}

// make_backend, printing "backend: <reason>" to stderr (stdout stays the command's output).
inline Result<std::unique_ptr<Backend>> open_backend(const std::string& name,
                                                     std::shared_ptr<const ModelWeights> weights,
                                                     const BackendOptions& options = {}) {
    auto choice = make_backend(name, std::move(weights), options);
    if (!choice) return choice.error();
    std::fprintf(stderr, "backend: %s\n", choice->reason.c_str());
    return std::move(choice->backend);
}

}  // namespace lectern::cli
