// Decode kernels, one per weight type. For the K-quants the scale of a sub-block is applied
// to the sub-block's partial sums (d * sc * sum(q x) - dmin * m * sum(x), with sum(x) per
// 32 values computed once per vector), which equals the dequantize-then-dot sum up to
// float32 rounding.
//
// Long rows (x larger than half the L1 cache) are computed several rows at a time, so each
// load of x serves every row of the group instead of being fetched again from L2 per row.
// Where the CPU has AVX-512 VNNI, Q4_0, Q4_K, Q5_K and Q6_K rows are dotted with x's 8-bit
// pieces (split_pieces) by integer multiply-adds, which decode and multiply 32 weights in a
// few instructions (see docs/cpu-performance.md). With Activations::Int8 the same kernels read
// x rounded to one byte per value (round_to_int8), and Q8_0 rows get an integer kernel too;
// those also run on AVX2 alone, through its pairwise byte multiply-add.
#include "cpu/matmul_dot.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

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

// R rows at once; row r is computed exactly as when alone.
template <int R>
void q8_0_rows(const uint8_t* w, size_t stride, const float* x, int64_t n, float* y) {
    f32x16 a0[R], a1[R];
    for (int r = 0; r < R; ++r) a0[r] = a1[r] = f32x16{};
    const int64_t nb = n / quant::kQK;
    int64_t b = 0;
    for (; b + 1 < nb; b += 2, x += 64) {
        const f32x16 x0 = load_f32(x), x1 = load_f32(x + 16), x2 = load_f32(x + 32), x3 = load_f32(x + 48);
#pragma GCC unroll 8
        for (int r = 0; r < R; ++r) {
            const auto* wb = reinterpret_cast<const quant::BlockQ8_0*>(w + stride * r) + b;
            const f32x16 s0 = to_f32(load<i8x16>(wb[0].qs)) * x0 + to_f32(load<i8x16>(wb[0].qs + 16)) * x1;
            const f32x16 s1 = to_f32(load<i8x16>(wb[1].qs)) * x2 + to_f32(load<i8x16>(wb[1].qs + 16)) * x3;
            a0[r] += s0 * f16_to_f32(wb[0].d);
            a1[r] += s1 * f16_to_f32(wb[1].d);
        }
    }
    if (b < nb) {
        const f32x16 x0 = load_f32(x), x1 = load_f32(x + 16);
        for (int r = 0; r < R; ++r) {
            const auto* wb = reinterpret_cast<const quant::BlockQ8_0*>(w + stride * r) + b;
            const f32x16 s0 = to_f32(load<i8x16>(wb[0].qs)) * x0 + to_f32(load<i8x16>(wb[0].qs + 16)) * x1;
            a0[r] += s0 * f16_to_f32(wb[0].d);
        }
    }
    for (int r = 0; r < R; ++r) y[r] = hsum(a0[r] + a1[r]);
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
// fields of k_scale_min(), gathered with 32-bit masks and shifts in general registers (on
// x86 those run beside the vector work; byte shuffles in vector registers cost a quarter
// of the int8 Q4_K kernel's time), then widened in one step each.
[[gnu::always_inline]] inline void k_scales(const uint8_t* packed, float d, float dmin, f32x8* sc, f32x8* m) {
    // Bytes 0..3: scales 0..3 (low 6 bits) and the top 2 bits of scales 4..7; bytes 4..7 the
    // same for the mins; bytes 8..11: low 4 bits of scales 4..7 (low nibble), mins 4..7 (high).
    uint32_t u0, u1, u2;
    std::memcpy(&u0, packed, 4);
    std::memcpy(&u1, packed + 4, 4);
    std::memcpy(&u2, packed + 8, 4);
    constexpr uint32_t k6 = 0x3f3f3f3f, k4 = 0x0f0f0f0f, top2 = 0x30303030;  // top2: bits 6-7 moved to 4-5
    const uint64_t scales = (u0 & k6) | uint64_t{(u2 & k4) | ((u0 >> 2) & top2)} << 32;
    const uint64_t mins = (u1 & k6) | uint64_t{((u2 >> 4) & k4) | ((u1 >> 2) & top2)} << 32;
#if defined(__AVX2__)
    const auto widen = [](uint64_t bytes) {
        return bitcast<f32x8>(_mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_cvtsi64_si128(static_cast<long long>(bytes)))));
    };
    *sc = widen(scales) * d;
    *m = widen(mins) * dmin;
