// Dequantizing matrix-vector products on the device (decode): y[t][r] = dot(w row r, x[t])
// with the weights decoded in registers from their stored type and float32 sums. Twin of
// cpu::matmul. Used for chunks of a few tokens and for the output head.
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

#include "lectern/engine/dtype.h"

namespace lectern::cuda {

// w: (n_rows, n_cols) of `type` (every weight type; n_cols a multiple of its block size);
// x: (n_tok, n_cols) f32; y: (n_tok, n_rows) f32, must not overlap x.
cudaError_t launch_matvec(const void* w, DType type, int64_t n_rows, int64_t n_cols,
                          const float* x, int64_t n_tok, float* y, cudaStream_t stream);

}  // namespace lectern::cuda
