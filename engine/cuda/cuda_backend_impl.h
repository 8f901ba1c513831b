// The CUDA backend class (see cuda_backend.h for the forward pass it runs). Internal: the
// factory, tests and the benchmark construct it through make_cuda_backend or, with weights
// already on the device, through CudaBackend::create.
#pragma once

#include <memory>
#include <string>

#include "cuda/cuda_backend.h"
#include "cuda/cuda_sequence.h"
#include "cuda/device_weights.h"
#include "cuda/gemm.h"

namespace lectern::cuda {

class CudaBackend final : public Backend {
public:
    // Takes device weights (uploaded, or generated on the device by a benchmark).
    static Result<std::unique_ptr<CudaBackend>> create(const ModelConfig& config,
                                                       DeviceWeights weights, Stream stream,
                                                       const CudaBackendOptions& options);

    std::string name() const override { return "cuda"; }
    const ModelConfig& config() const override { return config_; }
    Result<std::unique_ptr<SequenceState>> create_sequence(const SequenceOptions& options) override;
    Status forward(SequenceState& sequence, std::span<const int32_t> tokens, int64_t pos0,
                   std::span<const int64_t> logit_rows, float* logits,
                   const std::atomic<bool>* cancel) override;

    // Set after a CUDA failure: every later call returns this error (the caller can fall
    // back to the CPU backend and show it).
    const Error* failure() const { return failed_ ? &failure_ : nullptr; }
    cudaStream_t stream() const { return stream_.get(); }

private:
    CudaBackend(const ModelConfig& config, DeviceWeights weights, Stream stream, BlasHandle blas,
                const CudaBackendOptions& options);
    Status run(CudaSequence& seq, std::span<const int32_t> tokens, int64_t pos0,
               std::span<const int64_t> rows, float* logits, const std::atomic<bool>* cancel);
    Status attention_block(int64_t layer, CudaSequence& seq, int64_t pos0, int64_t n_tok,
                           bool pending);
    Status ffn_block(int64_t layer, const DeviceScratch& s, int64_t n_tok);
    Status output_head(const DeviceScratch& s, int64_t n_tok, std::span<const int64_t> rows,
                       float* logits);
    GemmContext gemm(const DeviceScratch& s) const;
    Status fail(Error e);

    ModelConfig config_;
    DeviceWeights w_;
    Stream stream_;
    BlasHandle blas_;
    CudaBackendOptions options_;
    bool failed_ = false;
    Error failure_;
};

}  // namespace lectern::cuda