#else
    uint8_t bytes[16];
    std::memcpy(bytes, &scales, 8);
    std::memcpy(bytes + 8, &mins, 8);
    *sc = to_f32x8(bytes) * d;
    *m = to_f32x8(bytes + 8) * dmin;
#endif
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

// The integer kernels on bytes of x: with AVX-512 VNNI for both activations (exact x as three
// pieces, int8 x as one), with AVX2 alone for int8 x only (there the exact pieces would cost
// more than the float32 kernels they replace).
#if defined(__AVX512VNNI__) && defined(__AVX512VL__)
#define LECTERN_DOT_VNNI 1
#define LECTERN_DOT_BYTES 1

// acc + the sums of each 4 products of unsigned bytes u and signed bytes s.
inline __m256i dpbusd(__m256i acc, __m256i u, __m256i s) { return _mm256_dpbusd_epi32(acc, u, s); }
#elif defined(__AVX2__)
#define LECTERN_DOT_BYTES 1

// The same from AVX2's pairwise multiply-add, which saturates each sum of 2 products to 16
// bits: every caller keeps 2 u s within 2 * 255 * 32, 2 * 63 * 128 or 2 * 128 * 127, all
// below 2^15.
inline __m256i dpbusd(__m256i acc, __m256i u, __m256i s) {
    return _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1)));
}
#endif

#if defined(LECTERN_DOT_BYTES)
// init + sum over each group of 4 bytes of q * (a0 * 256^2 + a1 * 256 + a2), for the P = 3
// pieces of one run of 32 values of x at p (a0 signed, a1 and a2 unsigned), or of q * a0 for
// x rounded to 8 bits (P = 1). The weights come twice: u, unsigned, multiplies a0 and q,
// signed, multiplies a1 and a2. Where the stored values u stand for q = u - offset, init is
// -offset * sum(a0) per lane (PreparedX::piece_offsets); where q = u (Q4_K, Q5_K) it is 0.
// With |q| <= 32 and u <= 63 every partial sum stays below 63 * 4 * 128 * 256^2 + ... < 2^31.
template <int P>
inline __m256i piece_dot(__m256i init, __m256i u, [[maybe_unused]] __m256i q, const int8_t* p) {
    static_assert(P == 1 || P == 3);
    __m256i a = dpbusd(init, u, load256(p));
    if constexpr (P == 3) {
        a = dpbusd(_mm256_slli_epi32(a, 8), load256(p + 32), q);
        a = dpbusd(_mm256_slli_epi32(a, 8), load256(p + 64), q);
    }
    return a;
}

