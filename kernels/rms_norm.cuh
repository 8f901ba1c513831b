// RMSNorm on the device, with the residual add that precedes it fused in (one pass over the
// residual stream instead of two). Twin of cpu::add followed by cpu::rms_norm.
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

namespace lectern::cuda {

// If residual is not null, first x[t] += residual[t] (written back to x). Then
// out[t] = x[t] / sqrt(mean(x[t]^2) + eps) * weight. x, residual, out: (n_tok, d) f32
// (out must not alias x or residual); weight: (d) f32. Sum of squares in f32 per thread,
// reduced across the block.
cudaError_t launch_rms_norm(float* x, const float* residual, const float* weight, int64_t n_tok,
                            int64_t d, float eps, float* out, cudaStream_t stream);

}  // namespace lectern::cuda
