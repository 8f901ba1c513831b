// dot_row kernels, one per weight type. For the K-quants the scale of a sub-block is applied
// to the sub-block's partial sums (d * sc * sum(q x) - dmin * m * sum(x), with sum(x) per
// 32 values computed once per vector), which equals the dequantize-then-dot sum up to
// float32 rounding.
#include "cpu/matmul_dot.h"

#include <cstring>

#include "cpu/matmul_simd.h"
#include "quant/blocks.h"
#include "quant/half.h"

namespace lectern::cpu {
namespace {

using namespace simd;
using quant::f16_to_f32;

// Rows stored as plain f32/f16/bf16 values, widened to f32 by `load_w`, 32 per step.
template <class T, f32x16 (*load_w)(const T*)>
float dot_plain(const T* w, const float* x, int64_t n) {
    f32x16 a0{}, a1{};
    for (int64_t i = 0; i < n; i += 32) {
        a0 += load_w(w + i) * load_f32(x + i);
        a1 += load_w(w + i + 16) * load_f32(x + i + 16);
    }
    return hsum(a0 + a1);
}

// Scalar tail for F32/F16/BF16 rows whose length is not a multiple of 32.
float dot_tail(DType type, const void* w, const float* x, int64_t begin, int64_t n) {
    float s = 0.0f;
    for (int64_t i = begin; i < n; ++i) {
        const float v = type == DType::F32 ? static_cast<const float*>(w)[i]
                        : type == DType::F16 ? f16_to_f32(static_cast<const uint16_t*>(w)[i])
                                             : quant::bf16_to_f32(static_cast<const uint16_t*>(w)[i]);
        s += v * x[i];
    }
    return s;
}

float dot_q8_0(const quant::BlockQ8_0* w, const float* x, int64_t n) {
    f32x16 a0{}, a1{};
    const int64_t nb = n / quant::kQK;
    int64_t b = 0;
    for (; b + 1 < nb; b += 2, x += 64) {
        const f32x16 s0 = to_f32(load<i8x16>(w[b].qs)) * load_f32(x) +
                          to_f32(load<i8x16>(w[b].qs + 16)) * load_f32(x + 16);
        const f32x16 s1 = to_f32(load<i8x16>(w[b + 1].qs)) * load_f32(x + 32) +
                          to_f32(load<i8x16>(w[b + 1].qs + 16)) * load_f32(x + 48);
        a0 += s0 * f16_to_f32(w[b].d);
        a1 += s1 * f16_to_f32(w[b + 1].d);
    }
    if (b < nb) {
        const f32x16 s0 = to_f32(load<i8x16>(w[b].qs)) * load_f32(x) +
                          to_f32(load<i8x16>(w[b].qs + 16)) * load_f32(x + 16);
        a0 += s0 * f16_to_f32(w[b].d);
    }
    return hsum(a0 + a1);
}

float dot_q4_0(const quant::BlockQ4_0* w, const float* x, int64_t n) {
    f32x16 acc{};
    const i8x16 eight = i8x16{} + 8;
    for (int64_t b = 0; b < n / quant::kQK; ++b, x += 32) {
        const u8x16 q = load<u8x16>(w[b].qs);
        const i8x16 lo = bitcast<i8x16>(u8x16(q & 0xF)) - eight;
        const i8x16 hi = bitcast<i8x16>(u8x16(q >> 4)) - eight;
        acc += (to_f32(lo) * load_f32(x) + to_f32(hi) * load_f32(x + 16)) * f16_to_f32(w[b].d);
    }
    return hsum(acc);
}

// The 8 scales (d * sc) and mins (dmin * m) of a Q4_K / Q5_K block as floats: the 6-bit
// fields of k_scale_min() unpacked four at a time with 32-bit masks.
void k_scales(const uint8_t* packed, float d, float dmin, f32x8* sc, f32x8* m) {
    uint32_t u[4];
    std::memcpy(u, packed, 12);
    constexpr uint32_t k6 = 0x3f3f3f3f, k4 = 0x0f0f0f0f, k2 = 0x03030303;
    u[3] = ((u[2] >> 4) & k4) | (((u[1] >> 6) & k2) << 4);  // mins 4..7
    const uint32_t mins_lo = u[1] & k6;                      // mins 0..3
    u[1] = (u[2] & k4) | (((u[0] >> 6) & k2) << 4);          // scales 4..7
    u[2] = mins_lo;
    u[0] &= k6;                                               // scales 0..3
    const auto* bytes = reinterpret_cast<const uint8_t*>(u);
    *sc = to_f32x8(bytes) * d;
    *m = to_f32x8(bytes + 8) * dmin;
}

float dot_q4_k(const quant::BlockQ4_K* w, const float* x, const float* xsum, int64_t n) {
    f32x16 acc0{}, acc1{};
    f32x8 mins{};
    for (int64_t b = 0; b < n / quant::kQKK; ++b, xsum += 8) {
        f32x8 sc, m;
        k_scales(w[b].scales, f16_to_f32(w[b].d), f16_to_f32(w[b].dmin), &sc, &m);
        mins += m * load<f32x8>(xsum);
        const uint8_t* q = w[b].qs;
        for (int j = 0; j < 8; j += 2, q += 32, x += 64) {
#if defined(__AVX512F__)
            // Widen the bytes first and split the nibbles in 32-bit lanes (x86 has no byte
            // shift): ~10% faster than splitting in bytes on Zen 4.
            const __m512i ia = widen_u8(q), ib = widen_u8(q + 16);
            const __m512i low = _mm512_set1_epi32(0xF);
            const f32x16 s_lo = i32_to_f32(_mm512_and_si512(ia, low)) * load_f32(x) +
                                i32_to_f32(_mm512_and_si512(ib, low)) * load_f32(x + 16);
            const f32x16 s_hi = i32_to_f32(_mm512_maskz_srli_epi32(kAll, ia, 4)) * load_f32(x + 32) +
                                i32_to_f32(_mm512_maskz_srli_epi32(kAll, ib, 4)) * load_f32(x + 48);
#else
            const u8x16 qa = load<u8x16>(q), qb = load<u8x16>(q + 16);
            const f32x16 s_lo = to_f32(u8x16(qa & 0xF)) * load_f32(x) +
                                to_f32(u8x16(qb & 0xF)) * load_f32(x + 16);
            const f32x16 s_hi = to_f32(u8x16(qa >> 4)) * load_f32(x + 32) +
                                to_f32(u8x16(qb >> 4)) * load_f32(x + 48);
#endif
            acc0 += s_lo * sc[j];
            acc1 += s_hi * sc[j + 1];
        }
    }
    return hsum(acc0 + acc1) - hsum(mins);
}

float dot_q5_k(const quant::BlockQ5_K* w, const float* x, const float* xsum, int64_t n) {
    f32x16 acc0{}, acc1{};
    f32x8 mins{};
    for (int64_t b = 0; b < n / quant::kQKK; ++b, xsum += 8) {
        f32x8 sc, m;
        k_scales(w[b].scales, f16_to_f32(w[b].d), f16_to_f32(w[b].dmin), &sc, &m);
        mins += m * load<f32x8>(xsum);
        const uint8_t* q = w[b].qs;
        const u8x16 ha = load<u8x16>(w[b].qh), hb = load<u8x16>(w[b].qh + 16);
        for (int j = 0; j < 8; j += 2, q += 32, x += 64) {
            const u8x16 qa = load<u8x16>(q), qb = load<u8x16>(q + 16);
            const u8x16 la = (qa & 0xF) | (((ha >> j) & 1) << 4);
            const u8x16 lb = (qb & 0xF) | (((hb >> j) & 1) << 4);
            const u8x16 ua = (qa >> 4) | (((ha >> (j + 1)) & 1) << 4);
            const u8x16 ub = (qb >> 4) | (((hb >> (j + 1)) & 1) << 4);
            const f32x16 s_lo = to_f32(la) * load_f32(x) + to_f32(lb) * load_f32(x + 16);
            const f32x16 s_hi = to_f32(ua) * load_f32(x + 32) + to_f32(ub) * load_f32(x + 48);
            acc0 += s_lo * sc[j];
            acc1 += s_hi * sc[j + 1];
        }
    }
    return hsum(acc0 + acc1) - hsum(mins);
}

float dot_q6_k(const quant::BlockQ6_K* w, const float* x, int64_t n) {
    f32x16 acc{};
    const i8x16 bias = i8x16{} + 32;
    for (int64_t b = 0; b < n / quant::kQKK; ++b) {
        const float d = f16_to_f32(w[b].d);
        const uint8_t* ql = w[b].ql;
        const uint8_t* qh = w[b].qh;
        const int8_t* sc = w[b].scales;
        for (int half = 0; half < 2; ++half, ql += 64, qh += 32, sc += 8, x += 128) {
            for (int l = 0; l < 32; l += 16) {
                const int is = l / 16;
                const u8x16 a = load<u8x16>(ql + l), c = load<u8x16>(ql + l + 32);
                const u8x16 h = load<u8x16>(qh + l);
                const u8x16 u1 = (a & 0xF) | ((h & 3) << 4);
                const u8x16 u2 = (c & 0xF) | (((h >> 2) & 3) << 4);
                const u8x16 u3 = (a >> 4) | (((h >> 4) & 3) << 4);
                const u8x16 u4 = (c >> 4) | (((h >> 6) & 3) << 4);
                const f32x16 q1 = to_f32(bitcast<i8x16>(u1) - bias);
                const f32x16 q2 = to_f32(bitcast<i8x16>(u2) - bias);
                const f32x16 q3 = to_f32(bitcast<i8x16>(u3) - bias);
                const f32x16 q4 = to_f32(bitcast<i8x16>(u4) - bias);
                acc += (q1 * load_f32(x + l)) * (d * sc[is]) +
                       (q2 * load_f32(x + l + 32)) * (d * sc[is + 2]);
                acc += (q3 * load_f32(x + l + 64)) * (d * sc[is + 4]) +
                       (q4 * load_f32(x + l + 96)) * (d * sc[is + 6]);
            }
        }
    }
    return hsum(acc);
}

}  // namespace

void block_sums(const float* x, int64_t n, float* xsum) {
    for (int64_t i = 0; i < n / 32; ++i, x += 32) {
        const f32x16 s = load_f32(x) + load_f32(x + 16);
        xsum[i] = hsum(s);
    }
}

bool needs_block_sums(DType type) { return type == DType::Q4_K || type == DType::Q5_K; }

float dot_row(DType type, const void* row, const float* x, const float* xsum, int64_t n) {
    switch (type) {
    case DType::F32:
    case DType::F16:
    case DType::BF16: {
        const int64_t body = n - n % 32;
        const float tail = dot_tail(type, row, x, body, n);
        const auto* w16 = static_cast<const uint16_t*>(row);
        float s = type == DType::F32   ? dot_plain<float, load_f32>(static_cast<const float*>(row), x, body)
                  : type == DType::F16 ? dot_plain<uint16_t, load_f16>(w16, x, body)
                                       : dot_plain<uint16_t, load_bf16>(w16, x, body);
        return s + tail;
    }
    case DType::Q8_0: return dot_q8_0(static_cast<const quant::BlockQ8_0*>(row), x, n);
    case DType::Q4_0: return dot_q4_0(static_cast<const quant::BlockQ4_0*>(row), x, n);
    case DType::Q4_K: return dot_q4_k(static_cast<const quant::BlockQ4_K*>(row), x, xsum, n);
    case DType::Q5_K: return dot_q5_k(static_cast<const quant::BlockQ5_K*>(row), x, xsum, n);
    case DType::Q6_K: return dot_q6_k(static_cast<const quant::BlockQ6_K*>(row), x, n);
    }
    return 0.0f;
}

}  // namespace lectern::cpu
