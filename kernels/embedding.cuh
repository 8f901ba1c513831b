// Embedding lookup on the device: out[t] = row tokens[t] of the table, dequantized to f32.
// Twin of cpu::embed_tokens.
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

#include "lectern/engine/dtype.h"

namespace lectern::cuda {

// table: (n_vocab, d_model) of `type` (any weight type; d_model a multiple of its block
// size); tokens: (n_tok) int32 on the device, each in [0, n_vocab) (the caller checks ids on
// the host); out: (n_tok, d_model) f32.
cudaError_t launch_embedding(const void* table, DType type, int64_t n_vocab, int64_t d_model,
                             const int32_t* tokens, int64_t n_tok, float* out,
                             cudaStream_t stream);

}  // namespace lectern::cuda
