// The CUDA backend's entry points, declared without CUDA types so the backend factory
// compiles in every build; defined only when LECTERN_HAVE_CUDA (cuda_backend.cpp).
//
// Forward pass per chunk of n_tok tokens (all activations float32 on the device except the
// 16-bit copies cuBLAS reads):
//   x = embed(tokens)                                              (n_tok, d_model)
//   per layer: xn = rms_norm(x [+= residual]); q,k,v = matmul; rope(q,k); store k,v;
//              att = flash attention (prefill) or flash decoding (n_tok <= 8);
//              x += wo . att (fused into the next rms_norm); ffn likewise with SwiGLU
//   logits[r] = output . rms_norm(x[r]) through the float32 matrix-vector kernel.
// Matrix products: n_tok <= 8 -> dequantizing matrix-vector kernel (float32 sums);
// otherwise cuBLAS bf16 (f16 for F16 weights) with float32 accumulation, the weight matrix
// dequantized into a 16-bit scratch first unless it is already stored in that type.
#pragma once

#include <memory>
#include <string>

#include "lectern/engine/backend.h"
#include "lectern/engine/result.h"

namespace lectern::cuda {

struct CudaBackendOptions {
    int device = 0;
    // Use the float32 matrix-vector kernel for every product (prefill too): slower, and the
    // reference against which the 16-bit prefill path is measured.
    bool fp32_matmul = false;
};

int device_count();              // 0 when the driver reports none or fails
size_t free_memory(int device);  // free bytes of the device now; 0 when it cannot say
std::string device_name(int device);

// Uploads `weights` to the device (streamed from the file mapping through a small pinned
// buffer; no second full copy on the host). Errors: Unsupported (no device),
// OutOfDeviceMemory (the weights do not fit; the message says how much is free), Device.
Result<std::unique_ptr<Backend>> make_cuda_backend(std::shared_ptr<const ModelWeights> weights,
                                                   const CudaBackendOptions& options = {});

}  // namespace lectern::cuda
