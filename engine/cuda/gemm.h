// Matrix products of the CUDA forward pass: y = x W^T with W a device weight matrix in its
// stored type. Chunks of at most kDeviceDecodeMaxTokens tokens (and everything in float32 mode) use
// the dequantizing matrix-vector kernel; larger chunks use cuBLAS with bf16 operands (f16
// for F16 weights) and float32 accumulation and output, the weights dequantized into a
// 16-bit scratch matrix first unless already stored in that type.
#pragma once

#include <cstdint>

#include <cublas_v2.h>
#include <cuda_runtime.h>

#include "cuda/device_weights.h"
#include "lectern/engine/result.h"

namespace lectern::cuda {

struct GemmContext {
    cublasHandle_t blas = nullptr;   // bound to `stream`
    cudaStream_t stream = nullptr;
    uint16_t* act16 = nullptr;       // (max_chunk, widest input) 16-bit copy of x
    uint16_t* weight16 = nullptr;    // (largest layer matrix) dequantized weights, or null
    bool fp32 = false;               // always the matrix-vector kernel
};

// w: (n_rows, n_cols); x: (n_tok, n_cols) f32; y: (n_tok, n_rows) f32.
Status matmul(const GemmContext& ctx, const DeviceTensor& w, const float* x, int64_t n_tok,
              float* y);

}  // namespace lectern::cuda
