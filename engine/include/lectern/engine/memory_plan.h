// Memory planning before anything is allocated, for both backends, as pure functions so
// they are testable with any memory figure: given a model's shape, the bytes its weights
// take, the context and chunk a sequence asks for and the KV cache type, how much memory a
// backend needs (host RAM for the CPU, device memory for CUDA); or, when that exceeds what
// is available, an error saying what would fit ("needs 527.1 MiB, 512.0 MiB free: use an
// 8-bit KV cache (--kv q8_0) or a 120K context"). fit_context picks the context a task gets when the
// user names none: the model's trained one, lowered to what fits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "lectern/engine/backend.h"
#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern {

enum class MemoryKind { Host, Device };

struct MemoryRequest {
    int64_t n_ctx = 4096;         // positions of the KV cache
    int64_t max_chunk = 512;      // tokens per forward pass (sizes the scratch)
    KvType kv = KvType::F16;
    size_t weight_bytes = 0;      // the weights as the backend holds them
    MemoryKind kind = MemoryKind::Host;
    int n_threads = 1;            // host: each thread has a row of attention scores
    bool weight_scratch = true;   // device: prefill dequantizes one matrix at a time into 16 bits
};

struct MemoryPlan {
    size_t weights = 0;  // the model's tensors
    size_t kv = 0;       // keys and values of every layer
    size_t scratch = 0;  // activations for one chunk, logits, attention scores or partials
    size_t reserve = 0;  // host: tokenizer, documents and allocator slack; device: cuBLAS
    size_t total() const { return weights + kv + scratch + reserve; }
};

// Limits the device scratch is sized for (the CUDA backend uses the same constants).
constexpr int64_t kDeviceDecodeMaxTokens = 8;   // chunks up to this size use the decode kernels
constexpr int64_t kDeviceDecodeMaxSplits = 64;  // KV splits of flash decoding
constexpr size_t kDeviceReserveBytes = size_t{256} << 20;
constexpr size_t kHostReserveBytes = size_t{256} << 20;

// Bytes of the scratch buffers a sequence allocates besides its KV cache.
size_t host_scratch_bytes(const ModelConfig& config, int64_t max_chunk, int64_t n_ctx, int n_threads);
size_t device_scratch_bytes(const ModelConfig& config, int64_t max_chunk, bool weight_scratch);

// The plan, or OutOfMemory (host) / OutOfDeviceMemory (device) when plan.total() exceeds
// `available` (the message names the sizes and an 8-bit KV cache and/or the largest
// context, in multiples of 1K, that fit). InvalidArgument when n_ctx or max_chunk < 1.
Result<MemoryPlan> plan_memory(const ModelConfig& config, const MemoryRequest& request, size_t available);

// The context and KV type a task gets when the user named no context: request.n_ctx (the
// model's trained context) in request.kv when it fits; else, unless `kv_fixed` (the user
// chose the type), the same context in q8_0; else the largest multiple of 1K positions
// (at least 1024) that fits, in q8_0 unless kv_fixed. `reason` says in one line what was
// chosen and why. Errors: plan_memory's for request when not even 1K positions fit.
struct ContextChoice {
    int64_t n_ctx = 0;
    KvType kv = KvType::F16;
    MemoryPlan plan;
    std::string reason;
};
Result<ContextChoice> fit_context(const ModelConfig& config, const MemoryRequest& request, bool kv_fixed,
                                  size_t available);

// MemAvailable of /proc/meminfo in bytes; 0 when it cannot be read. $LECTERN_MEMORY_AVAILABLE
// (bytes), when set, replaces it: how tests and users size a plan for another machine.
size_t available_host_memory();

// "21.3 GiB", "512.0 MiB".
std::string format_bytes(size_t bytes);
// "128K", or the number when not a multiple of 1024.
std::string context_name(int64_t n_ctx);

}  // namespace lectern
