// Fused dequantize-and-dot kernels for weight rows and one f32 vector: the decode path
// (n_tok small), which is bound by memory bandwidth. Each kernel decodes a block into
// registers, multiplies by x and accumulates in float32 lanes; the lane order is fixed, so
// a row's result does not depend on the thread that computes it, nor on how many rows are
// computed together.
#pragma once

#include <cstddef>
#include <cstdint>

#include "lectern/engine/backend.h"
#include "lectern/engine/dtype.h"

namespace lectern::cpu {

using Activations = CpuActivations;

// What the kernels of a weight type read of one activation vector x of n values, prepared
// once per product (prepare_x) and shared by every row.
struct PreparedX {
    const float* x = nullptr;
    // Sums of x over each run of 32 values (Q4_K, Q5_K: for the mins), or null; of the
    // rounded values where x was rounded to 8 bits.
    const float* sums = nullptr;
    // x split into n_pieces 8-bit pieces per value: 3 (split_pieces, Activations::Exact) or
    // 1 (round_to_int8, Activations::Int8); 32 * n_pieces bytes per run of 32 values. Null
    // (n_pieces 0) where the kernels read x itself.
    const int8_t* pieces = nullptr;
    const float* piece_scales = nullptr;
    int n_pieces = 0;
    // -offset * (sum of a0 over each 4 values), for the types whose values are stored with an
    // offset (Q6_K: 32, Q4_0: 8).
    const int32_t* piece_offsets = nullptr;
};

// Pieces of x per value that the decode kernels of `type` read: 3 (split_pieces), 1
// (round_to_int8) or 0 (they read x itself). 1 only with Activations::Int8, for the
// quantized types (on x86 with AVX2); 3 only with Activations::Exact, for Q4_0 and the
// K-quants, where the CPU has AVX-512 VNNI.
int x_pieces(DType type, Activations activations);

// Bytes of scratch prepare_x needs for a vector of n values of a product with weights of
// `type` (0 when the kernels read x alone). n is a multiple of 32 for the quantized types.
size_t prepared_x_bytes(DType type, int64_t n, Activations activations = Activations::Exact);

// Fills what the kernels of `type` need of x into scratch (prepared_x_bytes, 64-byte
// aligned). With Activations::Int8 the rows are dotted with x rounded to 8 bits
// (round_to_int8) for the quantized types where the CPU has AVX2; elsewhere x is
// read as with Exact.
PreparedX prepare_x(DType type, const float* x, int64_t n, void* scratch,
                    Activations activations = Activations::Exact);

// xsum: (n / 32) f32 = sums of x[32 i .. 32 i + 32).
void block_sums(const float* x, int64_t n, float* xsum);

// The integer form of x used by the VNNI kernels with Activations::Exact. Each run of 32 values with largest
// magnitude m is written as x = s * (a0 + a1 / 256 + a2 / 256^2) with s = m / 127, a0 a
// signed byte (floor of x / s) and a1, a2 unsigned bytes: 96 bytes per run (the a0, a1 and a2
// of the 32 values), and scales[i] = s / 256^2. x / s is formed in double precision, so each
// value is kept within s * 2^-16 < m * 2^-22 (float32 itself keeps a value within its own
// magnitude * 2^-24); a dot product then stays within about 2^-22 of the sum of |products|,
// close to float32's own rounding, while the products themselves are exact 8-bit
// multiply-adds.
void split_pieces(const float* x, int64_t n, int8_t* pieces, float* scales);

// x rounded to 8 bits per run of 32 values with largest magnitude m: scales[i] = s = m / 127
// and q[k] = x[k] * (127 / m) rounded to nearest (even), that quotient formed in float32
// (double where 127 / m overflows float). Each value is then within s / 2 of x (plus
// float32 rounding); a zero run gives zeros and scale 0, a run with inf or nan zeros and a
// nan scale. This is what the int8 activations of llama.cpp's Q8_0 dot products do.
void round_to_int8(const float* x, int64_t n, int8_t* q, float* scales);

// y[i] = dot(row i, x) for `count` rows of n elements of `type`, the first at w and the others
// `stride` bytes apart.
void dot_rows(DType type, const uint8_t* w, size_t stride, int64_t count, const PreparedX& x,
              int64_t n, float* y);

}  // namespace lectern::cpu
