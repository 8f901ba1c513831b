// Vector kernels of CPU attention: dot products of one query with 8 keys at once, a float32
// exp over a row of scores, a weighted sum of 8 value rows, and the widening of cached rows
// (f16, bf16, q8_0) to float32. AVX2 + FMA where the build
// has them (Lectern's x86-64 baseline), scalar otherwise; both give float32-accurate results
// (the vector exp is Cephes' expf: within 2 ulp of the exact value).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#include "quant/half.h"

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#define LECTERN_ATTENTION_AVX2 1
#endif

namespace lectern::cpu::simd {

#if LECTERN_ATTENTION_AVX2

// Sums of each of 8 vectors' lanes, as one vector: result[i] = sum of v[i]'s 8 lanes.
inline __m256 transpose_sum8(const __m256* v) {
    const __m256 t0 = _mm256_hadd_ps(v[0], v[1]), t1 = _mm256_hadd_ps(v[2], v[3]);
    const __m256 t2 = _mm256_hadd_ps(v[4], v[5]), t3 = _mm256_hadd_ps(v[6], v[7]);
    const __m256 u0 = _mm256_hadd_ps(t0, t1), u1 = _mm256_hadd_ps(t2, t3);
    return _mm256_add_ps(_mm256_permute2f128_ps(u0, u1, 0x20), _mm256_permute2f128_ps(u0, u1, 0x31));
}

// exp(x) for x in [-88, 88] (smaller x gives 0): Cephes' range reduction and polynomial.
inline __m256 exp8(__m256 x) {
    x = _mm256_max_ps(_mm256_min_ps(x, _mm256_set1_ps(88.0f)), _mm256_set1_ps(-88.0f));
    const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                     _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    x = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    x = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), x);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, x, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, x, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, x, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, x, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, x, _mm256_set1_ps(5.0000001201e-1f));
    const __m256 y = _mm256_add_ps(_mm256_fmadd_ps(_mm256_mul_ps(p, x), x, x), _mm256_set1_ps(1.0f));
    const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(y, _mm256_castsi256_ps(e));
}

#endif

// out[r] = dot(q, k + r * head_dim) for r < 8. k: 8 rows of head_dim f32, contiguous.
inline void dot8(const float* q, const float* k, int64_t head_dim, float* out) {
#if LECTERN_ATTENTION_AVX2
    if (head_dim % 8 == 0) {
        // Eight named accumulators so they live in registers.
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int64_t d = 0; d < head_dim; d += 8) {
            const __m256 qv = _mm256_loadu_ps(q + d);
            a0 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(k + d), a0);
            a1 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(k + head_dim + d), a1);
            a2 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(k + 2 * head_dim + d), a2);
            a3 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(k + 3 * head_dim + d), a3);
            a4 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(k + 4 * head_dim + d), a4);
            a5 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(k + 5 * head_dim + d), a5);
            a6 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(k + 6 * head_dim + d), a6);
            a7 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(k + 7 * head_dim + d), a7);
        }
        const __m256 acc[8] = {a0, a1, a2, a3, a4, a5, a6, a7};
        _mm256_storeu_ps(out, transpose_sum8(acc));
        return;
    }
#endif
    for (int r = 0; r < 8; ++r) {
        float s = 0.0f;
        for (int64_t d = 0; d < head_dim; ++d) s += q[d] * k[r * head_dim + d];
        out[r] = s;
    }
}

// x[i] = exp(x[i] - mx) for i < n; returns the sum of the results.
inline float exp_shifted_sum(float* x, int64_t n, float mx) {
    int64_t i = 0;
    float sum = 0.0f;
#if LECTERN_ATTENTION_AVX2
    __m256 acc = _mm256_setzero_ps();
    const __m256 m = _mm256_set1_ps(mx);
    for (; i + 8 <= n; i += 8) {
        const __m256 e = exp8(_mm256_sub_ps(_mm256_loadu_ps(x + i), m));
        _mm256_storeu_ps(x + i, e);
        acc = _mm256_add_ps(acc, e);
    }
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, acc);
    sum = ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5])) + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]));
