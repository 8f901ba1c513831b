// A Hugging Face Llama config.json read into ModelConfig, with the defaults of
// transformers' LlamaConfig for keys a config may omit.
#pragma once

#include <string>

#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::model {

struct HfConfig {
    ModelConfig config;
    // rope_scaling.rope_type: "" (none), "llama3" (parameters in config.rope_scaling) or
    // "linear" (every frequency divided by linear_factor; config.rope_scaling stays off).
    std::string rope_type;
    float linear_factor = 0.0f;
};

// Errors: NotFound/Io (cannot read), Corrupt (bad JSON, a required key missing or of the
// wrong type, inconsistent values), UnsupportedModel (model_type or rope_type).
Result<HfConfig> read_hf_config(const std::string& path);
// The same over config.json's text; `context` names it in errors.
Result<HfConfig> parse_hf_config(const std::string& text, const std::string& context);

}  // namespace lectern::model
