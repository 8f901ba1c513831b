// Residual add on the device: x[i] += y[i]. Twin of cpu::add. (Adds that precede an RMSNorm
// are fused into launch_rms_norm; this one closes the last layer.)
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

namespace lectern::cuda {

// x, y: (n) f32.
cudaError_t launch_add(float* x, const float* y, int64_t n, cudaStream_t stream);

}  // namespace lectern::cuda