// Q4_K or Q5_K (Block) on x's P pieces, R rows at once; row r is computed exactly as when
// alone. Q5_K adds each value's fifth bit from qh: bit j of qh[l] for sub-block j.
template <class Block, int R, int P>
void k_rows_vnni(const uint8_t* w, size_t stride, const PreparedX& px, int64_t n, float* y) {
    constexpr bool kFifthBit = std::is_same_v<Block, quant::BlockQ5_K>;
    __m256 acc0[R], acc1[R];
    f32x8 mins[R], scale[R];
    for (int r = 0; r < R; ++r) {
        acc0[r] = acc1[r] = _mm256_setzero_ps();
        mins[r] = f32x8{};
    }
    for (int64_t b = 0; b < n / quant::kQKK; ++b) {
        const f32x8 xs = load<f32x8>(px.piece_scales + 8 * b);
        const f32x8 sums = load<f32x8>(px.sums + 8 * b);
        for (int r = 0; r < R; ++r) {
            const Block& blk = reinterpret_cast<const Block*>(w + stride * r)[b];
            f32x8 sc, m;
            k_scales(blk.scales, f16_to_f32(blk.d), f16_to_f32(blk.dmin), &sc, &m);
            mins[r] += m * sums;
            scale[r] = sc * xs;
        }
        constexpr int kRun = 32 * P;  // bytes of pieces per run of 32 values
        const int8_t* p = px.pieces + b * 8 * kRun;
#pragma GCC unroll 4
        for (int j = 0; j < 8; j += 2, p += 2 * kRun) {
#pragma GCC unroll 8
            for (int r = 0; r < R; ++r) {
                const Block& blk = reinterpret_cast<const Block*>(w + stride * r)[b];
                const uint8_t* qh = nullptr;
                if constexpr (kFifthBit) qh = blk.qh;
                __m256i lo, hi;
                k_pair_values(blk.qs, qh, j, &lo, &hi);
                const __m256i zero = _mm256_setzero_si256();
                acc0[r] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(piece_dot<P>(zero, lo, lo, p)),
                                          _mm256_set1_ps(scale[r][j]), acc0[r]);
                acc1[r] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(piece_dot<P>(zero, hi, hi, p + kRun)),
                                          _mm256_set1_ps(scale[r][j + 1]), acc1[r]);
            }
        }
    }
    for (int r = 0; r < R; ++r)
        y[r] = hsum(bitcast<f32x8>(_mm256_add_ps(acc0[r], acc1[r]))) - hsum(mins[r]);
}

// Q6_K on x's P pieces, R rows at once; row r is computed exactly as when alone. The 6-bit
// values u in [0, 63] stand for q = u - 32 (see piece_dot).
template <int R, int P>
void q6_k_rows_vnni(const uint8_t* w, size_t stride, const PreparedX& px, int64_t n, float* y) {
    __m256 acc[R];
    for (int r = 0; r < R; ++r) acc[r] = _mm256_setzero_ps();
    const __m256i bias = _mm256_set1_epi8(32);
    for (int64_t b = 0; b < n / quant::kQKK; ++b) {
        __m256 sc[R][2];  // d * scales[s]: s = 0..7, 8..15
        for (int r = 0; r < R; ++r) {
            const auto& blk = reinterpret_cast<const quant::BlockQ6_K*>(w + stride * r)[b];
            // A block's scales come after its quants and are read first; on long rows the
            // hardware prefetcher then falls behind, so the next block is asked for here
            // (one core, 8192-value rows: 4.9 -> 9.1 GB/s; 2048-value rows: +5%).
            for (int l = 0; l < 256; l += 64)
                __builtin_prefetch(reinterpret_cast<const char*>(&blk) + sizeof(quant::BlockQ6_K) + l, 0, 3);
            const __m256 d = _mm256_set1_ps(f16_to_f32(blk.d));
            for (int k = 0; k < 2; ++k) {
                const __m128i s8 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(blk.scales + 8 * k));
                sc[r][k] = _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(s8)), d);
            }
        }
        for (int half = 0; half < 2; ++half) {
            const int64_t run0 = 8 * b + 4 * half;  // first run of 32 values of this half
            constexpr int kRun = 32 * P;
            const int8_t* p = px.pieces + run0 * kRun;
            const int32_t* off = px.piece_offsets + run0 * 8;
#pragma GCC unroll 8
            for (int r = 0; r < R; ++r) {
                const auto& blk = reinterpret_cast<const quant::BlockQ6_K*>(w + stride * r)[b];
                u8x32 u[4];
                q6_values(load<u8x32>(blk.ql + 64 * half), load<u8x32>(blk.ql + 64 * half + 32),
                          load<u8x32>(blk.qh + 32 * half), u);
                for (int g = 0; g < 4; ++g) {
                    const __m256i ug = bitcast<__m256i>(u[g]);
                    const __m256i i = piece_dot<P>(load256(off + 8 * g), ug, _mm256_sub_epi8(ug, bias), p + kRun * g);
                    // Lanes 0-3 hold the run's first sub-block of 16, lanes 4-7 its second
                    // (sub-blocks 8 half + 2g, 8 half + 2g + 1: entries 2g, 2g + 1 of sc[r][half])
                    const __m256i pick = _mm256_setr_epi32(2 * g, 2 * g, 2 * g, 2 * g, 2 * g + 1, 2 * g + 1,
                                                           2 * g + 1, 2 * g + 1);
                    const __m256 scale = _mm256_mul_ps(_mm256_permutevar8x32_ps(sc[r][half], pick),
                                                       _mm256_set1_ps(px.piece_scales[run0 + g]));
                    acc[r] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(i), scale, acc[r]);
                }
            }
        }
    }
    for (int r = 0; r < R; ++r) y[r] = hsum(bitcast<f32x8>(acc[r]));
}

