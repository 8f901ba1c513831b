// Prefill matmul: weight unpacking and the register-tiled micro-kernel.
//
// Micro-kernel: MR <= kGemmRows rows x NV vectors of tokens of y in MR * NV vector
// accumulators (AVX-512: 12 x 2 of 16 lanes = 24 registers; AVX2: 6 x 2 of 8). Per column k
// it loads NV vectors of packed x and broadcasts the MR weights w[r][k]. Weights are unpacked
// 512 columns at a time; the accumulators of every token tile of a row panel are kept in a
// per-thread buffer from one 512-column piece to the next, so each (row, token) sum runs over
// k in order and y is written once. Results do not depend on how rows are split between
// threads.
#include "cpu/matmul_gemm.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "cpu/matmul_simd.h"
#include "cpu/matmul_unpack.h"

namespace lectern::cpu {
namespace {

#if defined(__AVX512F__)
using Vec = simd::f32x16;
#else
using Vec = simd::f32x8;
#endif
constexpr int kLanes = static_cast<int>(sizeof(Vec) / sizeof(float));
constexpr int kRows = static_cast<int>(kGemmRows);
constexpr int kTokens = static_cast<int>(kGemmTokens);
static_assert(kTokens == 2 * kLanes);
constexpr int64_t kChunk = 512;             // columns per piece: a multiple of every block size
constexpr int64_t kStride = kChunk + 16;    // row stride of the piece; the pad staggers cache sets

// c: (MR, kTokens) = sums over kc columns, added to c's values when `add`. w: MR rows of
// stride kStride; x: (kc, kTokens) packed tokens.
template <int MR, int NV>
void micro_kernel(const float* w, const float* x, int64_t kc, float* c, bool add) {
    Vec acc[MR][NV] = {};
    if (add) {
        for (int r = 0; r < MR; ++r)
            for (int v = 0; v < NV; ++v) acc[r][v] = simd::load<Vec>(c + r * kTokens + v * kLanes);
    }
    for (int64_t k = 0; k < kc; ++k) {
        Vec xv[NV];
        for (int v = 0; v < NV; ++v) xv[v] = simd::load<Vec>(x + k * kTokens + v * kLanes);
#pragma GCC unroll 16
        for (int r = 0; r < MR; ++r) {
            const float wv = w[r * kStride + k];
            for (int v = 0; v < NV; ++v) acc[r][v] += xv[v] * wv;
        }
    }
    for (int r = 0; r < MR; ++r)
        for (int v = 0; v < NV; ++v) simd::store(c + r * kTokens + v * kLanes, acc[r][v]);
}

using Kernel = void (*)(const float*, const float*, int64_t, float*, bool);

template <int NV, size_t... I>
constexpr std::array<Kernel, sizeof...(I)> make_kernels(std::index_sequence<I...>) {
    return {&micro_kernel<static_cast<int>(I) + 1, NV>...};
}
// kKernels[nv - 1][mr - 1] handles mr rows and nv vectors of tokens.
constexpr std::array<std::array<Kernel, kRows>, 2> kKernels{
    make_kernels<1>(std::make_index_sequence<kRows>()),
    make_kernels<2>(std::make_index_sequence<kRows>())};

struct Scratch {
    std::vector<float> w = std::vector<float>(kRows * kStride);  // (kRows, kStride)
    std::vector<float> tiles;  // one (kRows, kTokens) tile of sums per tile of tokens
};

// Stores the tile's rows x tokens into y.
void write_tile(const float* c, int64_t rows, int64_t tokens, float* y, int64_t n_rows) {
    for (int64_t t = 0; t < tokens; ++t) {
        float* out = y + t * n_rows;
        for (int64_t r = 0; r < rows; ++r) out[r] = c[r * kTokens + t];
    }
}

// Byte offset, within a row, of column k (a multiple of the block size).
size_t piece_offset(const DTypeInfo& info, int64_t k) {
    return static_cast<size_t>(k / info.block_size) * info.block_bytes;
}

// Prefetches columns [k0, k0 + kChunk) of rows [p, p + rows) of w.
void prefetch_piece(const TensorView& w, const DTypeInfo& info, int64_t p, int64_t rows, int64_t k0) {
    const size_t begin = piece_offset(info, k0);
    const size_t end = piece_offset(info, std::min(w.n_cols, k0 + kChunk));
    for (int64_t r = 0; r < rows; ++r) {
        const auto* row = reinterpret_cast<const char*>(w.row(p + r));
        for (size_t b = begin; b < end; b += 64) __builtin_prefetch(row + b, 0, 3);
    }
}

}  // namespace

int64_t gemm_packed_x_size(int64_t n_tok, int64_t n_cols) {
    return (n_tok + kTokens - 1) / kTokens * kTokens * n_cols;
}

void gemm_pack_x(const float* x, int64_t n_tok, int64_t n_cols, int64_t t0, int64_t t1, float* xp) {
    for (int64_t tile = t0; tile < t1; tile += kTokens) {
        float* dst = xp + tile * n_cols;
        const int64_t tokens = std::min<int64_t>(kTokens, n_tok - tile);
        int64_t k0 = 0;
#if defined(__AVX512F__)
        // 16 columns x 16 tokens at a time through a register transpose.
        for (; k0 + 16 <= n_cols; k0 += 16) {
            for (int half = 0; half < 2; ++half) {
                __m512 r[16];
                for (int i = 0; i < 16; ++i) {
                    const int64_t t = 16 * half + i;
                    r[i] = t < tokens ? _mm512_loadu_ps(x + (tile + t) * n_cols + k0) : _mm512_setzero_ps();
                }
                simd::transpose16(r);
                for (int c = 0; c < 16; ++c) _mm512_storeu_ps(dst + (k0 + c) * kTokens + 16 * half, r[c]);
            }
        }
#endif
        for (int64_t t = 0; t < kTokens; ++t) {
            for (int64_t k = k0; k < n_cols; ++k)
                dst[k * kTokens + t] = t < tokens ? x[(tile + t) * n_cols + k] : 0.0f;
        }
    }
}

void gemm_rows(const TensorView& w, const float* xp, int64_t n_tok, float* y, int64_t r0,
               int64_t r1) {
    thread_local Scratch s;
    const int64_t n_cols = w.n_cols, n_rows = w.n_rows;
    const DTypeInfo info = dtype_info(w.type);
    const int64_t n_tiles = (n_tok + kTokens - 1) / kTokens;
    // Grows to the largest batch seen, then stays: not per token.
    if (s.tiles.size() < static_cast<size_t>(n_tiles * kRows * kTokens))
        s.tiles.resize(static_cast<size_t>(n_tiles * kRows * kTokens));
    for (int64_t p = r0; p < r1; p += kRows) {
        const int64_t rows = std::min<int64_t>(kRows, r1 - p);
        for (int64_t k0 = 0; k0 < n_cols; k0 += kChunk) {
            const int64_t kc = std::min(kChunk, n_cols - k0);
            const size_t offset = piece_offset(info, k0);
            for (int64_t r = 0; r < rows; ++r)
                unpack_row(w.type, w.row(p + r) + offset, s.w.data() + r * kStride, kc);
            // Ask for the weights of the next piece while this one is multiplied: they are
            // read once, and 12 rows at a time is more streams than the hardware follows.
            if (k0 + kChunk < n_cols)
                prefetch_piece(w, info, p, rows, k0 + kChunk);
            else if (p + kRows < r1)
                prefetch_piece(w, info, p + kRows, std::min<int64_t>(kRows, r1 - p - kRows), 0);
            for (int64_t t0 = 0; t0 < n_tok; t0 += kTokens) {
                const int64_t nt = std::min<int64_t>(kTokens, n_tok - t0);
                const int nv = nt > kLanes ? 2 : 1;
                kKernels[nv - 1][rows - 1](s.w.data(), xp + t0 * n_cols + k0 * kTokens, kc,
                                           s.tiles.data() + t0 * kRows, k0 > 0);
            }
        }
        for (int64_t t0 = 0; t0 < n_tok; t0 += kTokens) {
            write_tile(s.tiles.data() + t0 * kRows, rows, std::min<int64_t>(kTokens, n_tok - t0),
                       y + t0 * n_rows + p, n_rows);
        }
    }
}

}  // namespace lectern::cpu
