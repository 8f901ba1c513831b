// Conversions a loader makes when a file's layout is not the engine's: 16-bit norm vectors
// to f32, and Hugging Face's half-split rotary rows of q/k projections to GGUF's
// interleaved order. Each returns an owned buffer that ModelWeights::storage keeps alive.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "lectern/engine/dtype.h"

namespace lectern::model {

// n values of F32, F16 or BF16 -> (n) f32.
std::shared_ptr<std::vector<float>> to_f32(DType type, const void* data, int64_t n);

// Rows of a (n_heads * head_dim, n_cols) projection, each row_bytes long, reordered per
// head so that new row 2i = old row i and new row 2i+1 = old row i + head_dim/2: what
// llama.cpp's converter does so that rotary embedding rotates adjacent pairs. In weight
// memory (allocate_weight_memory); null when there is no memory for it.
std::shared_ptr<uint8_t> permute_rotary_rows(const void* data, size_t row_bytes, int64_t n_heads,
                                             int64_t head_dim);

}  // namespace lectern::model