// Q4_0 on x's P pieces, R rows at once; row r is computed exactly as when alone. The 4-bit
// values u stand for q = u - 8 (see piece_dot).
template <int R, int P>
void q4_0_rows_vnni(const uint8_t* w, size_t stride, const PreparedX& px, int64_t n, float* y) {
    __m256 acc[R];
    for (int r = 0; r < R; ++r) acc[r] = _mm256_setzero_ps();
    const __m128i low = _mm_set1_epi8(0x0F);
    const __m256i bias = _mm256_set1_epi8(8);
    for (int64_t b = 0; b < n / quant::kQK; ++b) {
        const int8_t* p = px.pieces + 32 * P * b;
        const __m256i off = load256(px.piece_offsets + 8 * b);
        const float xs = px.piece_scales[b];
#pragma GCC unroll 8
        for (int r = 0; r < R; ++r) {
            const auto& blk = reinterpret_cast<const quant::BlockQ4_0*>(w + stride * r)[b];
            // Values 0-15 in the low nibbles, 16-31 in the high ones.
            const __m128i q = _mm_loadu_si128(reinterpret_cast<const __m128i*>(blk.qs));
            const __m256i u = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_and_si128(q, low)),
                                                      _mm_and_si128(_mm_srli_epi16(q, 4), low), 1);
            const __m256i i = piece_dot<P>(off, u, _mm256_sub_epi8(u, bias), p);
            acc[r] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(i), _mm256_set1_ps(f16_to_f32(blk.d) * xs), acc[r]);
        }
    }
    for (int r = 0; r < R; ++r) y[r] = hsum(bitcast<f32x8>(acc[r]));
}

// Q8_0 on x rounded to 8 bits, R rows at once; row r is computed exactly as when alone.
// The multiply-add takes one unsigned operand: |q| times a0 with q's sign, which is q * a0
// (a0 >= -127, so its negation fits a byte).
template <int R>
void q8_0_rows_int8(const uint8_t* w, size_t stride, const PreparedX& px, int64_t n, float* y) {
    __m256 acc[R];
    for (int r = 0; r < R; ++r) acc[r] = _mm256_setzero_ps();
    for (int64_t b = 0; b < n / quant::kQK; ++b) {
        const __m256i a0 = load256(px.pieces + 32 * b);
        const float xs = px.piece_scales[b];
#pragma GCC unroll 8
        for (int r = 0; r < R; ++r) {
            const auto& blk = reinterpret_cast<const quant::BlockQ8_0*>(w + stride * r)[b];
            const __m256i q = load256(blk.qs);
            const __m256i i = dpbusd(_mm256_setzero_si256(), _mm256_abs_epi8(q), _mm256_sign_epi8(a0, q));
            acc[r] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(i), _mm256_set1_ps(f16_to_f32(blk.d) * xs), acc[r]);
        }
    }
    for (int r = 0; r < R; ++r) y[r] = hsum(bitcast<f32x8>(acc[r]));
}
#endif

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
                u8x16 u[4];
                q6_values(a, c, h, u);
                const f32x16 q1 = to_f32(bitcast<i8x16>(u[0]) - bias);
                const f32x16 q2 = to_f32(bitcast<i8x16>(u[1]) - bias);
                const f32x16 q3 = to_f32(bitcast<i8x16>(u[2]) - bias);
                const f32x16 q4 = to_f32(bitcast<i8x16>(u[3]) - bias);
                acc += (q1 * load_f32(x + l)) * (d * sc[is]) +
                       (q2 * load_f32(x + l + 32)) * (d * sc[is + 2]);
                acc += (q3 * load_f32(x + l + 64)) * (d * sc[is + 4]) +
                       (q4 * load_f32(x + l + 96)) * (d * sc[is + 6]);
            }
        }
    }
    return hsum(acc);
}

