// The two loaders behind load_model (see lectern/engine/model_loader.h).
#pragma once

#include <string>

#include "gguf/gguf_file.h"
#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::model {

// A .gguf file of architecture llama.
Result<ModelWeights> load_gguf_model(const std::string& path);
// The same over a parsed file (the fuzzer's entry point); the weights keep f.mapping().
Result<ModelWeights> load_gguf_model(const gguf::File& f);
// The hyperparameters of a GGUF file of architecture llama (its `llama.*` keys and tensor
// shapes; no tensor data is read), checked as load_gguf_model checks them.
Status read_gguf_config(const gguf::File& f, ModelConfig& config);
// A Hugging Face folder: config.json and safetensors weights.
Result<ModelWeights> load_hf_model(const std::string& dir);

}  // namespace lectern::model
