// Quantization round trips: exact for F16/BF16 values, ggml-identical bytes for Q8_0 on
// ggml-quantized data, and bounded error for random data in every quantizable type.
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "gguf/gguf_file.h"
#include "quant/dequant.h"
#include "quant/half.h"

namespace lectern::quant {
namespace {

std::vector<float> normal_values(int64_t n, float sigma, uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, sigma);
    std::vector<float> v(static_cast<size_t>(n));
    for (float& x : v) x = dist(rng);
    return v;
}

// Relative RMS error of dequantize(quantize(x)).
double round_trip_error(DType type, const std::vector<float>& x) {
    const int64_t n = static_cast<int64_t>(x.size());
    std::vector<uint8_t> bytes(row_bytes(type, n));
    EXPECT_TRUE(quantize_row(type, x.data(), bytes.data(), n));
    std::vector<float> back(x.size());
    dequantize_row(type, bytes.data(), back.data(), n);
    double err = 0, ref = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        err += (back[i] - x[i]) * double(back[i] - x[i]);
        ref += double(x[i]) * x[i];
    }
    return std::sqrt(err / ref);
}

TEST(Half, EveryF16AndBf16ValueRoundTrips) {
    for (uint32_t h = 0; h < 65536; ++h) {
        const uint16_t b = static_cast<uint16_t>(h);
        if ((b & 0x7c00) != 0x7c00 || (b & 0x3ff) == 0) {  // skip NaNs
            ASSERT_EQ(f32_to_f16(f16_to_f32(b)), b) << h;
        }
        if ((b & 0x7f80) != 0x7f80 || (b & 0x7f) == 0) {
            ASSERT_EQ(f32_to_bf16(bf16_to_f32(b)), b) << h;
        }
    }
}

TEST(Half, RoundsToNearestEven) {
    EXPECT_EQ(f32_to_bf16(1.0f + 0x1p-8f), 0x3f80);        // tie -> even (1.0)
    EXPECT_EQ(f32_to_bf16(1.0f + 3 * 0x1p-8f), 0x3f82);    // tie -> even (up)
    EXPECT_EQ(f32_to_f16(1.0f + 0x1p-11f), 0x3c00);
    EXPECT_EQ(f32_to_f16(1.0f + 3 * 0x1p-11f), 0x3c02);
    EXPECT_EQ(f32_to_f16(65520.0f), 0x7c00);               // rounds past the largest half
    EXPECT_EQ(f32_to_f16(0x1p-25f + 0x1p-30f), 0x0001);    // just above half the least subnormal
    EXPECT_EQ(f16_to_f32(0x0001), 0x1p-24f);
}

// Bounds: F16 keeps 11 significant bits (relative error <= 2^-12 per value), BF16 8 bits
// (<= 2^-9); Q8_0 steps are amax/127 per 32 values, about 1% of sigma for normal data; the
// 4-bit types step about a third of sigma (uniform rounding error: step / sqrt(12)).
TEST(Quantize, RoundTripErrorIsBounded) {
    const std::vector<float> x = normal_values(4096, 0.02f, 1);
    EXPECT_LT(round_trip_error(DType::F32, x), 1e-12);
    EXPECT_LT(round_trip_error(DType::F16, x), 0x1p-12);
    EXPECT_LT(round_trip_error(DType::BF16, x), 0x1p-9);
    EXPECT_LT(round_trip_error(DType::Q8_0, x), 0.012);
    EXPECT_LT(round_trip_error(DType::Q4_0, x), 0.12);
    EXPECT_LT(round_trip_error(DType::Q4_K, x), 0.12);
    // And they do lose precision (the test would see a quantizer that copied floats).
    EXPECT_GT(round_trip_error(DType::Q4_K, x), 0.02);
}

TEST(Quantize, ZerosStayZero) {
    const std::vector<float> x(512, 0.0f);
    for (DType t : {DType::Q8_0, DType::Q4_0, DType::Q4_K}) {
        std::vector<uint8_t> bytes(row_bytes(t, 512));
        ASSERT_TRUE(quantize_row(t, x.data(), bytes.data(), 512));
        std::vector<float> back(512, 1.0f);
        dequantize_row(t, bytes.data(), back.data(), 512);
        for (float v : back) ASSERT_EQ(v, 0.0f) << dtype_name(t);
    }
}

TEST(Quantize, RefusesTypesWithoutAQuantizer) {
    const std::vector<float> x(256, 1.0f);
    std::vector<uint8_t> bytes(row_bytes(DType::Q6_K, 256), 7);
    EXPECT_FALSE(can_quantize(DType::Q6_K));
    EXPECT_FALSE(quantize_row(DType::Q6_K, x.data(), bytes.data(), 256));
    EXPECT_FALSE(quantize_row(DType::Q5_K, x.data(), bytes.data(), 256));
    EXPECT_EQ(bytes[0], 7);
}

// ggml's Q8_0 scale is amax / 127 and the largest value quantizes to +-127, so quantizing a
// dequantized ggml row reproduces its bytes exactly.
TEST(Quantize, Q8_0RequantizesGgmlRowsExactly) {
    auto file = gguf::File::open(std::string(LECTERN_TEST_DATA) + "/gguf/llama31-tiny-Q8_0.gguf");
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    const gguf::TensorInfo* t = file->find_tensor("blk.0.ffn_down.weight");
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->type, DType::Q8_0);
    const int64_t n = t->ne[0];
    const size_t rb = row_bytes(t->type, n);
    std::vector<float> row(static_cast<size_t>(n));
    std::vector<uint8_t> bytes(rb);
    for (int64_t r = 0; r < t->ne[1]; ++r) {
        const uint8_t* src = t->data + rb * static_cast<size_t>(r);
        dequantize_row(t->type, src, row.data(), n);
        ASSERT_TRUE(quantize_row(t->type, row.data(), bytes.data(), n));
        ASSERT_EQ(std::memcmp(bytes.data(), src, rb), 0) << "row " << r;
    }
}

}  // namespace
}  // namespace lectern::quant