// Rows longer than this many values are computed kLongRowGroup at a time: their x (4 bytes
// a value, or 3 bytes of pieces) no longer fits beside the weights in a 32 KiB L1 cache.
constexpr int64_t kLongRow = 4096;
constexpr int64_t kLongRowGroup = 8;

}  // namespace

int x_pieces(DType type, Activations activations) {
#if defined(LECTERN_DOT_BYTES)
    const bool k_or_4_0 = type == DType::Q4_0 || type == DType::Q4_K || type == DType::Q5_K || type == DType::Q6_K;
    if (activations == Activations::Int8) return k_or_4_0 || type == DType::Q8_0 ? 1 : 0;
#if defined(LECTERN_DOT_VNNI)
    return k_or_4_0 ? 3 : 0;
#else
    return 0;
#endif
#else
    (void)type;
    (void)activations;
    return 0;
#endif
}

namespace {
bool needs_block_sums(DType type) { return type == DType::Q4_K || type == DType::Q5_K; }

// The offset of the types whose kernels need -offset * sum(a0) per lane (PreparedX), or 0.
int32_t piece_offset(DType type, Activations activations) {
    if (x_pieces(type, activations) == 0) return 0;
    return type == DType::Q6_K ? 32 : type == DType::Q4_0 ? 8 : 0;
}

// A several-row kernel's result for one row.
template <auto Kernel, class X>
float one_row(const uint8_t* row, const X& x, int64_t n) {
    float y;
    Kernel(row, 0, x, n, &y);
    return y;
}

#if defined(LECTERN_DOT_BYTES)
// R rows of a type whose kernel reads x's P pieces; false for the other types.
template <int R, int P>
bool piece_rows(DType type, const uint8_t* w, size_t stride, const PreparedX& px, int64_t n, float* y) {
    switch (type) {
    case DType::Q4_0: q4_0_rows_vnni<R, P>(w, stride, px, n, y); return true;
    case DType::Q4_K: k_rows_vnni<quant::BlockQ4_K, R, P>(w, stride, px, n, y); return true;
    case DType::Q5_K: k_rows_vnni<quant::BlockQ5_K, R, P>(w, stride, px, n, y); return true;
    case DType::Q6_K: q6_k_rows_vnni<R, P>(w, stride, px, n, y); return true;
    case DType::Q8_0:
        if constexpr (P == 1) {
            q8_0_rows_int8<R>(w, stride, px, n, y);
            return true;
        }
        return false;
    default: return false;
    }
}

// R rows on x's pieces where px has them; false otherwise.
template <int R>
bool rows_on_pieces(DType type, const uint8_t* w, size_t stride, const PreparedX& px, int64_t n, float* y) {
    if (px.n_pieces == 3) return piece_rows<R, 3>(type, w, stride, px, n, y);
    if (px.n_pieces == 1) return piece_rows<R, 1>(type, w, stride, px, n, y);
    return false;
}
#endif

// One row of any type alone.
float dot_one(DType type, const uint8_t* row, const PreparedX& px, int64_t n) {
#if defined(LECTERN_DOT_BYTES)
    float y;
    if (rows_on_pieces<1>(type, row, 0, px, n, &y)) return y;
#endif
    const float* x = px.x;
    switch (type) {
    case DType::F32:
    case DType::F16:
    case DType::BF16: {
        const int64_t body = n - n % 32;
        const float tail = dot_tail(type, row, x, body, n);
        const auto* w16 = reinterpret_cast<const uint16_t*>(row);
        float s = type == DType::F32   ? dot_plain<float, load_f32>(reinterpret_cast<const float*>(row), x, body)
                  : type == DType::F16 ? dot_plain<uint16_t, load_f16>(w16, x, body)
                                       : dot_plain<uint16_t, load_bf16>(w16, x, body);
        return s + tail;
    }
    case DType::Q8_0: return one_row<q8_0_rows<1>>(row, x, n);
    case DType::Q4_0: return dot_q4_0(reinterpret_cast<const quant::BlockQ4_0*>(row), x, n);
    case DType::Q4_K: return dot_q4_k(reinterpret_cast<const quant::BlockQ4_K*>(row), x, px.sums, n);
    case DType::Q5_K: return dot_q5_k(reinterpret_cast<const quant::BlockQ5_K*>(row), x, px.sums, n);
    case DType::Q6_K: return dot_q6_k(reinterpret_cast<const quant::BlockQ6_K*>(row), x, n);
    }
    return 0.0f;
}

// kLongRowGroup rows at once, for the types that have a grouped kernel; false otherwise.
bool dot_group(DType type, const uint8_t* w, size_t stride, const PreparedX& px, int64_t n, float* y) {
    static_assert(kLongRowGroup == 8);
#if defined(LECTERN_DOT_BYTES)
    if (rows_on_pieces<8>(type, w, stride, px, n, y)) return true;
#endif
    if (type != DType::Q8_0) return false;
    q8_0_rows<8>(w, stride, px.x, n, y);
    return true;
}

size_t align64(size_t bytes) { return (bytes + 63) / 64 * 64; }

}  // namespace

