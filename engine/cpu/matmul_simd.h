// Small SIMD vocabulary for the matmul kernels, written with GCC/Clang vector extensions so
// the same source compiles to AVX-512 (-march=native on the machines Lectern is tuned on),
// to pairs of AVX2 registers (CPUs without AVX-512, and -DLECTERN_NATIVE=OFF), or to scalar
// code on other targets. Every function here is exact (no rounding beyond float32
// arithmetic).
//
// With AVX2 alone, f32x16 is a pair of 8-lane registers with its own operators: a 64-byte
// vector-extension type has no register to live in there, so GCC keeps such values in memory
// and the decode kernels ran about 4x slower.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "quant/half.h"

#if defined(__AVX512F__) || defined(__AVX2__) || defined(__F16C__)
#include <immintrin.h>
#endif

namespace lectern::cpu::simd {

typedef float f32x8 __attribute__((vector_size(32)));
#if defined(__AVX2__) && !defined(__AVX512F__)
#define LECTERN_SIMD_PAIRS 1  // f32x16 is a pair of 8-lane registers
struct f32x16 {
    __m256 lo = _mm256_setzero_ps(), hi = _mm256_setzero_ps();
};
inline f32x16 splat(float s) { return {_mm256_set1_ps(s), _mm256_set1_ps(s)}; }
inline f32x16 operator+(f32x16 a, f32x16 b) { return {_mm256_add_ps(a.lo, b.lo), _mm256_add_ps(a.hi, b.hi)}; }
inline f32x16 operator-(f32x16 a, f32x16 b) { return {_mm256_sub_ps(a.lo, b.lo), _mm256_sub_ps(a.hi, b.hi)}; }
inline f32x16 operator*(f32x16 a, f32x16 b) { return {_mm256_mul_ps(a.lo, b.lo), _mm256_mul_ps(a.hi, b.hi)}; }
inline f32x16 operator+(f32x16 a, float s) { return a + splat(s); }
inline f32x16 operator-(f32x16 a, float s) { return a - splat(s); }
inline f32x16 operator*(f32x16 a, float s) { return a * splat(s); }
inline f32x16& operator+=(f32x16& a, f32x16 b) { return a = a + b; }
#else
typedef float f32x16 __attribute__((vector_size(64)));
#endif
typedef int8_t i8x16 __attribute__((vector_size(16)));
typedef uint8_t u8x16 __attribute__((vector_size(16)));
typedef uint8_t u8x32 __attribute__((vector_size(32)));
typedef uint16_t u16x8 __attribute__((vector_size(16)));
typedef uint16_t u16x16 __attribute__((vector_size(32)));
typedef uint32_t u32x16 __attribute__((vector_size(64)));

template <class V>
inline V load(const void* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <class V>
inline void store(void* p, V v) {
    std::memcpy(p, &v, sizeof v);
}

template <class To, class From>
inline To bitcast(From v) {
    static_assert(sizeof(To) == sizeof(From));
    To t;
    std::memcpy(&t, &v, sizeof t);
    return t;
}

#if defined(LECTERN_SIMD_PAIRS)
inline f32x16 join(__m256 lo, __m256 hi) { return {lo, hi}; }
inline f32x16 load_f32(const float* p) { return {_mm256_loadu_ps(p), _mm256_loadu_ps(p + 8)}; }
#else
inline f32x16 load_f32(const float* p) { return load<f32x16>(p); }
inline f32x16 splat(float s) { return f32x16{} + s; }
#endif

#if defined(__AVX512F__)
// All 16 lanes. The zero-masking forms of the AVX-512 conversions are used because GCC 12
// warns about the undefined pass-through operand of the plain ones; they compile the same.
constexpr __mmask16 kAll = 0xFFFF;
#endif

#if defined(__AVX512F__)
inline f32x16 i32_to_f32(__m512i v) { return bitcast<f32x16>(_mm512_maskz_cvtepi32_ps(kAll, v)); }

// 16 bytes at p zero-extended to 32-bit lanes.
inline __m512i widen_u8(const uint8_t* p) {
    return _mm512_maskz_cvtepu8_epi32(kAll, _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}
#endif

// 16 signed / unsigned bytes to floats. (GCC 12 scalarizes __builtin_convertvector from
// bytes to floats, so the x86 paths widen with the sign/zero-extending instructions.)
inline f32x16 to_f32(i8x16 v) {
#if defined(__AVX512F__)
    return bitcast<f32x16>(_mm512_maskz_cvtepi32_ps(kAll, _mm512_maskz_cvtepi8_epi32(kAll, bitcast<__m128i>(v))));
#elif defined(__AVX2__)
    const __m128i b = bitcast<__m128i>(v);
    return join(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(b)),
                _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_unpackhi_epi64(b, b))));
#else
    return __builtin_convertvector(v, f32x16);
#endif
}

