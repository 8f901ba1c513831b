// Int8 prefill: x rounded and packed per tile of kGemmInt8Tokens tokens; the weights of 16
// rows unpacked into unsigned bytes (a panel, all columns: 16 x n_cols bytes, in L2) and
// reused by every tile of tokens.
//
// Packed x, per tile of T tokens and per block b of 32 columns: the rounded values as
// 8 steps x T tokens x 4 bytes (step s holds values 4s..4s+3), then T scales and T sums of
// the rounded values (scale x sum of the bytes), and T such sums per half block. Panel, per
// block: 8 steps x 16 rows x 4 bytes; 16 scales and 16 mins per unit (a block, or half a
// block for Q6_K). Micro-kernel: 16 rows x T tokens; per step one 64-byte load of weights
// and, per token, a multiply-add of 4 byte products (u unsigned, x signed) with x's 4 bytes
// broadcast; per unit, per token, the integer sums are scaled into float32 accumulators:
// y += float(sum) * scale * xs - min * xsum.
#include "cpu/matmul_gemm_int8.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "cpu/matmul_dot.h"
#include "cpu/matmul_simd.h"
#include "quant/blocks.h"
#include "quant/half.h"

#if defined(__AVX512VNNI__) && defined(__AVX512F__)
#include <immintrin.h>
#define LECTERN_GEMM_INT8 1
#endif

namespace lectern::cpu {
namespace {

constexpr int64_t kT = kGemmInt8Tokens;
constexpr int64_t kPanelRows = 16;

// Bytes of one tile of packed x for n_cols columns: per block of 32, T x 32 bytes, T scales,
// T sums, and T sums of each half (for the 16-value units of Q6_K).
size_t tile_bytes(int64_t n_cols) {
    return static_cast<size_t>(n_cols / 32) * static_cast<size_t>(kT) * (32 + 4 * sizeof(float));
}

// Values per unit of weights that share one scale: 16 for Q6_K, 32 for the others.
[[maybe_unused]] int unit_values(DType type) { return type == DType::Q6_K ? 16 : 32; }

struct Panel {
    std::vector<uint8_t> bytes;  // per block: 8 steps x 16 rows x 4 bytes
    std::vector<float> scale;    // per unit (block, or half block for Q6_K): 16
    std::vector<float> min;      // per unit: 16
    std::vector<uint8_t> rows;   // (16, n_cols + 32): each row's bytes in column order
};

#if defined(LECTERN_GEMM_INT8)
using simd::load256;
inline void store256(void* p, __m256i v) { _mm256_storeu_si256(static_cast<__m256i*>(p), v); }

// Row `row` of w as unsigned bytes u in column order, with w = scale * u - min per unit
// (unit_values): scale and min of unit i at scale[16 i], min[16 i].
void unpack_row_u8(DType type, const uint8_t* row, int64_t n_cols, uint8_t* u, float* scale, float* min) {
    using quant::f16_to_f32;
    const int64_t nb = n_cols / 32;
    switch (type) {
    case DType::Q8_0:
        for (int64_t b = 0; b < nb; ++b) {
            const auto& blk = reinterpret_cast<const quant::BlockQ8_0*>(row)[b];
            store256(u + 32 * b, _mm256_xor_si256(load256(blk.qs), _mm256_set1_epi8(static_cast<char>(0x80))));  // q + 128
            const float d = f16_to_f32(blk.d);
            scale[16 * b] = d;
            min[16 * b] = 128.0f * d;
        }
        return;
    case DType::Q4_0:
        for (int64_t b = 0; b < nb; ++b) {
            const auto& blk = reinterpret_cast<const quant::BlockQ4_0*>(row)[b];
            const __m128i q = _mm_loadu_si128(reinterpret_cast<const __m128i*>(blk.qs));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(u + 32 * b), _mm_and_si128(q, _mm_set1_epi8(0x0F)));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(u + 32 * b + 16),
                             _mm_and_si128(_mm_srli_epi16(q, 4), _mm_set1_epi8(0x0F)));
            const float d = f16_to_f32(blk.d);
            scale[16 * b] = d;
            min[16 * b] = 8.0f * d;
        }
        return;
    case DType::Q4_K:
    case DType::Q5_K:
        for (int64_t sb = 0; sb < nb / 8; ++sb) {
            const uint8_t *scales, *qs, *qh = nullptr;
            float d, dmin;
            if (type == DType::Q4_K) {
                const auto& blk = reinterpret_cast<const quant::BlockQ4_K*>(row)[sb];
                scales = blk.scales, qs = blk.qs, d = f16_to_f32(blk.d), dmin = f16_to_f32(blk.dmin);
            } else {
                const auto& blk = reinterpret_cast<const quant::BlockQ5_K*>(row)[sb];
                scales = blk.scales, qs = blk.qs, qh = blk.qh, d = f16_to_f32(blk.d), dmin = f16_to_f32(blk.dmin);
            }
            uint8_t* out = u + 256 * sb;
            for (int j = 0; j < 8; j += 2) {
                __m256i lo, hi;
                simd::k_pair_values(qs, qh, j, &lo, &hi);
                store256(out + 32 * j, lo);
                store256(out + 32 * j + 32, hi);
            }
            for (int j = 0; j < 8; ++j) {
                uint8_t sc, m;
                quant::k_scale_min(j, scales, &sc, &m);
                scale[16 * (8 * sb + j)] = d * static_cast<float>(sc);
                min[16 * (8 * sb + j)] = dmin * static_cast<float>(m);
            }
        }
        return;
    case DType::Q6_K:
        for (int64_t sb = 0; sb < nb / 8; ++sb) {
            const auto& blk = reinterpret_cast<const quant::BlockQ6_K*>(row)[sb];
            uint8_t* out = u + 256 * sb;
            for (int half = 0; half < 2; ++half) {
                simd::u8x32 v[4];
                simd::q6_values(simd::load<simd::u8x32>(blk.ql + 64 * half), simd::load<simd::u8x32>(blk.ql + 64 * half + 32),
                                simd::load<simd::u8x32>(blk.qh + 32 * half), v);
                for (int g = 0; g < 4; ++g) std::memcpy(out + 128 * half + 32 * g, &v[g], 32);
            }
            // The stored u stands for q = u - 32: w = d sc (u - 32).
            const float d = f16_to_f32(blk.d);
            for (int k = 0; k < 16; ++k) {
                const float sc = d * static_cast<float>(blk.scales[k]);
                scale[16 * (16 * sb + k)] = sc;
                min[16 * (16 * sb + k)] = 32.0f * sc;
            }
        }
        return;
    default: return;
    }
}

