// The prefill path of matmul with int8 activations (CpuActivations::Int8), for Q8_0, Q4_0,
// Q4_K, Q5_K and Q6_K weights on CPUs with AVX-512 VNNI. Each token's x is rounded to 8 bits
// per run of 32 values (round_to_int8); each unit of weights that shares a scale (32 values;
// 16 for Q6_K) is written as unsigned bytes u with w = scale * u - min (Q8_0: u = q + 128;
// Q4_0: min = 8 d; Q4_K, Q5_K: the sub-block's scale and min; Q6_K: min = 32 d sc), 16 rows
// interleaved 4 bytes at a time, so that one 64-byte load and one multiply-add of 4 byte
// products per token serve 16 rows. The result is the product with x
// rounded, as the int8 decode kernels compute it, up to float32 summation order.
#pragma once

#include <cstdint>

#include "lectern/engine/model_weights.h"

namespace lectern::cpu {

// Whether this build has the int8 prefill kernel for `type`.
bool gemm_int8_supports(DType type);

// Tokens per tile of the packed x.
constexpr int64_t kGemmInt8Tokens = 12;

// Bytes of x packed by gemm_int8_pack_x.
size_t gemm_int8_packed_x_bytes(int64_t n_tok, int64_t n_cols);

// Rounds tokens [t0, t1) (t0 a multiple of kGemmInt8Tokens) of x, (n_tok, n_cols) f32 with
// n_cols a multiple of 32, and packs them into xp for gemm_int8_rows.
void gemm_int8_pack_x(const float* x, int64_t n_tok, int64_t n_cols, int64_t t0, int64_t t1, uint8_t* xp);

// y[t][r] = dot(w row r, x[t] rounded) for rows [r0, r1) (r0 a multiple of 16) and every
// token t < n_tok; xp from gemm_int8_pack_x; y: (n_tok, w.n_rows) f32. Uses per-thread
// scratch buffers.
void gemm_int8_rows(const TensorView& w, const uint8_t* xp, int64_t n_tok, float* y, int64_t r0,
                    int64_t r1);

}  // namespace lectern::cpu
