// The interface every compute backend (cpu, cuda) implements: run the Llama forward pass for
// a chunk of tokens at consecutive positions of one sequence, writing their keys and values
// into that sequence's KV cache, and return the logits of the rows the caller asks for.
//
// A backend is used by one thread at a time (the engine's worker thread); its forward() is
// not reentrant. Sessions (session.h) sit on top and are what applications use.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern {

// Element type of a KV cache. F32 keeps keys and values exactly; F16/BF16 halve the memory
// and round each stored key and value (relative 2^-11 / 2^-8), which moves the logits of
// the llama31-tiny fixture by 5.4e-4 / 4.2e-3 relative L2 (forward_golden_test).
// Q8_0 stores each run of 32 values of a (position, head) row as ggml's q8_0 block: an f16
// scale (the run's largest magnitude / 127) and 32 int8 values, 34 bytes for 32 values
// (0.53 of 16 bits). Blocks of 32 rather than one scale per row: Llama's keys carry a few
// channels of large magnitude, which a row-wide scale would let swamp the small ones; 32
// divides every Llama head_dim (64, 128) and is what llama.cpp's q8_0 cache does, so the
// two can be compared. Needs head_dim % 32 == 0.
enum class KvType { F32, F16, BF16, Q8_0 };
const char* kv_type_name(KvType type);
// "f32", "f16", "bf16", "q8_0" (the names kv_type_name gives); nothing for another name.
std::optional<KvType> parse_kv_type(std::string_view name);
// The weight type whose row encoding a KV row uses (F32, F16, BF16, Q8_0).
DType kv_dtype(KvType type);
// Bytes of one (position, head) row of head_dim keys or values in `type`.
size_t kv_row_bytes(KvType type, int64_t head_dim);
// Bytes of the keys and values of n_ctx positions of every layer and KV head.
size_t kv_cache_bytes(const ModelConfig& config, KvType type, int64_t n_ctx);
// Whether a model's shape can hold a cache of `type` (Q8_0: head_dim % 32 == 0).
bool kv_type_supported(const ModelConfig& config, KvType type);

struct SequenceOptions {
    int64_t n_ctx = 4096;      // positions the KV cache holds
    int64_t max_chunk = 512;   // most tokens one forward() call takes; sizes the scratch
    KvType kv_type = KvType::F32;
};

// One sequence's state on a backend: its KV cache and the scratch buffers its forward passes
// use, all allocated once when it is created (nothing is allocated per token).
class SequenceState {
public:
    virtual ~SequenceState() = default;
    virtual const SequenceOptions& options() const = 0;
    virtual size_t kv_bytes() const = 0;       // memory of the KV cache
    virtual size_t scratch_bytes() const = 0;  // memory of the scratch buffers

    // KV snapshots (saving a kept prefix to disk), one layer at a time so that a snapshot
    // of gigabytes streams through a small buffer: copy the keys and values of positions
    // [0, n_tokens) of `layer` out of / into the cache, in the sequence's kv_type, laid out
    // (2 (k, v), n_kv_head, n_tokens, row) with rows of kv_row_bytes(kv_type, head_dim);
    // `bytes` must be exactly kv_snapshot_bytes(config, kv_type, n_tokens) / n_layer.
    // A whole snapshot is the layers in order: (n_layer, 2, n_kv_head, n_tokens, row).
    // Backends that cannot do it return Unsupported.
    virtual Status read_kv(int64_t n_tokens, int64_t layer, std::span<uint8_t> bytes) const;
    virtual Status write_kv(int64_t n_tokens, int64_t layer, std::span<const uint8_t> bytes);
};

// Bytes of a KV snapshot of n_tokens positions (see SequenceState::read_kv): the same as
// kv_cache_bytes of n_tokens positions.
size_t kv_snapshot_bytes(const ModelConfig& config, KvType type, int64_t n_tokens);

class Backend {
public:
    virtual ~Backend() = default;
    virtual std::string name() const = 0;  // "cpu", "cuda"
    virtual const ModelConfig& config() const = 0;

    // Allocates a sequence. Errors: InvalidArgument (n_ctx or max_chunk < 1),
    // OutOfMemory / OutOfDeviceMemory.
    virtual Result<std::unique_ptr<SequenceState>> create_sequence(const SequenceOptions& options) = 0;

    // Runs tokens[i] at position pos0 + i (0 <= i < tokens.size() <= max_chunk), attending to
    // the cache's positions [0, pos0 + i]; positions < pos0 must hold earlier tokens' keys and
    // values. For each r in logit_rows (indices into tokens), writes n_vocab logits to
    // logits[j * n_vocab ...] where j is r's index in logit_rows.
    // `cancel`, when set (from any thread), stops the pass between layers with Cancelled;
    // the cache beyond pos0 then holds garbage, positions below pos0 stay intact.
    // Errors: InvalidArgument (token id, positions past n_ctx, chunk too large, sequence of
    // another backend), Cancelled.
    virtual Status forward(SequenceState& sequence, std::span<const int32_t> tokens, int64_t pos0,
                           std::span<const int64_t> logit_rows, float* logits,
                           const std::atomic<bool>* cancel = nullptr) = 0;

    // `observer` is called on the forward pass's thread before each layer runs, after the
    // cancel check: how tests count the layers a cancelled pass still ran. Backends that
    // do not run layer by layer on the host ignore it (the default).
    virtual void set_layer_observer(std::function<void(int64_t layer)> observer) {}
};

// How the CPU backend's matrix products read the activations for quantized weights. Exact
// keeps them to float32 precision: a quantized file gives the float32 forward pass of the
// same weights within 1e-5. Int8 rounds each run of 32 values to 8 bits with one scale, as
// llama.cpp does: faster decoding where the CPU has AVX2 and faster prefill (Q8_0, Q4_0,
// Q4_K, Q5_K, Q6_K) where it has AVX-512 VNNI (elsewhere the same as Exact), and logits that move
// about as much as Q8_0's own rounding of the weights moves them (2.4e-2 to 2.9e-2 relative
// L2 on the llama31-tiny fixture, against 3.0e-2: forward_quant_test).
enum class CpuActivations { Exact, Int8 };
const char* cpu_activations_name(CpuActivations activations);
// What the CPU uses when the user does not choose, by the type of the model's weights (its
// ffn_gate, the bulk of them): Int8 where rounding the activations adds less than a third
// of the logit error the weights' own quantization causes, measured on the fixtures
// (docs/cpu-activations.md, activation_defaults_test); Exact for the others and for 16- and
// 32-bit weights.
CpuActivations default_cpu_activations(DType weight_type);

struct CpuBackendOptions {
    int n_threads = 0;  // 0: every hardware thread
    CpuActivations activations = CpuActivations::Exact;
};

// The multithreaded float32 reference backend. Weights are used in their stored types;
// `weights` stays alive as long as the backend.
Result<std::unique_ptr<Backend>> make_cpu_backend(std::shared_ptr<const ModelWeights> weights,
                                                  const CpuBackendOptions& options = {});

}  // namespace lectern
