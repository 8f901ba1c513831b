// Fused dequantize-and-dot kernels for one weight row and one f32 vector: the decode path
// (n_tok small), which is bound by memory bandwidth. Each kernel decodes a block into
// registers, multiplies by x and accumulates in float32 lanes; the lane order is fixed, so
// a row's result does not depend on the thread that computes it.
#pragma once

#include <cstdint>

#include "lectern/engine/dtype.h"

namespace lectern::cpu {

// Whether dot_row needs the sums of x over each run of 32 values (Q4_K, Q5_K: for the mins).
bool needs_block_sums(DType type);
// xsum: (n / 32) f32 = sums of x[32 i .. 32 i + 32).
void block_sums(const float* x, int64_t n, float* xsum);

// dot(row, x) over n elements; row holds row_bytes(type, n) bytes of any supported type.
// xsum: block_sums of x when needs_block_sums(type), else unused (may be null).
float dot_row(DType type, const void* row, const float* x, const float* xsum, int64_t n);

}  // namespace lectern::cpu
