// Fused dequantize-and-dot kernels for one weight row and one f32 vector: the decode path
// (n_tok small), which is bound by memory bandwidth. Each kernel decodes a block into
// registers, multiplies by x and accumulates in float32 lanes; the lane order is fixed, so
// a row's result does not depend on the thread that computes it.
#pragma once

#include <cstdint>

#include "lectern/engine/dtype.h"

namespace lectern::cpu {

// dot(row, x) over n elements; row holds row_bytes(type, n) bytes of any supported type.
float dot_row(DType type, const void* row, const float* x, int64_t n);

}  // namespace lectern::cpu
