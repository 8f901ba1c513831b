// Matrix products with weights in their stored type (F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q5_K,
// Q6_K). Weights are dequantized a block at a time inside the product, never expanded as a
// whole; sums are float32, so the result equals a dequantize-then-dot in float32 up to the
// order of summation. Activations are float32, except that the Q4_0, Q4_K, Q5_K and Q6_K
// decode kernels on CPUs with AVX-512 VNNI read them as three bytes per value (matmul_dot.h,
// split_pieces), each value within 2^-22 of the largest in its run of 32; or, with
// Activations::Int8, as one byte per value (round_to_int8): in the decode kernels where the
// CPU has AVX2 (Q8_0 too), in the prefill kernel (matmul_gemm_int8.h) where it has AVX-512
// VNNI.
#pragma once

#include <cstdint>

#include "cpu/thread_pool.h"
#include "lectern/engine/backend.h"
#include "lectern/engine/model_weights.h"

namespace lectern::cpu {

// y = x W^T.  w: (n_rows, n_cols) any type; x: (n_tok, n_cols) f32 row-major;
// y: (n_tok, n_rows) f32 row-major; y[t][r] = dot(w row r, x[t]). Rows are split across the
// pool's threads; each y[t][r] is computed the same way whatever the thread count.
// x and y must not overlap.
void matmul(const TensorView& w, const float* x, int64_t n_tok, float* y, ThreadPool& pool,
            CpuActivations activations = CpuActivations::Exact);

// Whether matmul with these arguments computes with x rounded to 8 bits (round_to_int8)
// rather than exactly: with Int8 activations, the decode kernels of x_pieces() == 1 and the
// int8 prefill kernel (gemm_int8_supports).
bool rounds_x(DType type, CpuActivations activations, int64_t n_tok);

// out: (w.n_cols) f32 = row `token` of w (an embedding lookup). token must be < w.n_rows.
void embedding_row(const TensorView& w, int64_t token, float* out);

}  // namespace lectern::cpu