void block_sums(const float* x, int64_t n, float* xsum) {
    for (int64_t i = 0; i < n / 32; ++i, x += 32) {
        const f32x16 s = load_f32(x) + load_f32(x + 16);
        xsum[i] = hsum(s);
    }
}

namespace {
struct Magnitude {
    float largest;
    bool finite;
};

// The largest |x[k]| of 32 values, and whether all are finite.
Magnitude largest_magnitude(const float* x) {
#if defined(__AVX512F__)
    const __m512i no_sign = _mm512_set1_epi32(0x7fffffff);
    const __m512 a0 = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(_mm512_loadu_ps(x)), no_sign));
    const __m512 a1 = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(_mm512_loadu_ps(x + 16)), no_sign));
    const __m512 big = _mm512_set1_ps(std::numeric_limits<float>::max());
    const bool finite = (_mm512_cmp_ps_mask(a0, big, _CMP_LE_OQ) & _mm512_cmp_ps_mask(a1, big, _CMP_LE_OQ)) == kAll;
    // (The zero-masking form: GCC 12 warns about the pass-through operand of the other.)
    const f32x16 a = bitcast<f32x16>(_mm512_maskz_max_ps(kAll, a0, a1));
    f32x8 lo, hi;
    std::memcpy(&lo, &a, 32);
    std::memcpy(&hi, reinterpret_cast<const char*>(&a) + 32, 32);
    const f32x8 m8 = bitcast<f32x8>(_mm256_max_ps(bitcast<__m256>(lo), bitcast<__m256>(hi)));
    float m = 0.0f;
    for (int k = 0; k < 8; ++k) m = m8[k] > m ? m8[k] : m;
    return {m, finite};
#else
    float m = 0.0f;
    bool finite = true;
    for (int k = 0; k < 32; ++k) {
        const float a = std::fabs(x[k]);
        finite = finite && a <= std::numeric_limits<float>::max();
        m = a > m ? a : m;
    }
    return {m, finite};
#endif
}
}  // namespace