// Rows [p, p + rows) of w (rows <= 16; the others zero) into the panel: each row unpacked in
// column order, then every 2 blocks of the 16 rows turned into 16 steps x 16 rows by one
// 16 x 16 transpose of 4-byte groups.
void unpack_panel(const TensorView& w, int64_t p, int64_t rows, Panel& panel) {
    const int64_t nb = w.n_cols / 32, units = w.n_cols / unit_values(w.type);
    const int64_t stride = w.n_cols + 32;  // room to read 64 bytes at the last block
    panel.bytes.resize(static_cast<size_t>(nb * 512 + 512));
    panel.scale.assign(static_cast<size_t>(units * kPanelRows), 0.0f);
    panel.min.assign(static_cast<size_t>(units * kPanelRows), 0.0f);
    panel.rows.assign(static_cast<size_t>(kPanelRows * stride), 0);
    for (int64_t r = 0; r < rows; ++r)
        unpack_row_u8(w.type, w.row(p + r), w.n_cols, panel.rows.data() + r * stride, panel.scale.data() + r,
                      panel.min.data() + r);
    for (int64_t b = 0; b < nb; b += 2) {
        __m512 v[16];
        for (int r = 0; r < 16; ++r)
            v[r] = _mm512_castsi512_ps(_mm512_loadu_si512(panel.rows.data() + r * stride + 32 * b));
        simd::transpose16(v);
        // v[j]: 4-byte group j of every row: step j of block b, then (j >= 8) of block b + 1.
        for (int j = 0; j < 16; ++j) _mm512_storeu_ps(panel.bytes.data() + b * 512 + j * 64, v[j]);
    }
}

// y rows [p, p + rows) for the tokens [t0, t0 + nt) of one tile; units of kSteps x 4
// values (8: blocks of 32; 4: the half blocks of Q6_K).
template <int kSteps>
void micro_kernel(const Panel& panel, const uint8_t* tile, int64_t nb, float* y, int64_t n_rows,
                  int64_t p, int64_t rows, int64_t t0, int64_t nt) {
    const auto* xq = reinterpret_cast<const int32_t*>(tile);
    const auto* xs = reinterpret_cast<const float*>(tile + nb * 32 * kT);
    const float* xsum = kSteps == 8 ? xs + nb * kT : xs + 2 * nb * kT;  // per block, or per half
    __m512 f[kT];
    for (auto& v : f) v = _mm512_setzero_ps();
    const int64_t units = nb * 8 / kSteps;
    for (int64_t i = 0; i < units; ++i) {
        __m512i acc[kT];
        for (auto& v : acc) v = _mm512_setzero_si512();
        const uint8_t* wb = panel.bytes.data() + i * kSteps * 64;
        const int32_t* xb = xq + i * kSteps * kT;
#pragma GCC unroll 8
        for (int s = 0; s < kSteps; ++s) {
            const __m512i wv = _mm512_loadu_si512(wb + s * 64);
#pragma GCC unroll 12
            for (int t = 0; t < kT; ++t) acc[t] = _mm512_dpbusd_epi32(acc[t], wv, _mm512_set1_epi32(xb[s * kT + t]));
        }
        const __m512 sc = _mm512_loadu_ps(panel.scale.data() + i * kPanelRows);
        const __m512 mn = _mm512_loadu_ps(panel.min.data() + i * kPanelRows);
        const int64_t b = i * kSteps / 8;  // the block of 32 whose scale x has
#pragma GCC unroll 12
        for (int t = 0; t < kT; ++t) {
            const __m512 scale = _mm512_mul_ps(sc, _mm512_set1_ps(xs[b * kT + t]));
            f[t] = _mm512_fmadd_ps(_mm512_maskz_cvtepi32_ps(0xFFFF, acc[t]), scale, f[t]);
            f[t] = _mm512_fnmadd_ps(mn, _mm512_set1_ps(xsum[i * kT + t]), f[t]);
        }
    }
    const __mmask16 mask = static_cast<__mmask16>((1u << rows) - 1);
    for (int64_t t = 0; t < nt; ++t) _mm512_mask_storeu_ps(y + (t0 + t) * n_rows + p, mask, f[t]);
}
#endif

}  // namespace

