// matmul: splits the rows of W across threads; each thread dequantizes one row at a time
// into a small buffer (n_cols floats) and takes its dot product with every token.
#include "cpu/matmul.h"

#include <vector>

#include "quant/dequant.h"

namespace lectern::cpu {
namespace {

float dot_f32(const float* a, const float* b, int64_t n) {
    float s = 0.0f;
    for (int64_t i = 0; i < n; ++i) s += a[i] * b[i];
    return s;
}

}  // namespace

void matmul(const TensorView& w, const float* x, int64_t n_tok, float* y, ThreadPool& pool) {
    const int64_t n_cols = w.n_cols, n_rows = w.n_rows;
    pool.parallel_for(n_rows, [&](int64_t r0, int64_t r1, int) {
        thread_local std::vector<float> row;
        row.resize(static_cast<size_t>(n_cols));
        for (int64_t r = r0; r < r1; ++r) {
            quant::dequantize_row(w.type, w.row(r), row.data(), n_cols);
            for (int64_t t = 0; t < n_tok; ++t)
                y[t * n_rows + r] = dot_f32(row.data(), x + t * n_cols, n_cols);
        }
    });
}

void embedding_row(const TensorView& w, int64_t token, float* out) {
    quant::dequantize_row(w.type, w.row(token), out, w.n_cols);
}

}  // namespace lectern::cpu