inline f32x16 to_f32(u8x16 v) {
#if defined(__AVX512F__)
    return bitcast<f32x16>(_mm512_maskz_cvtepi32_ps(kAll, _mm512_maskz_cvtepu8_epi32(kAll, bitcast<__m128i>(v))));
#elif defined(__AVX2__)
    const __m128i b = bitcast<__m128i>(v);
    return join(_mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(b)),
                _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_unpackhi_epi64(b, b))));
#else
    return __builtin_convertvector(v, f32x16);
#endif
}

#if defined(__AVX2__)
inline __m256i load256(const void* p) { return _mm256_loadu_si256(static_cast<const __m256i*>(p)); }

// The 4- or 5-bit values of sub-blocks j and j + 1 (j even) of a Q4_K block (qh null) or a
// Q5_K block, 32 bytes each: the low and high nibbles of qs[16 j ..], and for Q5_K bits j and
// j + 1 of each qh byte moved to bit 4 (16-bit shifts; the mask drops what crosses bytes).
[[gnu::always_inline]] inline void k_pair_values(const uint8_t* qs, const uint8_t* qh, int j, __m256i* lo, __m256i* hi) {
    const __m256i low = _mm256_set1_epi8(0x0F);
    const __m256i q = load256(qs + 16 * j);
    *lo = _mm256_and_si256(q, low);
    *hi = _mm256_and_si256(_mm256_srli_epi16(q, 4), low);
    if (qh) {
        const __m256i h = load256(qh);
        const auto to_bit4 = [&](int bit) {
            const __m256i moved = bit <= 4 ? _mm256_slli_epi16(h, 4 - bit) : _mm256_srli_epi16(h, bit - 4);
            return _mm256_and_si256(moved, _mm256_set1_epi8(0x10));
        };
        *lo = _mm256_or_si256(*lo, to_bit4(j));
        *hi = _mm256_or_si256(*hi, to_bit4(j + 1));
    }
}
#endif

// 8 unsigned bytes to floats.
inline f32x8 to_f32x8(const uint8_t* p) {
#if defined(__AVX2__)
    const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
    return bitcast<f32x8>(_mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(b)));
#else
    f32x8 v;
    for (int i = 0; i < 8; ++i) v[i] = static_cast<float>(p[i]);
    return v;
#endif
}

inline f32x16 load_bf16(const uint16_t* p) {
#if defined(LECTERN_SIMD_PAIRS)
    const auto widen = [](const uint16_t* q) {
        const __m256i u = _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q)));
        return _mm256_castsi256_ps(_mm256_slli_epi32(u, 16));
    };
    return {widen(p), widen(p + 8)};
#else
    const u32x16 bits = __builtin_convertvector(load<u16x16>(p), u32x16) << 16;
    return bitcast<f32x16>(bits);
#endif
}

inline f32x16 load_f16(const uint16_t* p) {
#if defined(__AVX512F__)
    const __m512 v = _mm512_maskz_cvtph_ps(kAll, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
    return bitcast<f32x16>(v);
#elif defined(__AVX2__)
    return join(_mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))),
                _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 8))));
#else
    f32x16 v;
    for (int i = 0; i < 16; ++i) v[i] = quant::f16_to_f32(p[i]);
    return v;
#endif
}

