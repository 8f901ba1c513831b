// The prefill path of matmul (several tokens at once): weights are dequantized one panel at
// a time (kGemmRows rows x up to 512 columns, into a per-thread buffer, transposed so a
// vector load gives one column of the panel) and each panel is reused for every token, so
// the cost of decoding a weight is spread over the whole batch.
#pragma once

#include <cstdint>

#include "lectern/engine/model_weights.h"

namespace lectern::cpu {

// Rows per panel: thread splits of the rows should be multiples of it.
#if defined(__AVX512F__)
constexpr int64_t kGemmRows = 32;
#else
constexpr int64_t kGemmRows = 16;
#endif

// y[t][r] = dot(w row r, x[t]) for rows [r0, r1) and every token t < n_tok.
// x: (n_tok, w.n_cols) f32; y: (n_tok, w.n_rows) f32. Uses per-thread scratch buffers.
void gemm_rows(const TensorView& w, const float* x, int64_t n_tok, float* y, int64_t r0,
               int64_t r1);

}  // namespace lectern::cpu
