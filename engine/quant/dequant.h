// Conversion of one row of weights between a stored type and float32. Dequantization is
// ggml's `to_float` arithmetic exactly (bit for bit), so Lectern reads every GGUF file the
// way llama.cpp does. Quantization exists to build models in memory (benchmarks, tests).
#pragma once

#include <cstdint>

#include "lectern/engine/dtype.h"

namespace lectern::quant {

// out[0..n) = the n values of `row` (row_bytes(type, n) bytes). n must be a multiple of
// the type's block size; every DType is supported.
void dequantize_row(DType type, const void* row, float* out, int64_t n);

// Encodes n floats into `row` (row_bytes(type, n) bytes). Supported: F32, F16, BF16, Q8_0,
// Q4_0, Q4_K. Returns false (writing nothing) for another type.
bool quantize_row(DType type, const float* in, void* row, int64_t n);
bool can_quantize(DType type);

}  // namespace lectern::quant
