// Random weights of a full-size model generated on the device (no file), for bench-cuda.
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

#include "cuda/device_weights.h"
#include "lectern/engine/model_weights.h"

namespace lectern::cuda {

// Llama 3.1 8B's shape (32 layers, d_model 4096, 32/8 heads of 128, ffn 14336, vocab 128256).
ModelConfig llama31_8b_config();

// Every matrix (embeddings and output included) in `matrix_type`, norms f32, values of the
// size of a trained model's (uniform, scale 0.02). Errors: OutOfDeviceMemory, Device.
Result<DeviceWeights> random_device_weights(const ModelConfig& config, DType matrix_type,
                                            uint64_t seed, cudaStream_t stream);

// Bytes a decode step reads from the weights: every layer matrix and the output matrix.
size_t decode_weight_bytes(const ModelConfig& config, DType matrix_type);

}  // namespace lectern::cuda
