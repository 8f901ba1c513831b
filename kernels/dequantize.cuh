// Conversion of a matrix from a stored weight type to a 16-bit float type on the device: the
// weights cuBLAS reads during prefill, and the 16-bit copy of float32 activations.
// Twin of quant::dequantize_row followed by rounding to f16/bf16 (round to nearest even).
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

#include "lectern/engine/dtype.h"

namespace lectern::cuda {

// in: (n_rows, n_cols) of in_type (any weight type; n_cols a multiple of its block size);
// out: (n_rows, n_cols) of out_type, which is F16 or BF16.
cudaError_t launch_dequantize(const void* in, DType in_type, int64_t n_rows, int64_t n_cols,
                              void* out, DType out_type, cudaStream_t stream);

}  // namespace lectern::cuda
