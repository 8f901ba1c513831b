// One sequence on the CUDA backend: its KV cache and the scratch its forward passes use, in
// two device allocations made once (the scratch layout is what memory_plan.cpp counts).
#pragma once

#include <cstdint>
#include <span>

#include "cuda/device_buffer.h"
#include "lectern/engine/memory_plan.h"
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

    // KV snapshots: positions [0, n_tokens) of one layer's heads, laid out (2, n_kv_head,
    // n_tokens, row) in the cache's element type (the CPU backend's layout, q8_0 included).
    // Errors: InvalidArgument (sizes), Device.
    Status read_kv(int64_t n_tokens, int64_t layer, std::span<uint8_t> bytes) const override;
    Status write_kv(int64_t n_tokens, int64_t layer, std::span<const uint8_t> bytes) override;

    KvElem elem() const { return elem_; }
    // One layer's keys (which = 0) or values (which = 1).
    KvTensor kv(int64_t layer, int which) const;
    const DeviceScratch& scratch() const { return s_; }
    const void* owner() const { return owner_; }

private:
    CudaSequence() = default;
    Status copy_prefix(int64_t n_tokens, int64_t layer, size_t bytes, uint8_t* host_out,
                       const uint8_t* host_in) const;

    SequenceOptions options_;
    KvElem elem_ = KvElem::F16;
    int64_t n_layer_ = 0, n_kv_head_ = 0, head_dim_ = 0;
    DeviceBuffer kv_;           // (layer, K|V, n_kv_head, n_ctx) rows of kv_elem_row_bytes
    DeviceBuffer scratch_buf_;
    DeviceScratch s_;
    const void* owner_ = nullptr;
};

KvType kv_type_of(KvElem elem);

}  // namespace lectern::cuda