void split_pieces(const float* x, int64_t n, int8_t* pieces, float* scales) {
    for (int64_t i = 0; i < n / 32; ++i, x += 32, pieces += 96) {
        const auto [m, finite] = largest_magnitude(x);
        if (!finite) {
            // inf or nan: the products must not be finite either.
            std::memset(pieces, 0, 96);
            scales[i] = std::numeric_limits<float>::quiet_NaN();
            continue;
        }
        scales[i] = m / 127.0f / 65536.0f;
        const double inv = m > 0.0f ? 127.0 / double(m) : 0.0;
        auto* frac = reinterpret_cast<uint8_t*>(pieces);
#if defined(__AVX512F__)
        // The scalar steps below, 8 values at a time (the zero-masking forms: GCC 12 warns
        // about the pass-through operand of the others).
        for (int k = 0; k < 32; k += 8) {
            constexpr int kFloor = _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC;
            constexpr int kNearest = _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC;
            const __m512d v = _mm512_mul_pd(_mm512_maskz_cvtps_pd(0xFF, _mm256_loadu_ps(x + k)), _mm512_set1_pd(inv));
            const __m512d a0 = _mm512_maskz_roundscale_pd(0xFF, v, kFloor);
            const __m512d t1 = _mm512_mul_pd(_mm512_sub_pd(v, a0), _mm512_set1_pd(256.0));
            const __m512d a1 = _mm512_maskz_roundscale_pd(0xFF, t1, kFloor);
            const __m512d t2 = _mm512_mul_pd(_mm512_sub_pd(t1, a1), _mm512_set1_pd(256.0));
            const __m512d a2 = _mm512_maskz_min_pd(0xFF, _mm512_maskz_roundscale_pd(0xFF, t2, kNearest), _mm512_set1_pd(255.0));
            const auto bytes = [](__m512d a) {
                return _mm256_maskz_cvtepi32_epi8(0xFF, _mm512_maskz_cvtpd_epi32(0xFF, a));
            };
            _mm_storel_epi64(reinterpret_cast<__m128i*>(pieces + k), bytes(a0));
            _mm_storel_epi64(reinterpret_cast<__m128i*>(frac + 32 + k), bytes(a1));
            _mm_storel_epi64(reinterpret_cast<__m128i*>(frac + 64 + k), bytes(a2));
        }
#else
        for (int k = 0; k < 32; ++k) {
            const double v = double(x[k]) * inv;  // exact: 24 x 53 bits
            const double a0 = std::floor(v);
            const double t1 = (v - a0) * 256.0;   // [0, 256), exact
            const double a1 = std::floor(t1);
            const double a2 = std::fmin(std::nearbyint((t1 - a1) * 256.0), 255.0);
            pieces[k] = static_cast<int8_t>(a0);
            frac[32 + k] = static_cast<uint8_t>(a1);
            frac[64 + k] = static_cast<uint8_t>(a2);
        }
#endif
    }
}

void round_to_int8(const float* x, int64_t n, int8_t* q, float* scales) {
    for (int64_t i = 0; i < n / 32; ++i, x += 32, q += 32) {
        const auto [m, finite] = largest_magnitude(x);
        if (!finite) {
            std::memset(q, 0, 32);
            scales[i] = std::numeric_limits<float>::quiet_NaN();
            continue;
        }
        scales[i] = m / 127.0f;
        const float inv = m > 0.0f ? 127.0f / m : 0.0f;
        if (!(inv <= std::numeric_limits<float>::max())) {
            // m below 127 / FLT_MAX: 127 / m is no float; the quotient in double instead.
            for (int k = 0; k < 32; ++k)
                q[k] = static_cast<int8_t>(std::nearbyint(double(x[k]) * 127.0 / double(m)));
            continue;
        }
#if defined(__AVX512F__)
        // nearbyint below, 16 values at a time: the conversion rounds to nearest even (the
        // zero-masking forms: GCC 12 warns about the pass-through operand of the others).
        for (int k = 0; k < 32; k += 16) {
            const __m512i a = _mm512_maskz_cvtps_epi32(kAll, _mm512_mul_ps(_mm512_loadu_ps(x + k), _mm512_set1_ps(inv)));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(q + k), _mm512_maskz_cvtepi32_epi8(kAll, a));
        }
#else
        for (int k = 0; k < 32; ++k) q[k] = static_cast<int8_t>(std::nearbyint(x[k] * inv));
#endif
    }
}

