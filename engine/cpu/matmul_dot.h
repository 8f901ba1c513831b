// Fused dequantize-and-dot kernels for weight rows and one f32 vector: the decode path
// (n_tok small), which is bound by memory bandwidth. Each kernel decodes a block into
// registers, multiplies by x and accumulates in float32 lanes; the lane order is fixed, so
// a row's result does not depend on the thread that computes it, nor on how many rows are
// computed together.
#pragma once

#include <cstddef>
#include <cstdint>

#include "lectern/engine/dtype.h"

namespace lectern::cpu {

// What the kernels of a weight type read of one activation vector x of n values, prepared
// once per product (prepare_x) and shared by every row.
struct PreparedX {
    const float* x = nullptr;
    // Sums of x over each run of 32 values (Q4_K, Q5_K: for the mins), or null.
    const float* sums = nullptr;
    // x split into three 8-bit pieces per run of 32 values (see split_pieces), or null.
    const int8_t* pieces = nullptr;
    const float* piece_scales = nullptr;
    // -offset * (sum of a0 over each 4 values), for the types whose values are stored with an
    // offset (Q6_K: 32, Q4_0: 8).
    const int32_t* piece_offsets = nullptr;
};

// Bytes of scratch prepare_x needs for a vector of n values of a product with weights of
// `type` (0 when the kernels read x alone). n is a multiple of 32 for the quantized types.
size_t prepared_x_bytes(DType type, int64_t n);

// Fills what the kernels of `type` need of x into scratch (prepared_x_bytes, 64-byte aligned).
PreparedX prepare_x(DType type, const float* x, int64_t n, void* scratch);

// xsum: (n / 32) f32 = sums of x[32 i .. 32 i + 32).
void block_sums(const float* x, int64_t n, float* xsum);

// The integer form of x used by the VNNI kernels. Each run of 32 values with largest
// magnitude m is written as x = s * (a0 + a1 / 256 + a2 / 256^2) with s = m / 127, a0 a
// signed byte (floor of x / s) and a1, a2 unsigned bytes: 96 bytes per run (the a0, a1 and a2
// of the 32 values), and scales[i] = s / 256^2. x / s is formed in double precision, so each
// value is kept within s * 2^-16 < m * 2^-22 (float32 itself keeps a value within its own
// magnitude * 2^-24); a dot product then stays within about 2^-22 of the sum of |products|,
// close to float32's own rounding, while the products themselves are exact 8-bit
// multiply-adds.
void split_pieces(const float* x, int64_t n, int8_t* pieces, float* scales);

// y[i] = dot(row i, x) for `count` rows of n elements of `type`, the first at w and the others
// `stride` bytes apart.
void dot_rows(DType type, const uint8_t* w, size_t stride, int64_t count, const PreparedX& x,
              int64_t n, float* y);

}  // namespace lectern::cpu
