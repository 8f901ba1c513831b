// Device memory planning for the CUDA backend, as a pure function so it is testable without a
// GPU: given a model's shape, the bytes its weights take on the device, the context and chunk
// a sequence asks for and the KV element type, how much device memory the backend needs; or,
// when that exceeds the free memory, an OutOfDeviceMemory error saying what would fit
// ("needs 21.3 GiB, 11.8 GiB free: use an 8-bit KV cache or a 64K context").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::cuda {

// Element type of a device KV cache. Q8 is int8 with one float32 scale per (position, head)
// row of head_dim values.
enum class KvStorage { F32, F16, BF16, Q8 };
const char* kv_storage_name(KvStorage kv);

struct PlanRequest {
    int64_t n_ctx = 4096;        // positions of the KV cache
    int64_t max_chunk = 512;     // tokens per forward pass (sizes the scratch)
    KvStorage kv = KvStorage::F16;
    size_t weight_bytes = 0;     // the weights as uploaded (stored types, 256-byte aligned)
    bool weight_scratch = true;  // prefill dequantizes one matrix at a time into 16 bits
};

struct DevicePlan {
    size_t weights = 0;  // uploaded tensors
    size_t kv = 0;       // keys and values of every layer
    size_t scratch = 0;  // activations for one chunk, a dequantized matrix, decode partials
    size_t reserve = 0;  // cuBLAS workspace and allocator slack
    size_t total() const { return weights + kv + scratch + reserve; }
};

// Limits the scratch is sized for (the backend uses the same constants).
constexpr int64_t kDecodeMaxTokens = 8;  // chunks up to this size use the decode kernels
constexpr int64_t kDecodeMaxSplits = 64; // KV splits of flash decoding
constexpr size_t kReserveBytes = size_t{256} << 20;

// Bytes of a device KV cache for n_ctx positions.
size_t kv_bytes(const ModelConfig& config, int64_t n_ctx, KvStorage kv);
// Bytes of the scratch buffers for chunks of max_chunk tokens.
size_t scratch_bytes(const ModelConfig& config, int64_t max_chunk, bool weight_scratch);

// The plan, or OutOfDeviceMemory when plan.total() > free_bytes (the message names the
// sizes and a smaller KV type and/or the largest context, in multiples of 1K, that fit).
// InvalidArgument when n_ctx or max_chunk < 1.
Result<DevicePlan> plan_device_memory(const ModelConfig& config, const PlanRequest& request,
                                      size_t free_bytes);

// "21.3 GiB", "512.0 MiB".
std::string format_bytes(size_t bytes);

}  // namespace lectern::cuda
