// Vectorized dequantization of a run of whole blocks to float32, for packing weight panels
// in the prefill path. Same arithmetic as quant::dequantize_row (the multiplies and the
// subtraction of the min are separate roundings unless the compiler fuses them, which only
// makes a value more exact); types without a vector path fall back to it.
#pragma once

#include <cstdint>

#include "lectern/engine/dtype.h"

namespace lectern::cpu {

// out[0..n) = the n values at `src` (whole blocks of `type`).
void unpack_row(DType type, const void* src, float* out, int64_t n);

}  // namespace lectern::cpu
