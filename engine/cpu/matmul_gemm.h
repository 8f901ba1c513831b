// The prefill path of matmul (several tokens at once). x is packed once per call into tiles
// of kGemmTokens tokens stored column by column (tokens contiguous). Weights are dequantized
// a few rows x up to 512 columns at a time into a per-thread buffer and each such piece is
// reused for every token, so the cost of decoding a weight is spread over the whole batch.
#pragma once

#include <cstdint>

#include "lectern/engine/model_weights.h"

namespace lectern::cpu {

// Micro-tile: kGemmRows rows x kGemmTokens tokens (two vectors of tokens).
#if defined(__AVX512F__)
constexpr int64_t kGemmRows = 12;
constexpr int64_t kGemmTokens = 32;
#else
constexpr int64_t kGemmRows = 6;
constexpr int64_t kGemmTokens = 16;
#endif

// Floats of x packed by gemm_pack_x: n_tok rounded up to whole tiles of kGemmTokens.
int64_t gemm_packed_x_size(int64_t n_tok, int64_t n_cols);

// Packs tokens [t0, t1) (t0 a multiple of kGemmTokens) of x, (n_tok, n_cols) f32, into xp:
// tile p is (n_cols, kGemmTokens) f32 at xp + p * kGemmTokens * n_cols, zeros past n_tok.
void gemm_pack_x(const float* x, int64_t n_tok, int64_t n_cols, int64_t t0, int64_t t1, float* xp);

// y[t][r] = dot(w row r, x[t]) for rows [r0, r1) and every token t < n_tok.
// xp: x packed by gemm_pack_x; y: (n_tok, w.n_rows) f32. Uses per-thread scratch buffers.
void gemm_rows(const TensorView& w, const float* xp, int64_t n_tok, float* y, int64_t r0,
               int64_t r1);

}  // namespace lectern::cpu
