// A model's weights on the device: every tensor in its stored type in one allocation, with
// the same shapes as ModelWeights (rows contiguous, GGUF rotary layout). Uploaded from the
// file mapping through a small pinned staging buffer, so the host never holds a second full
// copy. Benchmarks fill one with random weights generated on the device instead.
#pragma once

#include <cstdint>
#include <vector>

#include <cuda_runtime.h>

#include "cuda/device_buffer.h"
#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::cuda {

struct DeviceTensor {
    DType type = DType::F32;
    int64_t n_cols = 0;  // elements per row
    int64_t n_rows = 1;
    const void* data = nullptr;  // device memory
};

struct DeviceLayer {
    DeviceTensor attn_norm, wq, wk, wv, wo, ffn_norm, w_gate, w_up, w_down;
};

struct DeviceWeights {
    DeviceTensor tok_embd;   // (n_vocab, d_model)
    std::vector<DeviceLayer> layers;
    DeviceTensor output_norm;
    DeviceTensor output;     // the same memory as tok_embd when tied
    const float* rope_freq_factors = nullptr;  // (head_dim / 2) f32, or null
    DeviceBuffer storage;

    // Bytes upload() allocates for `weights` (tied tensors once, 256-byte aligned).
    static size_t upload_bytes(const ModelWeights& weights);
    // Errors: OutOfDeviceMemory (with the size and what is free), Device.
    static Result<DeviceWeights> upload(const ModelWeights& weights, cudaStream_t stream);

    // Whether any layer matrix needs dequantizing for cuBLAS (not stored as F16 or BF16).
    bool needs_weight_scratch() const;
};

}  // namespace lectern::cuda