// The 16-bit vector of the same size as a byte vector.
template <class U8>
using Words = std::conditional_t<sizeof(U8) == 16, u16x8, u16x16>;

// Bytes shifted right by 4 (x86 has no byte shifts: a 16-bit shift, then a mask).
template <class U8>
inline U8 high_nibbles(U8 v) {
    using U16 = Words<U8>;
    return bitcast<U8>(U16(bitcast<U16>(v) >> 4)) & 0x0F;
}

// The 6-bit values of Q6_K weights (16 or 32 per vector): the low 4 bits of values l and
// l + 64 are the low and high nibbles of a[l], those of values l + 32 and l + 96 the nibbles
// of c[l], and the top 2 bits of the four are bits 0-1, 2-3, 4-5 and 6-7 of h[l].
// out[k] = values l + 32 k.
template <class U8>
inline void q6_values(U8 a, U8 c, U8 h, U8* out) {
    using U16 = Words<U8>;
    const U16 w = bitcast<U16>(h);
    out[0] = (a & 0x0F) | (bitcast<U8>(U16(w << 4)) & 0x30);
    out[1] = (c & 0x0F) | (bitcast<U8>(U16(w << 2)) & 0x30);
    out[2] = high_nibbles(a) | (h & 0x30);
    out[3] = high_nibbles(c) | (bitcast<U8>(U16(w >> 2)) & 0x30);
}

// Sums of the lanes, in a fixed tree order.
inline float hsum(f32x8 s) {
    return ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
}

inline float hsum(f32x16 v) {
#if defined(LECTERN_SIMD_PAIRS)
    return hsum(bitcast<f32x8>(_mm256_add_ps(v.lo, v.hi)));
#else
    f32x8 lo, hi;
    std::memcpy(&lo, &v, 32);
    std::memcpy(&hi, reinterpret_cast<const char*>(&v) + 32, 32);
    return hsum(lo + hi);
#endif
}

#if defined(__AVX512F__)
// r[i] = row i of a 16 x 16 block -> r[j] = column j. (The zero-masking forms: GCC 12 warns
// about the pass-through operand of the others.)
inline void transpose16(__m512* r) {
    __m512 t[16];
    for (int i = 0; i < 8; ++i) {  // pairs of rows interleaved
        t[2 * i] = _mm512_maskz_unpacklo_ps(kAll, r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm512_maskz_unpackhi_ps(kAll, r[2 * i], r[2 * i + 1]);
    }
    for (int i = 0; i < 4; ++i) {  // 128-bit lane l of r[4i + j]: rows 4i..4i+3 of column 4l + j
        r[4 * i] = _mm512_shuffle_ps(t[4 * i], t[4 * i + 2], 0x44);
        r[4 * i + 1] = _mm512_shuffle_ps(t[4 * i], t[4 * i + 2], 0xEE);
        r[4 * i + 2] = _mm512_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0x44);
        r[4 * i + 3] = _mm512_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0xEE);
    }
    for (int i = 0; i < 2; ++i) {  // t[8i + j]: columns j, 8 + j; t[8i + 4 + j]: 4 + j, 12 + j
        for (int j = 0; j < 4; ++j) {
            t[8 * i + j] = _mm512_maskz_shuffle_f32x4(kAll, r[8 * i + j], r[8 * i + 4 + j], 0x88);
            t[8 * i + 4 + j] = _mm512_maskz_shuffle_f32x4(kAll, r[8 * i + j], r[8 * i + 4 + j], 0xDD);
        }
    }
    for (int j = 0; j < 4; ++j) {
        r[j] = _mm512_maskz_shuffle_f32x4(kAll, t[j], t[8 + j], 0x88);
        r[8 + j] = _mm512_maskz_shuffle_f32x4(kAll, t[j], t[8 + j], 0xDD);
        r[4 + j] = _mm512_maskz_shuffle_f32x4(kAll, t[4 + j], t[12 + j], 0x88);
        r[12 + j] = _mm512_maskz_shuffle_f32x4(kAll, t[4 + j], t[12 + j], 0xDD);
    }
}
#endif

}  // namespace lectern::cpu::simd
