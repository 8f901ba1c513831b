// The measurements of `lectern-cli bench`: prefill and decode speed of the CPU backend on a
// model, at several thread counts, next to the machine's memory read bandwidth (decoding
// reads every weight once per token, so that bandwidth bounds its speed).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "lectern/engine/backend.h"
#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::bench {

struct BenchOptions {
    int64_t n_prompt = 512;        // tokens prefilled (in chunks of at most 512)
    int64_t n_decode = 64;         // tokens decoded one at a time after the prompt
    std::vector<int> threads{1, 2};
    // Each thread count is measured with each of these, one after the other.
    std::vector<CpuActivations> activations{CpuActivations::Exact};
    // ... and with each KV cache type and each context: positions already in the cache when
    // decoding starts (0: decoding follows the prompt). A context's positions are filled with
    // random keys and values of the cache's type, not prefilled: decode reads them all the same.
    std::vector<KvType> kv{KvType::F32};
    std::vector<int64_t> ctx{0};
    size_t bandwidth_buffer_bytes = size_t{1} << 30;
    int64_t multiply_add_iterations = 10'000'000;  // steps of the multiply-add measurement
    uint32_t seed = 1;
};

struct BenchResult {
    int threads = 0;
    CpuActivations activations = CpuActivations::Exact;
    KvType kv = KvType::F32;
    int64_t ctx = 0;              // positions in the cache when decoding started
    double kv_bytes_per_token = 0; // cache bytes one decoded token reads, on average
    double prefill_tok_s = 0;
    double decode_tok_s = 0;
    double decode_bytes_s = 0;    // weight and KV cache bytes read per second while decoding
    double memory_bytes_s = 0;    // measured read bandwidth at this thread count
    double prefill_macs_s = 0;    // multiply-adds per second while prefilling
    double multiply_add_s = 0;    // measured float32 multiply-add rate at this thread count
    // CPU time the process got while prefilling / decoding, as a share of threads x wall
    // time: well below 1 means other programs were using the cores.
    double prefill_cpu_share = 0;
    double decode_cpu_share = 0;
};

// Bytes of weights one decoded token reads: every matrix, the output head (the embedding
// matrix when tied), norms; of an untied embedding only one row.
size_t decode_weight_bytes(const ModelWeights& weights);

// Multiply-adds per prompt token of a prefill of n_prompt tokens: every matrix of every
// layer, attention over the keys before each token (n_head * head_dim * (n_prompt + 1) per
// layer on average, scores and values), and the output head once per prompt.
double prefill_macs_per_token(const ModelConfig& config, int64_t n_prompt);

// Runs the prompt and the decode steps on a fresh CPU backend per thread count and
// activations; the bandwidth and multiply-add rate are measured once per thread count.
// Errors: those of the backend (e.g. OutOfMemory), InvalidArgument for no prompt, no decode
// steps, no thread counts or no activations.
Result<std::vector<BenchResult>> run_bench(std::shared_ptr<const ModelWeights> weights,
                                           const BenchOptions& options);

}  // namespace lectern::bench
