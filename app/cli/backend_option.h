// The `--backend cpu|cuda|auto` option every subcommand that loads a model offers, and the
// call that turns it into a backend while telling the user which one was chosen and why.
#pragma once

#include <cstdio>
#include <memory>
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

// `--activations exact|int8`: how the CPU backend's decoding reads the activations
// (CpuActivations).
inline void add_activations_option(CLI::App* app, std::string& activations) {
    app->add_option("--activations", activations,
                    "CPU products: exact (activations at float32 precision) or int8 (rounded to 8 "
                    "bits per 32 values, as llama.cpp does: faster decoding and prefill, "
                    "logits move about as much as Q8_0 weights move them)")
        ->check(CLI::IsMember({"exact", "int8"}))
        ->capture_default_str();
}

inline CpuActivations parse_activations(const std::string& name) {
    return name == "int8" ? CpuActivations::Int8 : CpuActivations::Exact;
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
