// matmul: the rows of W are split across threads. A few tokens (decode): each row is decoded
// in registers and dotted with each token (matmul_dot.cpp). More tokens (prefill): x is
// packed once, and pieces of kGemmRows rows x 512 columns are unpacked once and reused for
// every token (matmul_gemm.cpp); with int8 activations, x is rounded and packed once, and
// panels of 16 rows are unpacked to bytes and reused for every token (matmul_gemm_int8.cpp).
#include "cpu/matmul.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "cpu/matmul_dot.h"
#include "cpu/matmul_gemm.h"
#include "cpu/matmul_gemm_int8.h"
#include "quant/dequant.h"

namespace lectern::cpu {
namespace {
// Below this many tokens, decoding a row again per token is cheaper than packing panels.
constexpr int64_t kGemmMinTokens = 4;

// A product's operands, passed to the workers through one pointer so the closure fits
// std::function's inline storage: no heap allocation per product.
struct Args {
    const TensorView* w;
    const float* x;    // (n_tok, n_cols)
    float* x_packed;   // gemm: x packed for the kernel
    const PreparedX* px; // decode: each token's x as the kernels read it
    float* y;          // (n_tok, n_rows)
    int64_t n_tok, n_rows, n_cols;
    uint8_t* x_int8 = nullptr;  // int8 gemm: x rounded and packed
};

// Rows [r0, r1) for every token, a few rows at a time so that they are read from memory
// once while every token uses them.
void dot_rows_part(const Args& a, int64_t r0, int64_t r1) {
    constexpr int64_t kRows = 16;
    const size_t stride = row_bytes(a.w->type, a.n_cols);
    for (int64_t r = r0; r < r1; r += kRows) {
        const int64_t count = std::min(kRows, r1 - r);
        for (int64_t t = 0; t < a.n_tok; ++t)
            dot_rows(a.w->type, a.w->row(r), stride, count, a.px[t], a.n_cols, a.y + t * a.n_rows + r);
    }
}
}  // namespace

bool rounds_x(DType type, CpuActivations activations, int64_t n_tok) {
    if (activations != CpuActivations::Int8) return false;
    return n_tok >= kGemmMinTokens ? gemm_int8_supports(type) : x_pieces(type, activations) == 1;
}

void matmul(const TensorView& w, const float* x, int64_t n_tok, float* y, ThreadPool& pool,
            CpuActivations activations) {
    const int64_t n_cols = w.n_cols, n_rows = w.n_rows;
    if (n_tok >= kGemmMinTokens && rounds_x(w.type, activations, n_tok)) {
        thread_local std::vector<uint8_t> x_int8;
        x_int8.resize(gemm_int8_packed_x_bytes(n_tok, n_cols));
        Args a{&w, x, nullptr, nullptr, y, n_tok, n_rows, n_cols};
        a.x_int8 = x_int8.data();
        pool.parallel_for(
            n_tok, [p = &a](int64_t t0, int64_t t1, int) { gemm_int8_pack_x(p->x, p->n_tok, p->n_cols, t0, t1, p->x_int8); },
            kGemmInt8Tokens);
        pool.parallel_for(
            n_rows, [p = &a](int64_t r0, int64_t r1, int) { gemm_int8_rows(*p->w, p->x_int8, p->n_tok, p->y, r0, r1); },
            16);
        return;
    }
    if (n_tok >= kGemmMinTokens) {
        // x packed for the kernel, kept by the calling thread between calls.
        // (A thread_local is not captured: the workers use this thread's buffer through xp.)
        thread_local std::vector<float> x_packed;
        x_packed.resize(static_cast<size_t>(gemm_packed_x_size(n_tok, n_cols)));
        float* xp = x_packed.data();
        const Args a{&w, x, xp, nullptr, y, n_tok, n_rows, n_cols};
        pool.parallel_for(
            n_tok, [p = &a](int64_t t0, int64_t t1, int) { gemm_pack_x(p->x, p->n_tok, p->n_cols, t0, t1, p->x_packed); },
            kGemmTokens);
        pool.parallel_for(
            n_rows, [p = &a](int64_t r0, int64_t r1, int) { gemm_rows(*p->w, p->x_packed, p->n_tok, p->y, r0, r1); },
            kGemmRows);
        return;
    }
    // Each token's x prepared for the kernels (sums, 8-bit pieces), in a buffer kept by the
    // calling thread between calls.
    thread_local std::vector<uint64_t> scratch;
    PreparedX px[kGemmMinTokens];
    const size_t per_tok = prepared_x_bytes(w.type, n_cols, activations);
    scratch.resize((per_tok * static_cast<size_t>(n_tok) + 64) / 8);
    auto* base = reinterpret_cast<uint8_t*>((reinterpret_cast<uintptr_t>(scratch.data()) + 63) / 64 * 64);
    for (int64_t t = 0; t < n_tok; ++t)
        px[t] = prepare_x(w.type, x + t * n_cols, n_cols, base + per_tok * static_cast<size_t>(t), activations);
    const Args a{&w, x, nullptr, px, y, n_tok, n_rows, n_cols};
    pool.parallel_for(n_rows, [p = &a](int64_t r0, int64_t r1, int) { dot_rows_part(*p, r0, r1); }, 16);
}

void embedding_row(const TensorView& w, int64_t token, float* out) {
    quant::dequantize_row(w.type, w.row(token), out, w.n_cols);
}

}  // namespace lectern::cpu
