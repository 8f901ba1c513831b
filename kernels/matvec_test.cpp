// The dequantizing matrix-vector kernel for every weight type against a float64 reference
// over the CPU's dequantization (quant::dequantize_row, bit-exact ggml): odd row counts,
// three tokens, fresh random weights and inputs, output poisoned with NaN.
// Tolerance: relative L2 2e-5. Both sides decode the same float32 weights; the kernel sums
// 32 products per lane then reduces across lanes in float32: error ~ sqrt(n_cols) * 2^-24
// relative to the row norm, ~2e-6 for 768 columns, bound with 10x headroom.
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "kernels/matvec.cuh"
#include "kernels/test_support.h"
#include "quant/dequant.h"

namespace lectern::cuda {
namespace {

using testing::DeviceArray;

const DType kAllTypes[] = {DType::F32, DType::F16, DType::BF16, DType::Q8_0,
                           DType::Q4_0, DType::Q4_K, DType::Q5_K, DType::Q6_K};

std::vector<double> reference(DType type, const std::vector<uint8_t>& w, int64_t n_rows,
                              int64_t n_cols, const std::vector<float>& x, int64_t n_tok) {
    std::vector<double> y(static_cast<size_t>(n_tok * n_rows));
    std::vector<float> row(static_cast<size_t>(n_cols));
    for (int64_t r = 0; r < n_rows; ++r) {
        quant::dequantize_row(type, w.data() + row_bytes(type, n_cols) * r, row.data(), n_cols);
        for (int64_t t = 0; t < n_tok; ++t) {
            double acc = 0;
            for (int64_t c = 0; c < n_cols; ++c) acc += static_cast<double>(row[c]) * x[t * n_cols + c];
            y[t * n_rows + r] = acc;
        }
    }
    return y;
}

TEST(Kernels, MatvecEveryTypeOnOddShapes) {
    LECTERN_SKIP_WITHOUT_DEVICE();
    auto rng = testing::fresh_rng();
    for (DType type : kAllTypes) {
        // Plain types: 333 columns take the element-wise path, 776 (97 loads of 16 bytes for
        // 16-bit types, 194 for f32; not a multiple of the warp's 32) the vector path.
        const std::vector<int64_t> widths = is_quantized(type) ? std::vector<int64_t>{768}
                                                                : std::vector<int64_t>{333, 776};
        const std::pair<int64_t, int64_t> runs[] = {{1, widths.front()}, {3, widths.front()},
                                                    {2, widths.back()}};  // (n_tok, n_cols)
        for (const auto& [n_tok, n_cols] : runs) {
            const int64_t n_rows = 37;
            const auto w = testing::random_weights(rng, type, n_rows, n_cols);
            const auto x = testing::random_floats(rng, n_tok * n_cols);
            const auto ref = reference(type, w, n_rows, n_cols, x, n_tok);
            DeviceArray<uint8_t> dw(w);
            DeviceArray<float> dx(x), y(ref.size());
            ASSERT_EQ(launch_matvec(dw.get(), type, n_rows, n_cols, dx.get(), n_tok, y.get(), nullptr),
                      cudaSuccess);
            EXPECT_LT(testing::rel_l2(y.download(), ref), 2e-5)
                << dtype_name(type) << ", " << n_tok << " tokens, " << n_cols << " columns";
        }
    }
}

TEST(Kernels, MatvecRejectsColumnsOffTheBlockGrid) {
    LECTERN_SKIP_WITHOUT_DEVICE();
    DeviceArray<uint8_t> w(4096);
    DeviceArray<float> x(512), y(512);
    EXPECT_EQ(launch_matvec(w.get(), DType::Q6_K, 2, 300, x.get(), 1, y.get(), nullptr),
              cudaErrorInvalidValue);
}

}  // namespace
}  // namespace lectern::cuda