namespace {
// Where prepare_x puts each part in its scratch (byte offsets; `none` for a part the type
// does not use), and the total.
struct Layout {
    static constexpr size_t none = ~size_t{0};
    size_t sums = none, pieces = none, scales = none, offsets = none, total = 0;
};

Layout layout_of(DType type, int64_t n, Activations activations) {
    const auto runs = static_cast<size_t>(n / 32);
    Layout l;
    const auto take = [&l](size_t bytes) {
        const size_t at = l.total;
        l.total += align64(bytes);
        return at;
    };
    if (needs_block_sums(type)) l.sums = take(runs * sizeof(float));
    if (const int pieces = x_pieces(type, activations); pieces > 0) {
        l.pieces = take(runs * 32 * static_cast<size_t>(pieces));
        l.scales = take(runs * sizeof(float));
    }
    if (piece_offset(type, activations) != 0) l.offsets = take(runs * 8 * sizeof(int32_t));
    return l;
}
}  // namespace

size_t prepared_x_bytes(DType type, int64_t n, Activations activations) {
    return layout_of(type, n, activations).total;
}

PreparedX prepare_x(DType type, const float* x, int64_t n, void* scratch, Activations activations) {
    const Layout l = layout_of(type, n, activations);
    auto* base = static_cast<uint8_t*>(scratch);
    PreparedX px;
    px.x = x;
    if (l.pieces != Layout::none) {
        auto* pieces = reinterpret_cast<int8_t*>(base + l.pieces);
        auto* scales = reinterpret_cast<float*>(base + l.scales);
        px.n_pieces = x_pieces(type, activations);
        if (px.n_pieces == 3)
            split_pieces(x, n, pieces, scales);
        else
            round_to_int8(x, n, pieces, scales);
        px.pieces = pieces;
        px.piece_scales = scales;
    }
    if (l.sums != Layout::none) {
        auto* sums = reinterpret_cast<float*>(base + l.sums);
        if (px.n_pieces == 1) {
            // The sums of the rounded values, so that the product is the one with x rounded.
            for (int64_t run = 0; run < n / 32; ++run) {
                int32_t total = 0;
                for (int k = 0; k < 32; ++k) total += px.pieces[32 * run + k];
                sums[run] = px.piece_scales[run] * static_cast<float>(total);
            }
        } else {
            block_sums(x, n, sums);
        }
        px.sums = sums;
    }
    if (l.offsets != Layout::none) {
        // -offset * the sum of a0 over each group of 4 values (one 32-bit lane of the kernel).
        const int32_t offset = piece_offset(type, activations);
        auto* offsets = reinterpret_cast<int32_t*>(base + l.offsets);
        for (int64_t run = 0; run < n / 32; ++run) {
            for (int lane = 0; lane < 8; ++lane) {
                const int8_t* a0 = px.pieces + 32 * px.n_pieces * run + 4 * lane;
                offsets[8 * run + lane] = -offset * (a0[0] + a0[1] + a0[2] + a0[3]);
            }
        }
        px.piece_offsets = offsets;
    }
    return px;
}

void dot_rows(DType type, const uint8_t* w, size_t stride, int64_t count, const PreparedX& x,
              int64_t n, float* y) {
    int64_t r = 0;
    if (n > kLongRow) {
        for (; r + kLongRowGroup <= count; r += kLongRowGroup) {
            if (!dot_group(type, w + stride * static_cast<size_t>(r), stride, x, n, y + r)) break;
        }
    }
    for (; r < count; ++r) y[r] = dot_one(type, w + stride * static_cast<size_t>(r), x, n);
}

}  // namespace lectern::cpu
