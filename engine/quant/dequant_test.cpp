// Dequantization against ggml's own to_float: for each non-F32 tensor of the llama31-tiny
// GGUF files, tests/data/gguf/*.dequant.bin holds rows dequantized by ggml. Lectern must
// reproduce them bit for bit (same arithmetic, so no tolerance).
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "gguf/gguf_file.h"
#include "quant/dequant.h"

namespace lectern::quant {
namespace {

std::vector<char> read_all(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

class DequantGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(DequantGolden, MatchesGgmlBitForBit) {
    const std::string base = std::string(LECTERN_TEST_DATA) + "/gguf/llama31-tiny-" + GetParam();
    auto file = gguf::File::open(base + ".gguf");
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    const std::vector<char> bin = read_all(base + ".dequant.bin");
    const std::vector<char> text = read_all(base + ".dequant.bin.json");
    const auto entries = nlohmann::json::parse(text.begin(), text.end());
    ASSERT_GT(entries.size(), 0u);
    int checked = 0;
    for (const auto& e : entries) {
        const std::string name = e["name"];
        const gguf::TensorInfo* t = file->find_tensor(name);
        ASSERT_NE(t, nullptr) << name;
        ASSERT_EQ(std::string(dtype_name(t->type)), e["type"].get<std::string>()) << name;
        const int64_t n_cols = t->ne[0];
        const int64_t first = e["first_row"], rows = e["rows"], offset = e["offset"];
        ASSERT_EQ(e["count"].get<int64_t>(), rows * n_cols);
        ASSERT_LE(static_cast<size_t>(offset) + rows * n_cols * sizeof(float), bin.size());
        std::vector<float> got(static_cast<size_t>(n_cols));
        for (int64_t r = 0; r < rows; ++r) {
            const uint8_t* row = t->data + row_bytes(t->type, n_cols) * static_cast<size_t>(first + r);
            dequantize_row(t->type, row, got.data(), n_cols);
            const char* want = bin.data() + offset + r * n_cols * sizeof(float);
            ASSERT_EQ(std::memcmp(got.data(), want, got.size() * sizeof(float)), 0)
                << name << " row " << first + r;
        }
        ++checked;
    }
    EXPECT_EQ(checked, static_cast<int>(entries.size()));
}

INSTANTIATE_TEST_SUITE_P(AllSchemes, DequantGolden,
                         ::testing::Values("F16", "BF16", "Q8_0", "Q4_0", "Q4_K_M", "Q5_K_M", "Q6_K"));

}  // namespace
}  // namespace lectern::quant
