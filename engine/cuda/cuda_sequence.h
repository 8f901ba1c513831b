// One sequence on the CUDA backend: its KV cache and the scratch its forward passes use, in
// two device allocations made once (the scratch layout is what memory_plan.cpp counts).
#pragma once

#include <cstdint>
#include <span>

#include "cuda/device_buffer.h"
#include "cuda/memory_plan.h"
#include "kernels/kv_layout.cuh"
#include "lectern/engine/backend.h"

namespace lectern::cuda {

// Device scratch for chunks of C = max_chunk tokens; f32 unless noted.
struct DeviceScratch {
    float* x = nullptr;        // (C, d_model) residual stream
    float* xn = nullptr;       // (C, d_model) normalized input of a block
    float* y = nullptr;        // (C, d_model) block output waiting to be added to x
    float* q = nullptr;        // (C, n_head * head_dim)
    float* att = nullptr;      // (C, n_head * head_dim) attention output
    float* k = nullptr;        // (C, n_kv_head * head_dim)
    float* v = nullptr;        // (C, n_kv_head * head_dim)
    float* gate = nullptr;     // (C, d_ffn)
    float* up = nullptr;       // (C, d_ffn)
    float* logits = nullptr;   // (C, n_vocab)
    float* partials = nullptr; // flash-decoding partials, partial_floats of them
    int64_t partial_floats = 0;
    uint16_t* act16 = nullptr;    // (C, widest input) 16-bit activations for cuBLAS
    uint16_t* weight16 = nullptr; // (largest layer matrix) 16-bit weights, or null
    int32_t* tokens = nullptr;    // (C)
};

class CudaSequence final : public SequenceState {
public:
    // Errors: OutOfDeviceMemory (the plan's message), Device.
    static Result<std::unique_ptr<CudaSequence>> create(const ModelConfig& config,
                                                        const SequenceOptions& options,
                                                        KvElem elem, bool weight_scratch,
                                                        const void* owner);

    const SequenceOptions& options() const override { return options_; }
    size_t kv_bytes() const override { return kv_.bytes(); }
    size_t scratch_bytes() const override { return scratch_buf_.bytes(); }

    // KV snapshots: positions [0, n_tokens) of every layer and head, laid out (n_layer, 2,
    // n_kv_head, n_tokens, head_dim) in the cache's element type (the CPU backend's layout).
    // Errors: InvalidArgument (sizes), Unsupported (the 8-bit cache), Device.
    virtual Status read_kv(int64_t n_tokens, std::span<uint8_t> bytes) const;
    virtual Status write_kv(int64_t n_tokens, std::span<const uint8_t> bytes);

    KvElem elem() const { return elem_; }
    // One layer's keys (which = 0) or values (which = 1).
    KvTensor kv(int64_t layer, int which) const;
    const DeviceScratch& scratch() const { return s_; }
    const void* owner() const { return owner_; }

private:
    CudaSequence() = default;
    Status copy_prefix(int64_t n_tokens, size_t bytes, uint8_t* host_out,
                       const uint8_t* host_in) const;

    SequenceOptions options_;
    KvElem elem_ = KvElem::F16;
    int64_t n_layer_ = 0, n_kv_head_ = 0, head_dim_ = 0;
    DeviceBuffer kv_;           // (layer, K|V, n_kv_head, n_ctx, head_dim) then Q8 scales
    DeviceBuffer scratch_buf_;
    DeviceScratch s_;
    const void* owner_ = nullptr;
};

KvStorage kv_storage(KvElem elem);

}  // namespace lectern::cuda
