// SwiGLU on the device: out[i] = silu(gate[i]) * up[i]. Twin of cpu::swiglu.
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

namespace lectern::cuda {

// gate, up, out: (n) f32; out may alias gate or up (each element is read before written).
cudaError_t launch_swiglu(const float* gate, const float* up, int64_t n, float* out,
                          cudaStream_t stream);

}  // namespace lectern::cuda
