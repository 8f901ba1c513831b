// Models with random weights for benchmarks: the shapes of real Llama 3 models, built in
// memory (no file) in a chosen stored type, so speed can be measured at full size anywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::bench {

// "tiny" (llama31-tiny's shape: 2 layers, d_model 256), "1b" (Llama 3.2 1B: 16 layers,
// d_model 2048, 32 / 8 heads of 64, d_ffn 8192, vocab 128256, tied) or "8b" (Llama 3.1 8B:
// 32 layers, d_model 4096, 32 / 8 heads of 128, d_ffn 14336, untied).
// Errors: InvalidArgument for another name.
Result<ModelConfig> synthetic_config(std::string_view name);

// The stored types make_synthetic_model can generate (those the engine can quantize to):
// f32, f16, bf16, q8_0, q4_0, q4_k.
std::span<const DType> synthetic_weight_types();

// A model of `config` whose matrices hold normal(0, 0.02) values quantized to `type` (one of
// synthetic_weight_types()) and whose norms are 1, filled by n_threads threads (0: one per
// core). To build quickly, each matrix repeats a small set of distinct random rows; that
// changes nothing for speed. Errors: Unsupported (type), OutOfMemory (the model plus 2 GiB
// for the benchmark would take more than 80% of the memory available now).
Result<std::shared_ptr<ModelWeights>> make_synthetic_model(const ModelConfig& config, DType type,
                                                           int n_threads, uint32_t seed);

}  // namespace lectern::bench
