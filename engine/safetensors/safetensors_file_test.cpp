// Safetensors reader over the reference shards and the tiny model's image.
#include "safetensors/safetensors_file.h"

#include <gtest/gtest.h>

#include <cstring>

#include "model/tiny_llama.h"

namespace lectern::safetensors {
namespace {

const std::string kData = LECTERN_TEST_DATA;

TEST(SafetensorsFile, ReadsAReferenceShard) {
    Result<File> f = File::open(kData + "/models/llama31-tiny/model-00002-of-00002.safetensors");
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    EXPECT_EQ(f->metadata().at("format"), "pt");
    const TensorInfo* v = f->find("model.layers.0.self_attn.v_proj.weight");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->dtype, "BF16");
    EXPECT_EQ(v->shape, (std::vector<int64_t>{128, 256}));
    EXPECT_EQ(v->size, 128u * 256u * 2u);
    const TensorInfo* norm = f->find("model.layers.1.input_layernorm.weight");
    ASSERT_NE(norm, nullptr);
    EXPECT_EQ(norm->data, v->data + v->size);  // the header's data_offsets [65536, 66048]
    EXPECT_EQ(f->find("model.layers.0.self_attn.q_proj.weight"), nullptr);  // in shard 1
}

TEST(SafetensorsFile, ParsesTheTinyImage) {
    std::vector<uint8_t> b = tiny_llama::safetensors_bytes();
    Result<File> f = File::parse(b.data(), b.size(), "tiny");
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    EXPECT_EQ(f->tensors().size(), tiny_llama::tensors().size());
    const TensorInfo* q = f->find("model.layers.0.self_attn.q_proj.weight");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->shape, (std::vector<int64_t>{32, 32}));
    float x;
    std::memcpy(&x, q->data + 4 * 5, 4);
    EXPECT_EQ(x, 1e-3f * 5.0f);  // tiny_llama::f32_values
}

TEST(SafetensorsFile, DtypeSizes) {
    EXPECT_EQ(dtype_size("BF16"), 2);
    EXPECT_EQ(dtype_size("F32"), 4);
    EXPECT_EQ(dtype_size("I64"), 8);
    EXPECT_EQ(dtype_size("Q4"), 0);
}

}  // namespace
}  // namespace lectern::safetensors