bool gemm_int8_supports(DType type) {
#if defined(LECTERN_GEMM_INT8)
    return type == DType::Q8_0 || type == DType::Q4_0 || type == DType::Q4_K || type == DType::Q5_K ||
           type == DType::Q6_K;
#else
    (void)type;
    return false;
#endif
}

size_t gemm_int8_packed_x_bytes(int64_t n_tok, int64_t n_cols) {
    return static_cast<size_t>((n_tok + kT - 1) / kT) * tile_bytes(n_cols);
}

void gemm_int8_pack_x(const float* x, int64_t n_tok, int64_t n_cols, int64_t t0, int64_t t1, uint8_t* xp) {
    const int64_t nb = n_cols / 32;
    // Kept by each thread between calls: no allocation per prefill chunk.
    thread_local std::vector<int8_t> q;
    thread_local std::vector<float> scales;
    q.resize(static_cast<size_t>(n_cols));
    scales.resize(static_cast<size_t>(nb));
    for (int64_t tile = t0; tile < t1; tile += kT) {
        uint8_t* dst = xp + static_cast<size_t>(tile / kT) * tile_bytes(n_cols);
        auto* xs = reinterpret_cast<float*>(dst + nb * 32 * kT);
        float* xsum = xs + nb * kT;
        float* xsum16 = xsum + nb * kT;  // per half block
        for (int64_t t = 0; t < kT; ++t) {
            const bool real = tile + t < n_tok;
            if (real) round_to_int8(x + (tile + t) * n_cols, n_cols, q.data(), scales.data());
            for (int64_t b = 0; b < nb; ++b) {
                int32_t half[2] = {0, 0};
                for (int s = 0; s < 8; ++s) {
                    uint8_t* at = dst + ((b * 8 + s) * kT + t) * 4;
                    if (real) {
                        std::memcpy(at, q.data() + b * 32 + 4 * s, 4);
                        for (int i = 0; i < 4; ++i) half[s / 4] += q[static_cast<size_t>(b * 32 + 4 * s + i)];
                    } else {
                        std::memset(at, 0, 4);
                    }
                }
                const float scale = real ? scales[static_cast<size_t>(b)] : 0.0f;
                xs[b * kT + t] = scale;
                xsum[b * kT + t] = scale * static_cast<float>(half[0] + half[1]);
                xsum16[2 * b * kT + t] = scale * static_cast<float>(half[0]);
                xsum16[(2 * b + 1) * kT + t] = scale * static_cast<float>(half[1]);
            }
        }
    }
}

void gemm_int8_rows(const TensorView& w, const uint8_t* xp, int64_t n_tok, float* y, int64_t r0,
                    int64_t r1) {
#if defined(LECTERN_GEMM_INT8)
    thread_local Panel panel;
    const int64_t nb = w.n_cols / 32;
    for (int64_t p = r0; p < r1; p += kPanelRows) {
        const int64_t rows = std::min(kPanelRows, r1 - p);
        unpack_panel(w, p, rows, panel);
        const auto kernel = unit_values(w.type) == 16 ? &micro_kernel<4> : &micro_kernel<8>;
        for (int64_t t0 = 0; t0 < n_tok; t0 += kT) {
            kernel(panel, xp + static_cast<size_t>(t0 / kT) * tile_bytes(w.n_cols), nb, y, w.n_rows, p, rows, t0,
                   std::min(kT, n_tok - t0));
        }
    }
#else
    (void)w, (void)xp, (void)n_tok, (void)y, (void)r0, (void)r1;
#endif
}

}  // namespace lectern::cpu
