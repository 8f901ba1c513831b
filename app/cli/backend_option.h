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