#endif
    for (; i < n; ++i) {
        x[i] = std::exp(x[i] - mx);
        sum += x[i];
    }
    return sum;
}

// out[d] += sum_r p[r] * v[r * head_dim + d] for r < n_rows (<= 8). v: n_rows rows, contiguous.
inline void accumulate_rows(const float* p, const float* v, int n_rows, int64_t head_dim, float* out) {
    int64_t d = 0;
#if LECTERN_ATTENTION_AVX2
    if (n_rows == 8) {
        const __m256 w0 = _mm256_set1_ps(p[0]), w1 = _mm256_set1_ps(p[1]), w2 = _mm256_set1_ps(p[2]),
                     w3 = _mm256_set1_ps(p[3]), w4 = _mm256_set1_ps(p[4]), w5 = _mm256_set1_ps(p[5]),
                     w6 = _mm256_set1_ps(p[6]), w7 = _mm256_set1_ps(p[7]);
        for (; d + 8 <= head_dim; d += 8) {
            __m256 acc = _mm256_loadu_ps(out + d);
            acc = _mm256_fmadd_ps(w0, _mm256_loadu_ps(v + d), acc);
            acc = _mm256_fmadd_ps(w1, _mm256_loadu_ps(v + head_dim + d), acc);
            acc = _mm256_fmadd_ps(w2, _mm256_loadu_ps(v + 2 * head_dim + d), acc);
            acc = _mm256_fmadd_ps(w3, _mm256_loadu_ps(v + 3 * head_dim + d), acc);
            acc = _mm256_fmadd_ps(w4, _mm256_loadu_ps(v + 4 * head_dim + d), acc);
            acc = _mm256_fmadd_ps(w5, _mm256_loadu_ps(v + 5 * head_dim + d), acc);
            acc = _mm256_fmadd_ps(w6, _mm256_loadu_ps(v + 6 * head_dim + d), acc);
            acc = _mm256_fmadd_ps(w7, _mm256_loadu_ps(v + 7 * head_dim + d), acc);
            _mm256_storeu_ps(out + d, acc);
        }
    }
#endif
    for (; d < head_dim; ++d) {
        float acc = out[d];
        for (int r = 0; r < n_rows; ++r) acc += p[r] * v[r * head_dim + d];
        out[d] = acc;
    }
}

// out[i] = the i-th of n values stored as f16 (bf16: the high half of a float32), n % 8 == 0
// on the vector path.
inline void widen_f16(const uint16_t* in, int64_t n, float* out) {
    int64_t i = 0;
#if LECTERN_ATTENTION_AVX2 && defined(__F16C__)
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i))));
#endif
    for (; i < n; ++i) out[i] = quant::f16_to_f32(in[i]);
}

inline void widen_bf16(const uint16_t* in, int64_t n, float* out) {
    int64_t i = 0;
#if LECTERN_ATTENTION_AVX2
    for (; i + 8 <= n; i += 8) {
        const __m256i w = _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i)));
        _mm256_storeu_ps(out + i, _mm256_castsi256_ps(_mm256_slli_epi32(w, 16)));
    }
#endif
    for (; i < n; ++i) out[i] = quant::bf16_to_f32(in[i]);
}

// out = the values of n_blocks q8_0 blocks (34 bytes each: f16 scale d, 32 int8 q): d * q.
inline void widen_q8_0(const uint8_t* in, int64_t n_blocks, float* out) {
    for (int64_t b = 0; b < n_blocks; ++b, in += 34, out += 32) {
        uint16_t dbits;
        std::memcpy(&dbits, in, 2);
        const float d = quant::f16_to_f32(dbits);
        const auto* q = reinterpret_cast<const int8_t*>(in + 2);
#if LECTERN_ATTENTION_AVX2
        const __m256 dv = _mm256_set1_ps(d);
        for (int i = 0; i < 32; i += 8) {
            const __m256i w = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(q + i)));
            _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_cvtepi32_ps(w), dv));
        }
#else
        for (int i = 0; i < 32; ++i) out[i] = d * static_cast<float>(q[i]);
#endif
    }
}

}  // namespace lectern::cpu::simd
