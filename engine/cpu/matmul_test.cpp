// matmul against a naive reference (dequantize_row, then a double-precision dot product) for
// every weight type, odd row counts and 1, 3, 17 and 40 tokens (decode kernels, one partial
// and one full-plus-partial tile of the prefill kernel); and bit-identical results for
// 1, 2 and 3 threads.
#include "cpu/matmul.h"
#include "cpu/matmul_dot.h"
#include "cpu/matmul_unpack.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "quant/dequant.h"
#include "quant/half.h"

namespace lectern::cpu {
namespace {

// Offsets of the f16 scale fields in one block, to keep random blocks finite.
std::vector<int> f16_fields(DType type) {
    switch (type) {
    case DType::Q8_0:
    case DType::Q4_0: return {0};
    case DType::Q4_K:
    case DType::Q5_K: return {0, 2};
    case DType::Q6_K: return {208};
    default: return {};
    }
}

// Random weights of any type: random block bytes with small finite scales for quantized
// types (every bit pattern of the other fields is a valid block), normal values otherwise.
struct Weights {
    std::vector<uint8_t> bytes;
    TensorView view;
};

Weights random_weights(DType type, int64_t n_rows, int64_t n_cols, uint32_t seed) {
    std::mt19937 rng(seed);
    Weights w;
    w.bytes.resize(row_bytes(type, n_cols) * static_cast<size_t>(n_rows));
    if (quant::can_quantize(type) && !is_quantized(type)) {
        std::normal_distribution<float> dist(0.0f, 1.0f);
        std::vector<float> row(static_cast<size_t>(n_cols));
        for (int64_t r = 0; r < n_rows; ++r) {
            for (float& v : row) v = dist(rng);
            quant::quantize_row(type, row.data(), w.bytes.data() + row_bytes(type, n_cols) * r, n_cols);
        }
    } else {
        for (uint8_t& b : w.bytes) b = static_cast<uint8_t>(rng());
        const DTypeInfo info = dtype_info(type);
        std::uniform_real_distribution<float> scale(0.001f, 0.05f);
        for (size_t b = 0; b < w.bytes.size(); b += info.block_bytes) {
            for (int off : f16_fields(type)) {
                const uint16_t h = quant::f32_to_f16(scale(rng));
                std::memcpy(&w.bytes[b + off], &h, 2);
            }
        }
    }
    w.view = TensorView{"w", type, n_cols, n_rows, w.bytes.data()};
    return w;
}

std::vector<float> random_activations(int64_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    std::vector<float> v(static_cast<size_t>(n));
    for (float& x : v) x = dist(rng);
    return v;
}

struct Case {
    DType type;
    int64_t n_cols;
};

void PrintTo(const Case& c, std::ostream* os) { *os << dtype_name(c.type) << " x " << c.n_cols; }

class MatmulTest : public ::testing::TestWithParam<Case> {};

// Checks y (n_tok, n_rows) against the dequantized rows of w times x (n_tok, n_cols) in
// double precision, within `tolerance` of the sum of |products| (see below).
void expect_reference_products(const Case& c, const Weights& w, int64_t n_rows, const std::vector<float>& x,
                               int64_t n_tok, const std::vector<float>& y, double tolerance) {
    std::vector<float> row(static_cast<size_t>(c.n_cols));
    for (int64_t r = 0; r < n_rows; ++r) {
        quant::dequantize_row(c.type, w.view.row(r), row.data(), c.n_cols);
        for (int64_t t = 0; t < n_tok; ++t) {
            double ref = 0, mag = 0;
            for (int64_t k = 0; k < c.n_cols; ++k) {
                ref += double(row[k]) * x[t * c.n_cols + k];
                mag += std::fabs(double(row[k]) * x[t * c.n_cols + k]);
            }
            ASSERT_NEAR(y[t * n_rows + r], ref, tolerance * mag + 1e-30)
                << dtype_name(c.type) << " rows " << n_rows << " n_tok " << n_tok << " r " << r << " t " << t;
        }
    }
}

// Tolerance: float32 sums of n products, in any order, are within about sqrt(n) * 2^-24 of
// the sum of absolute products (5.4e-6 for the longest rows here, n = 8224, and far less for
// random signs); x's 8-bit pieces (split_pieces) add at most 2^-22 * (largest |x| of a run of
// 32 / mean |x|), under 1e-6 for normal x. 1e-5 of that sum holds both, while a wrong block,
// scale or element shows up as an error of order the products themselves.
TEST_P(MatmulTest, MatchesDequantizedReference) {
    const Case c = GetParam();
    ThreadPool pool(2);
    for (int64_t n_rows : {1, 7, 13, 67}) {
        const Weights w = random_weights(c.type, n_rows, c.n_cols, 7u + static_cast<uint32_t>(n_rows));
        for (int64_t n_tok : {1, 3, 17, 40}) {
            const std::vector<float> x = random_activations(n_tok * c.n_cols, 11u);
            std::vector<float> y(static_cast<size_t>(n_tok * n_rows), NAN);
            matmul(w.view, x.data(), n_tok, y.data(), pool);
            expect_reference_products(c, w, n_rows, x, n_tok, y, 1e-5);
        }
    }
}

// With int8 activations, the kernels that round x (rounds_x: the decode kernels of
// x_pieces() == 1, the int8 prefill kernel) give the product with x rounded by
// round_to_int8, to the float32 tolerance above; every other product stays the exact one.
TEST_P(MatmulTest, Int8ActivationsGiveTheProductWithXRounded) {
    const Case c = GetParam();
    ThreadPool pool(2);
    for (int64_t n_rows : {7, 67}) {
        const Weights w = random_weights(c.type, n_rows, c.n_cols, 5u + static_cast<uint32_t>(n_rows));
        for (int64_t n_tok : {1, 3, 17, 40}) {
            const std::vector<float> x = random_activations(n_tok * c.n_cols, 13u);
            std::vector<float> xr = x;
            if (rounds_x(c.type, Activations::Int8, n_tok)) {
                std::vector<int8_t> q(x.size());
                std::vector<float> scales(x.size() / 32);
                round_to_int8(x.data(), static_cast<int64_t>(x.size()), q.data(), scales.data());
                for (size_t i = 0; i < x.size(); ++i) xr[i] = scales[i / 32] * q[i];
            }
            std::vector<float> y(static_cast<size_t>(n_tok * n_rows), NAN);
            matmul(w.view, x.data(), n_tok, y.data(), pool, Activations::Int8);
            expect_reference_products(c, w, n_rows, xr, n_tok, y, 1e-5);
        }
    }
}

TEST_P(MatmulTest, SameResultForAnyThreadCount) {
    const Case c = GetParam();
    const int64_t n_rows = 37, n_tok = 5;
    const Weights w = random_weights(c.type, n_rows, c.n_cols, 3u);
    const std::vector<float> x = random_activations(n_tok * c.n_cols, 5u);
    for (Activations activations : {Activations::Exact, Activations::Int8}) {
        std::vector<std::vector<float>> ys;
        for (int threads : {1, 2, 3}) {
            ThreadPool pool(threads);
            for (int64_t tok : {int64_t{1}, n_tok}) {
                std::vector<float> y(static_cast<size_t>(tok * n_rows));
                matmul(w.view, x.data(), tok, y.data(), pool, activations);
                ys.push_back(std::move(y));
            }
        }
        for (size_t i = 2; i < ys.size(); ++i)
            ASSERT_EQ(std::memcmp(ys[i].data(), ys[i % 2].data(), ys[i].size() * 4), 0)
                << cpu_activations_name(activations) << " " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(
    AllTypes, MatmulTest,
    ::testing::Values(Case{DType::F32, 96}, Case{DType::F32, 100}, Case{DType::BF16, 70},
                      Case{DType::F16, 160}, Case{DType::BF16, 96},
                      Case{DType::Q8_0, 96}, Case{DType::Q8_0, 1024}, Case{DType::Q8_0, 8224},
                      Case{DType::Q4_0, 160}, Case{DType::Q4_0, 8192}, Case{DType::Q4_K, 256},
                      Case{DType::Q4_K, 768},
                      Case{DType::Q4_K, 8192}, Case{DType::Q5_K, 512}, Case{DType::Q5_K, 8192},
                      Case{DType::Q6_K, 8192},
                      Case{DType::Q6_K, 256}, Case{DType::Q6_K, 768}),
    [](const ::testing::TestParamInfo<Case>& p) {
        return std::string(dtype_name(p.param.type)) + "_" + std::to_string(p.param.n_cols);
    });

// The pieces rebuild each value within 2^-22 of its run's largest magnitude; a1 and a2 are
// unsigned bytes;
// zero runs give zero pieces and scale, non-finite values a nan scale.
TEST(SplitPieces, RebuildsEachValue) {
    std::vector<float> x = random_activations(32 * 64, 9u);
    for (int k = 0; k < 32; ++k) x[32 + k] = 0.0f;                            // a zero run
    x[64 + 5] = 1e6f;                                                          // an outlier
    for (int k = 0; k < 32; ++k) x[96 + k] *= 1e-30f;                          // tiny values
    std::vector<int8_t> pieces(x.size() / 32 * 96);
    std::vector<float> scales(x.size() / 32);
    split_pieces(x.data(), static_cast<int64_t>(x.size()), pieces.data(), scales.data());
    for (size_t i = 0; i < scales.size(); ++i) {
        float m = 0.0f;
        for (int k = 0; k < 32; ++k) m = std::max(m, std::fabs(x[32 * i + k]));
        for (int k = 0; k < 32; ++k) {
            const int8_t* p = &pieces[96 * i];
            const auto* u = reinterpret_cast<const uint8_t*>(p);
            const double v = double(scales[i]) * (p[k] * 65536.0 + u[32 + k] * 256.0 + u[64 + k]);
            ASSERT_LE(std::fabs(v - x[32 * i + k]), std::ldexp(double(m), -22)) << i << " " << k;
        }
    }
    EXPECT_EQ(scales[1], 0.0f);
    x[200] = INFINITY;
    split_pieces(x.data(), static_cast<int64_t>(x.size()), pieces.data(), scales.data());
    EXPECT_TRUE(std::isnan(scales[200 / 32]));
}

// Each value is rounded to the nearest multiple of its run's scale m / 127 (the quotient in
// float32, ties to even, as documented); zero runs give zeros, non-finite values a nan scale,
// and runs too small for 127 / m to be a float still round correctly.
TEST(RoundToInt8, RoundsEachValueToTheNearestStep) {
    std::vector<float> x = random_activations(32 * 64, 21u);
    for (int k = 0; k < 32; ++k) x[32 + k] = 0.0f;          // a zero run
    x[64 + 5] = 1e6f;                                        // an outlier
    for (int k = 0; k < 32; ++k) x[96 + k] *= 1e-30f;        // tiny values
    for (int k = 0; k < 32; ++k) x[128 + k] *= 1e-38f;       // 127 / m overflows float
    std::vector<int8_t> q(x.size());
    std::vector<float> scales(x.size() / 32);
    round_to_int8(x.data(), static_cast<int64_t>(x.size()), q.data(), scales.data());
    for (size_t i = 0; i < scales.size(); ++i) {
        float m = 0.0f;
        for (int k = 0; k < 32; ++k) m = std::max(m, std::fabs(x[32 * i + k]));
        ASSERT_EQ(scales[i], m / 127.0f) << i;
        const float inv = m > 0.0f ? 127.0f / m : 0.0f;
        for (int k = 0; k < 32; ++k) {
            const float v = x[32 * i + k];
            const double want = std::isfinite(inv) ? std::nearbyint(v * inv) : std::nearbyint(double(v) * 127.0 / m);
            ASSERT_EQ(q[32 * i + k], want) << i << " " << k;
            ASSERT_LE(std::fabs(double(scales[i]) * q[32 * i + k] - v), 0.5001 * double(scales[i]) + 1e-45) << i << " " << k;
        }
    }
    EXPECT_EQ(scales[1], 0.0f);
    EXPECT_EQ(q[32 + 7], 0);
    EXPECT_NE(q[128], 0);  // the run of values near 1e-38 is not flushed to zero
    x[200] = NAN;
    round_to_int8(x.data(), static_cast<int64_t>(x.size()), q.data(), scales.data());
    EXPECT_TRUE(std::isnan(scales[200 / 32]));
}

// The prefill path's vector dequantization gives dequantize_row's values: bit for bit where
// both compute one product per value (Q8_0, Q4_0, Q6_K, the 16-bit floats). Q4_K's
// d * q - min may be fused into one rounding instead of two: the two differ by at most 2^-24
// of d * q, which is under 1e-6 of the row's largest magnitude.
TEST(UnpackRow, EqualsDequantizeRow) {
    const int64_t n = 512;
    for (DType type : {DType::Q8_0, DType::Q4_0, DType::Q6_K, DType::F16, DType::BF16, DType::Q4_K}) {
        const Weights w = random_weights(type, 3, n, 9u);
        for (int64_t r = 0; r < 3; ++r) {
            std::vector<float> got(n), want(n);
            unpack_row(type, w.view.row(r), got.data(), n);
            quant::dequantize_row(type, w.view.row(r), want.data(), n);
            float largest = 0.0f;
            for (float v : want) largest = std::max(largest, std::fabs(v));
            for (int64_t i = 0; i < n; ++i) {
                if (type == DType::Q4_K) {
                    ASSERT_NEAR(got[i], want[i], 1e-6 * largest) << i;
                } else {
                    ASSERT_EQ(got[i], want[i]) << dtype_name(type) << " row " << r << " value " << i;
                }
            }
        }
    }
}

TEST(EmbeddingRow, EqualsDequantizedRow) {
    const Weights w = random_weights(DType::Q6_K, 9, 256, 1u);
    std::vector<float> got(256), want(256);
    embedding_row(w.view, 8, got.data());
    quant::dequantize_row(DType::Q6_K, w.view.row(8), want.data(), 256);
    EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace lectern::cpu
