// Element-wise and per-row operations of the Llama forward pass on the CPU, in float32:
// RMSNorm, rotary embeddings (GGUF's interleaved pairs), SwiGLU, residual add, embedding
// lookup and a numerically stable softmax. These are the reference the CUDA kernels of the
// same names are compared against. Callers validate shapes; these functions trust them.
#pragma once

#include <cstdint>

#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::cpu {

// out[t] = x[t] / sqrt(mean(x[t]^2) + eps) * weight, for each of n_tok rows.
// x, out: (n_tok, d) f32 (out may alias x); weight: (d) f32. Sum of squares in double.
void rms_norm(const float* x, const float* weight, int64_t n_tok, int64_t d, float eps,
              float* out);

// Rotary angles for positions pos0 .. pos0 + n_tok - 1. For pair i of a head, the angle is
// pos * theta^(-2i/head_dim) / freq_factors[i] (freq_factors null: no scaling), computed in
// double: at positions near 10^5 a float32 angle is off by ~10^-2 radians.
// cos_out, sin_out: (n_tok, head_dim / 2) f32.
void rope_angles(int64_t pos0, int64_t n_tok, int64_t head_dim, double theta,
                 const float* freq_factors, float* cos_out, float* sin_out);

// Rotates adjacent pairs (x[2i], x[2i+1]) of every head of every token, in place.
// x: (n_tok, n_heads, head_dim) f32; cos, sin: (n_tok, head_dim / 2) from rope_angles.
void rope(float* x, int64_t n_tok, int64_t n_heads, int64_t head_dim, const float* cos,
          const float* sin);

// out[i] = silu(gate[i]) * up[i], silu(g) = g / (1 + exp(-g)). gate, up, out: (n) f32;
// out may alias gate or up.
void swiglu(const float* gate, const float* up, int64_t n, float* out);

// x[i] += y[i]. x, y: (n) f32.
void add(float* x, const float* y, int64_t n);

// Softmax over x[0..n) in place; subtracts the maximum first, sums in double.
void softmax(float* x, int64_t n);

// sum(a[i] * b[i]) in float32 with 8 independent lanes (a fixed order, so deterministic).
float dot(const float* a, const float* b, int64_t n);
// y[i] += a * x[i].
void axpy(float a, const float* x, float* y, int64_t n);

// out[t] = row tokens[t] of tok_embd, dequantized. out: (n_tok, d_model) f32.
// Errors: InvalidArgument when a token is outside [0, n_vocab).
Status embed_tokens(const TensorView& tok_embd, const int32_t* tokens, int64_t n_tok,
                    float* out);

}  // namespace lectern::cpu
