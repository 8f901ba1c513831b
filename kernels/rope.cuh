// Rotary embeddings on the device, GGUF's interleaved pairs, with Llama 3 frequency
// factors. Twin of cpu::rope_angles + cpu::rope: angles are computed in double (at
// positions near 10^5 a float32 angle is off by ~10^-2 radians), rotation in float32.
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

namespace lectern::cuda {

// x: (n_tok, n_heads, head_dim) f32, rotated in place; token t is at position pos0 + t.
// Pair i of a head turns by pos * theta^(-2i/head_dim) / freq_factors[i] (freq_factors:
// (head_dim / 2) f32 on the device, or null for no scaling). head_dim must be even.
cudaError_t launch_rope(float* x, int64_t n_tok, int64_t n_heads, int64_t head_dim, int64_t pos0,
                        double theta, const float* freq_factors, cudaStream_t stream);

}  // namespace lectern::cuda
