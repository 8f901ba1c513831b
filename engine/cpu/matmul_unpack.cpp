// unpack_row: vector paths for the types that prefill meets most (Q8_0, Q4_0, Q4_K, Q6_K,
// BF16, F16); the others go through quant::dequantize_row.
#include "cpu/matmul_unpack.h"

#include <cstring>

#include "cpu/matmul_simd.h"
#include "quant/blocks.h"
#include "quant/dequant.h"
#include "quant/half.h"

namespace lectern::cpu {
namespace {

using namespace simd;
using quant::f16_to_f32;

void unpack_q8_0(const quant::BlockQ8_0* b, float* y, int64_t n) {
    for (int64_t i = 0; i < n / quant::kQK; ++i, y += 32) {
        const float d = f16_to_f32(b[i].d);
        store(y, to_f32(load<i8x16>(b[i].qs)) * d);
        store(y + 16, to_f32(load<i8x16>(b[i].qs + 16)) * d);
    }
}

void unpack_q4_0(const quant::BlockQ4_0* b, float* y, int64_t n) {
    const i8x16 eight = i8x16{} + 8;
    for (int64_t i = 0; i < n / quant::kQK; ++i, y += 32) {
        const float d = f16_to_f32(b[i].d);
        const u8x16 q = load<u8x16>(b[i].qs);
        store(y, to_f32(bitcast<i8x16>(u8x16(q & 0x0F)) - eight) * d);
        store(y + 16, to_f32(bitcast<i8x16>(high_nibbles(q)) - eight) * d);
    }
}

void unpack_q4_k(const quant::BlockQ4_K* b, float* y, int64_t n) {
    for (int64_t i = 0; i < n / quant::kQKK; ++i) {
        const float d = f16_to_f32(b[i].d), dmin = f16_to_f32(b[i].dmin);
        const uint8_t* q = b[i].qs;
        for (int j = 0; j < 8; j += 2, q += 32, y += 64) {
            uint8_t sc0, m0, sc1, m1;
            quant::k_scale_min(j, b[i].scales, &sc0, &m0);
            quant::k_scale_min(j + 1, b[i].scales, &sc1, &m1);
            const float d0 = d * sc0, d1 = d * sc1, n0 = dmin * m0, n1 = dmin * m1;
            const u8x16 qa = load<u8x16>(q), qb = load<u8x16>(q + 16);
            store(y, to_f32(u8x16(qa & 0xF)) * d0 - n0);
            store(y + 16, to_f32(u8x16(qb & 0xF)) * d0 - n0);
            store(y + 32, to_f32(u8x16(qa >> 4)) * d1 - n1);
            store(y + 48, to_f32(u8x16(qb >> 4)) * d1 - n1);
        }
    }
}

void unpack_q6_k(const quant::BlockQ6_K* b, float* y, int64_t n) {
    const i8x16 bias = i8x16{} + 32;
    for (int64_t i = 0; i < n / quant::kQKK; ++i) {
        const float d = f16_to_f32(b[i].d);
        const uint8_t* ql = b[i].ql;
        const uint8_t* qh = b[i].qh;
        const int8_t* sc = b[i].scales;
        for (int half = 0; half < 2; ++half, ql += 64, qh += 32, sc += 8, y += 128) {
            for (int l = 0; l < 32; l += 16) {
                const int is = l / 16;
                const u8x16 a = load<u8x16>(ql + l), c = load<u8x16>(ql + l + 32);
                const u8x16 h = load<u8x16>(qh + l);
                u8x16 u[4];
                q6_values(a, c, h, u);
                store(y + l, to_f32(bitcast<i8x16>(u[0]) - bias) * (d * sc[is]));
                store(y + l + 32, to_f32(bitcast<i8x16>(u[1]) - bias) * (d * sc[is + 2]));
                store(y + l + 64, to_f32(bitcast<i8x16>(u[2]) - bias) * (d * sc[is + 4]));
                store(y + l + 96, to_f32(bitcast<i8x16>(u[3]) - bias) * (d * sc[is + 6]));
            }
        }
    }
}

void unpack_16bit(DType type, const uint16_t* x, float* y, int64_t n) {
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) store(y + i, type == DType::BF16 ? load_bf16(x + i) : load_f16(x + i));
    if (i < n) quant::dequantize_row(type, x + i, y + i, n - i);
}

}  // namespace

void unpack_row(DType type, const void* src, float* out, int64_t n) {
    switch (type) {
    case DType::Q8_0: unpack_q8_0(static_cast<const quant::BlockQ8_0*>(src), out, n); return;
    case DType::Q4_0: unpack_q4_0(static_cast<const quant::BlockQ4_0*>(src), out, n); return;
    case DType::Q4_K: unpack_q4_k(static_cast<const quant::BlockQ4_K*>(src), out, n); return;
    case DType::Q6_K: unpack_q6_k(static_cast<const quant::BlockQ6_K*>(src), out, n); return;
    case DType::F16:
    case DType::BF16: unpack_16bit(type, static_cast<const uint16_t*>(src), out, n); return;
    default: quant::dequantize_row(type, src, out, n); return;
    }
}

}  // namespace lectern::cpu
