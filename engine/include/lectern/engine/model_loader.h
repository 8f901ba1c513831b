// Loading a Llama model into ModelWeights, and the memory it will need.
//
// load_model accepts a GGUF file, a Hugging Face folder (config.json + model.safetensors or
// shards listed in model.safetensors.index.json), or the path of a file in such a folder
// (config.json, the index, a .safetensors file) standing for the folder. Tensors are checked against the hyperparameters; weights stay in the file
// mapping (zero copy) except q/k projections of Hugging Face folders (permuted into GGUF's
// rotary layout) and norms stored in 16 bits (converted to f32).
//
// Errors: NotFound (no such path), Io, Corrupt (malformed file, missing tensor, a shape
// that disagrees with the hyperparameters; the message names the tensor or key),
// UnsupportedModel (architecture, tensor type or rope scaling Lectern does not run).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern {

Result<ModelWeights> load_model(const std::string& path);

// Per rotary pair (head_dim / 2 values): the divisor of each frequency that Llama 3's rope
// scaling applies (see ModelWeights::rope_freq_factors). Empty when scaling.factor == 0.
std::vector<float> llama3_rope_freq_factors(const RopeScaling& scaling, float rope_theta,
                                            int64_t head_dim);

}  // namespace lectern
