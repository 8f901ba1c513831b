// The device memory planner: sizes for Llama 3.1 8B against hand-computed figures, and the
// advice given when a plan does not fit is checked by re-planning with that advice.
#include "cuda/memory_plan.h"

#include <string>

#include <gtest/gtest.h>

namespace lectern::cuda {
namespace {

constexpr size_t kGiB = size_t{1} << 30;

ModelConfig llama_8b() {
    ModelConfig c;
    c.n_vocab = 128256;
    c.d_model = 4096;
    c.n_layer = 32;
    c.n_head = 32;
    c.n_kv_head = 8;
    c.head_dim = 128;
    c.d_ffn = 14336;
    return c;
}

TEST(MemoryPlan, KvBytesMatchTheDesignFigures) {
    // DESIGN.md: 128 KiB per token in 16 bits (16 GiB at 128K), half that in 8 bits plus scales.
    const ModelConfig c = llama_8b();
    EXPECT_EQ(kv_bytes(c, 1, KvStorage::F16), size_t{128} << 10);
    EXPECT_EQ(kv_bytes(c, 131072, KvStorage::BF16), 16 * kGiB);
    EXPECT_EQ(kv_bytes(c, 131072, KvStorage::F32), 32 * kGiB);
    EXPECT_EQ(kv_bytes(c, 1, KvStorage::Q8), size_t{2 * 32 * 8 * (128 + 4)});
}

TEST(MemoryPlan, FitsWhenFreeMemorySuffices) {
    const ModelConfig c = llama_8b();
    PlanRequest r{.n_ctx = 8192, .max_chunk = 512, .kv = KvStorage::F16,
                  .weight_bytes = size_t{4900} << 20};
    auto p = plan_device_memory(c, r, 80 * kGiB);
    ASSERT_TRUE(p.ok()) << p.error().to_string();
    EXPECT_EQ(p->kv, kGiB);  // 8192 positions x 128 KiB
    EXPECT_EQ(p->weights, r.weight_bytes);
    // Scratch is dominated by 512 rows of f32 logits (250 MiB) and stays under 1 GiB.
    EXPECT_GT(p->scratch, size_t{250} << 20);
    EXPECT_LT(p->scratch, kGiB);
    EXPECT_EQ(p->total(), p->weights + p->kv + p->scratch + p->reserve);
}

TEST(MemoryPlan, RefusesWithSizesAndAContextThatFits) {
    const ModelConfig c = llama_8b();
    const PlanRequest r{.n_ctx = 131072, .max_chunk = 512, .kv = KvStorage::F16,
                        .weight_bytes = size_t{4900} << 20};
    const size_t free_bytes = static_cast<size_t>(11.8 * static_cast<double>(kGiB));
    auto p = plan_device_memory(c, r, free_bytes);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::OutOfDeviceMemory);
    const std::string& m = p.error().message;
    EXPECT_NE(m.find("needs 21."), std::string::npos) << m;
    EXPECT_NE(m.find("11.8 GiB free"), std::string::npos) << m;
    // The 8-bit cache (8.3 GiB) does not fit beside 5.3 GiB of weights and scratch here.
    EXPECT_EQ(m.find("8-bit"), std::string::npos) << m;
    const size_t at = m.find("K context");
    ASSERT_NE(at, std::string::npos) << m;
    const size_t start = m.rfind(' ', at) + 1;
    const int64_t k = std::stoll(m.substr(start, at - start));
    // The advised context fits, and 1K more does not.
    PlanRequest advised = r;
    advised.n_ctx = k * 1024;
    EXPECT_TRUE(plan_device_memory(c, advised, free_bytes).ok()) << m;
    advised.n_ctx += 1024;
    EXPECT_FALSE(plan_device_memory(c, advised, free_bytes).ok()) << m;
}

TEST(MemoryPlan, AdvisesAnEightBitCacheWhenItFits) {
    const ModelConfig c = llama_8b();
    const PlanRequest r{.n_ctx = 131072, .max_chunk = 512, .kv = KvStorage::BF16,
                        .weight_bytes = size_t{4900} << 20};
    auto p = plan_device_memory(c, r, 20 * kGiB);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().message.find("use an 8-bit KV cache"), std::string::npos)
        << p.error().message;
    PlanRequest q8 = r;
    q8.kv = KvStorage::Q8;
    EXPECT_TRUE(plan_device_memory(c, q8, 20 * kGiB).ok());
}

TEST(MemoryPlan, SaysWhenTheWeightsAloneDoNotFit) {
    const ModelConfig c = llama_8b();
    const PlanRequest r{.n_ctx = 4096, .max_chunk = 512, .kv = KvStorage::F16,
                        .weight_bytes = 16 * kGiB};
    auto p = plan_device_memory(c, r, 8 * kGiB);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().message.find("smaller quantization"), std::string::npos)
        << p.error().message;
}

TEST(MemoryPlan, RejectsEmptyContexts) {
    auto p = plan_device_memory(llama_8b(), PlanRequest{.n_ctx = 0}, 80 * kGiB);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace lectern::cuda
