// A model's identity for KV snapshots: a SHA-256 over the model's files (names, sizes and
// their first and last MiB), so a snapshot is tied to the weights that made it, whatever
// path they are opened from, and never used with other weights.
#pragma once

#include <string>

#include "lectern/engine/result.h"

namespace lectern::app {

// A GGUF file, or a Hugging Face folder (config.json and *.safetensors). Errors: NotFound, Io.
Result<std::string> modelIdentity(const std::string& path);

}  // namespace lectern::app
