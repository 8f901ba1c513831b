// Prefill matmul: panel packing and the register-tiled micro-kernel.
//
// Micro-kernel tile: kGemmRows rows (two vectors of lanes) x kTokens tokens of y, held in
// 2 * kTokens vector accumulators; per column k it loads two vectors of the packed panel and
// broadcasts x[t][k] for each token (AVX-512: 24 accumulators of 16 lanes; AVX2: 12 of 8).
// Each (row, token) sum runs over k in order within a 512-column chunk; chunks are added in
// order into y, so results do not depend on how rows are split between threads.
#include "cpu/matmul_gemm.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "cpu/matmul_simd.h"
#include "quant/dequant.h"

namespace lectern::cpu {
namespace {

#if defined(__AVX512F__)
using Vec = simd::f32x16;
constexpr int kTokens = 12;
#else
using Vec = simd::f32x8;
constexpr int kTokens = 6;
#endif
constexpr int kLanes = static_cast<int>(sizeof(Vec) / sizeof(float));
constexpr int kRows = static_cast<int>(kGemmRows);
static_assert(kRows == 2 * kLanes);
constexpr int64_t kChunk = 512;  // columns per panel: a multiple of every block size

// panel: (kc, kRows) f32 = columns [k0, k0 + kc) of rows [p, p + kRows) of w, transposed;
// rows at or past r1 are zero. row: kc floats of scratch.
void pack_panel(const TensorView& w, int64_t p, int64_t r1, int64_t k0, int64_t kc,
                float* panel, float* row) {
    const DTypeInfo info = dtype_info(w.type);
    const size_t offset = static_cast<size_t>(k0 / info.block_size) * info.block_bytes;
    for (int i = 0; i < kRows; ++i) {
        if (p + i < r1) {
            quant::dequantize_row(w.type, w.row(p + i) + offset, row, kc);
            for (int64_t k = 0; k < kc; ++k) panel[k * kRows + i] = row[k];
        } else {
            for (int64_t k = 0; k < kc; ++k) panel[k * kRows + i] = 0.0f;
        }
    }
}

// c: (NT, kRows) = the tile's partial sums over kc columns. x: token rows with stride ldx.
template <int NT>
void micro_kernel(const float* panel, const float* x, int64_t ldx, int64_t kc, float* c) {
    Vec acc[NT][2] = {};
    for (int64_t k = 0; k < kc; ++k) {
        const Vec w0 = simd::load<Vec>(panel + k * kRows);
        const Vec w1 = simd::load<Vec>(panel + k * kRows + kLanes);
#pragma GCC unroll 16
        for (int t = 0; t < NT; ++t) {
            const float xv = x[t * ldx + k];
            acc[t][0] += w0 * xv;
            acc[t][1] += w1 * xv;
        }
    }
#pragma GCC unroll 16
    for (int t = 0; t < NT; ++t) {
        simd::store(c + t * kRows, acc[t][0]);
        simd::store(c + t * kRows + kLanes, acc[t][1]);
    }
}

using Kernel = void (*)(const float*, const float*, int64_t, int64_t, float*);

template <size_t... I>
constexpr std::array<Kernel, sizeof...(I)> make_kernels(std::index_sequence<I...>) {
    return {&micro_kernel<static_cast<int>(I) + 1>...};
}
// kKernels[n - 1] handles a tile of n tokens.
constexpr auto kKernels = make_kernels(std::make_index_sequence<kTokens>());

struct Scratch {
    std::vector<float> panel;  // (kChunk, kRows)
    std::vector<float> row;    // (kChunk)
    std::vector<float> tile;   // (kTokens, kRows)
};

Scratch& scratch() {
    thread_local Scratch s{std::vector<float>(kChunk * kRows), std::vector<float>(kChunk),
                           std::vector<float>(kTokens * kRows)};
    return s;
}

}  // namespace

void gemm_rows(const TensorView& w, const float* x, int64_t n_tok, float* y, int64_t r0,
               int64_t r1) {
    Scratch& s = scratch();
    const int64_t n_cols = w.n_cols, n_rows = w.n_rows;
    for (int64_t p = r0; p < r1; p += kRows) {
        const int64_t rows = std::min<int64_t>(kRows, r1 - p);
        for (int64_t k0 = 0; k0 < n_cols; k0 += kChunk) {
            const int64_t kc = std::min(kChunk, n_cols - k0);
            pack_panel(w, p, r1, k0, kc, s.panel.data(), s.row.data());
            for (int64_t t0 = 0; t0 < n_tok; t0 += kTokens) {
                const int nt = static_cast<int>(std::min<int64_t>(kTokens, n_tok - t0));
                kKernels[nt - 1](s.panel.data(), x + t0 * n_cols + k0, n_cols, kc, s.tile.data());
                for (int t = 0; t < nt; ++t) {
                    float* out = y + (t0 + t) * n_rows + p;
                    const float* c = s.tile.data() + t * kRows;
                    if (k0 == 0) {
                        for (int64_t i = 0; i < rows; ++i) out[i] = c[i];
                    } else {
                        for (int64_t i = 0; i < rows; ++i) out[i] += c[i];
                    }
                }
            }
        }
    }
}

}  // namespace lectern::cpu
