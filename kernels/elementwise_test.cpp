// Element-wise and per-row kernels against their CPU twins (engine/cpu/ops.h), on odd sizes,
// fresh random inputs, outputs poisoned with NaN before each run. Tolerances:
// - embedding, add, dequantize: exact (the same float operations in the same order; the
//   decoders round each multiply and subtract separately, like the CPU).
// - rms_norm: relative L2 1e-5 (the GPU sums squares in float32 in a tree, the CPU in double:
//   the scale differs by a few float32 ulps, ~1e-6).
// - rope: 1e-6 (double angles on both sides; the GPU may fuse the rotation's multiply-adds).
// - swiglu: 1e-6 (expf within 2 ulps of the host's).
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "cpu/ops.h"
#include "kernels/add.cuh"
#include "kernels/dequantize.cuh"
#include "kernels/embedding.cuh"
#include "kernels/rms_norm.cuh"
#include "kernels/rope.cuh"
#include "kernels/swiglu.cuh"
#include "kernels/test_support.h"
#include "quant/dequant.h"
#include "quant/half.h"

namespace lectern::cuda {
namespace {

using testing::DeviceArray;
using testing::fresh_rng;
using testing::random_floats;
using testing::random_weights;
using testing::rel_l2;
using testing::widen;

const DType kAllTypes[] = {DType::F32, DType::F16, DType::BF16, DType::Q8_0,
                           DType::Q4_0, DType::Q4_K, DType::Q5_K, DType::Q6_K};

// Odd widths: 333 for plain types, 3 super-blocks (768) for block types.
int64_t odd_cols(DType t) { return is_quantized(t) ? 768 : 333; }

TEST(Kernels, EmbeddingEveryTypeIsBitExact) {
    LECTERN_SKIP_WITHOUT_DEVICE();
    auto rng = fresh_rng();
    for (DType type : kAllTypes) {
        const int64_t n_vocab = 37, d = odd_cols(type);
        const auto table = random_weights(rng, type, n_vocab, d);
        std::vector<int32_t> tokens = {36, 0, 5, 5, 17, 29, 1};
        TensorView view{"tok_embd", type, d, n_vocab, table.data()};
        std::vector<float> ref(tokens.size() * static_cast<size_t>(d));
        ASSERT_TRUE(cpu::embed_tokens(view, tokens.data(), static_cast<int64_t>(tokens.size()), ref.data()).ok());

        DeviceArray<uint8_t> dt(table);
        DeviceArray<int32_t> dtok(tokens);
        DeviceArray<float> out(ref.size());
        ASSERT_EQ(launch_embedding(dt.get(), type, n_vocab, d, dtok.get(),
                                   static_cast<int64_t>(tokens.size()), out.get(), nullptr),
                  cudaSuccess);
        EXPECT_EQ(out.download(), ref) << dtype_name(type);
    }
}

TEST(Kernels, DequantizeToSixteenBitsIsBitExact) {
    LECTERN_SKIP_WITHOUT_DEVICE();
    auto rng = fresh_rng();
    for (DType type : kAllTypes) {
        for (DType out_type : {DType::BF16, DType::F16}) {
            const int64_t n_rows = 19, n_cols = odd_cols(type);
            const auto w = random_weights(rng, type, n_rows, n_cols);
            std::vector<uint16_t> ref(static_cast<size_t>(n_rows * n_cols));
            std::vector<float> row(static_cast<size_t>(n_cols));
            for (int64_t r = 0; r < n_rows; ++r) {
                quant::dequantize_row(type, w.data() + row_bytes(type, n_cols) * r, row.data(), n_cols);
                for (int64_t c = 0; c < n_cols; ++c)
                    ref[r * n_cols + c] = out_type == DType::BF16 ? quant::f32_to_bf16(row[c])
                                                                  : quant::f32_to_f16(row[c]);
            }
            DeviceArray<uint8_t> dw(w);
            DeviceArray<uint16_t> out(ref.size());
            ASSERT_EQ(launch_dequantize(dw.get(), type, n_rows, n_cols, out.get(), out_type, nullptr),
                      cudaSuccess);
            EXPECT_EQ(out.download(), ref) << dtype_name(type) << " -> " << dtype_name(out_type);
        }
    }
}

TEST(Kernels, RmsNormWithFusedResidualAdd) {
    LECTERN_SKIP_WITHOUT_DEVICE();
    auto rng = fresh_rng();
    const int64_t n_tok = 7, d = 333;
    const float eps = 1e-5f;
    auto x = random_floats(rng, n_tok * d, -3.0f, 3.0f);
    const auto res = random_floats(rng, n_tok * d);
    const auto w = random_floats(rng, d, 0.5f, 1.5f);
    for (bool fused : {false, true}) {
        std::vector<float> x_ref = x;
        if (fused) cpu::add(x_ref.data(), res.data(), n_tok * d);
        std::vector<float> ref(x.size());
        cpu::rms_norm(x_ref.data(), w.data(), n_tok, d, eps, ref.data());

        DeviceArray<float> dx(x), dres(res), dw(w), out(x.size());
        ASSERT_EQ(launch_rms_norm(dx.get(), fused ? dres.get() : nullptr, dw.get(), n_tok, d, eps,
                                  out.get(), nullptr),
                  cudaSuccess);
        EXPECT_EQ(dx.download(), x_ref) << "residual stream, fused " << fused;
        EXPECT_LT(rel_l2(out.download(), widen(ref)), 1e-5) << "fused " << fused;
    }
}

TEST(Kernels, RopeWithLlama3FactorsAtLongPositions) {
    LECTERN_SKIP_WITHOUT_DEVICE();
    auto rng = fresh_rng();
    const int64_t n_tok = 5, n_heads = 3, head_dim = 46, pos0 = 100003;
    const double theta = 500000.0;
    const auto factors = random_floats(rng, head_dim / 2, 1.0f, 8.0f);
    for (bool scaled : {false, true}) {
        auto x = random_floats(rng, n_tok * n_heads * head_dim);
        std::vector<float> ref = x, cos(n_tok * head_dim / 2), sin(cos.size());
        cpu::rope_angles(pos0, n_tok, head_dim, theta, scaled ? factors.data() : nullptr,
                         cos.data(), sin.data());
        cpu::rope(ref.data(), n_tok, n_heads, head_dim, cos.data(), sin.data());

        DeviceArray<float> dx(x), df(factors);
        ASSERT_EQ(launch_rope(dx.get(), n_tok, n_heads, head_dim, pos0, theta,
                              scaled ? df.get() : nullptr, nullptr),
                  cudaSuccess);
        EXPECT_LT(rel_l2(dx.download(), widen(ref)), 1e-6) << "scaled " << scaled;
    }
}

TEST(Kernels, SwigluAndAdd) {
    LECTERN_SKIP_WITHOUT_DEVICE();
    auto rng = fresh_rng();
    const int64_t n = 1001;
    const auto gate = random_floats(rng, n, -6.0f, 6.0f), up = random_floats(rng, n);
    std::vector<float> ref(n);
    cpu::swiglu(gate.data(), up.data(), n, ref.data());
    DeviceArray<float> dg(gate), du(up), out(n);
    ASSERT_EQ(launch_swiglu(dg.get(), du.get(), n, out.get(), nullptr), cudaSuccess);
    EXPECT_LT(rel_l2(out.download(), widen(ref)), 1e-6);

    std::vector<float> sum = gate;
    cpu::add(sum.data(), up.data(), n);
    ASSERT_EQ(launch_add(dg.get(), du.get(), n, nullptr), cudaSuccess);
    EXPECT_EQ(dg.download(), sum);
}

TEST(Kernels, LaunchersRejectBadShapesWithoutLaunching) {
    LECTERN_SKIP_WITHOUT_DEVICE();
    DeviceArray<float> a(64), b(64);
    EXPECT_EQ(launch_rope(a.get(), 1, 1, 7, 0, 10000.0, nullptr, nullptr), cudaErrorInvalidValue);
    EXPECT_EQ(launch_rms_norm(a.get(), nullptr, b.get(), 1, 8, 1e-5f, a.get(), nullptr),
              cudaErrorInvalidValue);
    EXPECT_EQ(launch_embedding(a.get(), DType::Q4_K, 2, 100, nullptr, 1, b.get(), nullptr),
              cudaErrorInvalidValue);
    EXPECT_EQ(launch_dequantize(a.get(), DType::Q8_0, 1, 33, b.get(), DType::BF16, nullptr),
              cudaErrorInvalidValue);
}

}  // namespace
}  // namespace lectern::cuda
