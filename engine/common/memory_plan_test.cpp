// The memory planner: sizes for Llama 3.1 8B against hand-computed figures, the advice given
// when a plan does not fit checked by re-planning with that advice, and the context a task
// gets by default (fit_context) on the host and the device.
#include "lectern/engine/memory_plan.h"

#include <string>

#include <gtest/gtest.h>

namespace lectern {
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
    // DESIGN.md: 128 KiB per token in 16 bits (16 GiB at 128K), half that in 8 bits plus
    // scales: q8_0 is 34 bytes per 32 values, 8.5 GiB at 128K.
    const ModelConfig c = llama_8b();
    EXPECT_EQ(kv_cache_bytes(c, KvType::F16, 1), size_t{128} << 10);
    EXPECT_EQ(kv_cache_bytes(c, KvType::BF16, 131072), 16 * kGiB);
    EXPECT_EQ(kv_cache_bytes(c, KvType::F32, 131072), 32 * kGiB);
    EXPECT_EQ(kv_cache_bytes(c, KvType::Q8_0, 1), size_t{2 * 32 * 8 * (128 / 32 * 34)});
    EXPECT_EQ(kv_cache_bytes(c, KvType::Q8_0, 131072), 17 * kGiB / 2);
}

TEST(MemoryPlan, FitsWhenFreeMemorySuffices) {
    const ModelConfig c = llama_8b();
    MemoryRequest r{.n_ctx = 8192, .max_chunk = 512, .kv = KvType::F16,
                  .weight_bytes = size_t{4900} << 20, .kind = MemoryKind::Device};
    auto p = plan_memory(c, r, 80 * kGiB);
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
    const MemoryRequest r{.n_ctx = 131072, .max_chunk = 512, .kv = KvType::F16,
                        .weight_bytes = size_t{4900} << 20, .kind = MemoryKind::Device};
    const size_t free_bytes = static_cast<size_t>(11.8 * static_cast<double>(kGiB));
    auto p = plan_memory(c, r, free_bytes);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::OutOfDeviceMemory);
    const std::string& m = p.error().message;
    EXPECT_NE(m.find("needs 21."), std::string::npos) << m;
    EXPECT_NE(m.find("11.8 GiB free"), std::string::npos) << m;
    // The 8-bit cache (8.5 GiB) does not fit beside 5.3 GiB of weights and scratch here.
    EXPECT_EQ(m.find("8-bit"), std::string::npos) << m;
    const size_t at = m.find("K context");
    ASSERT_NE(at, std::string::npos) << m;
    const size_t start = m.rfind(' ', at) + 1;
    const int64_t k = std::stoll(m.substr(start, at - start));
    // The advised context fits, and 1K more does not.
    MemoryRequest advised = r;
    advised.n_ctx = k * 1024;
    EXPECT_TRUE(plan_memory(c, advised, free_bytes).ok()) << m;
    advised.n_ctx += 1024;
    EXPECT_FALSE(plan_memory(c, advised, free_bytes).ok()) << m;
}

TEST(MemoryPlan, AdvisesAnEightBitCacheWhenItFits) {
    const ModelConfig c = llama_8b();
    const MemoryRequest r{.n_ctx = 131072, .max_chunk = 512, .kv = KvType::BF16,
                        .weight_bytes = size_t{4900} << 20, .kind = MemoryKind::Device};
    auto p = plan_memory(c, r, 20 * kGiB);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().message.find("use an 8-bit KV cache"), std::string::npos)
        << p.error().message;
    MemoryRequest q8 = r;
    q8.kv = KvType::Q8_0;
    EXPECT_TRUE(plan_memory(c, q8, 20 * kGiB).ok());
}

TEST(MemoryPlan, SaysWhenTheWeightsAloneDoNotFit) {
    const ModelConfig c = llama_8b();
    const MemoryRequest r{.n_ctx = 4096, .max_chunk = 512, .kv = KvType::F16,
                        .weight_bytes = 16 * kGiB, .kind = MemoryKind::Device};
    auto p = plan_memory(c, r, 8 * kGiB);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().message.find("smaller quantization"), std::string::npos)
        << p.error().message;
}

TEST(MemoryPlan, RejectsEmptyContexts) {
    auto p = plan_memory(llama_8b(), MemoryRequest{.n_ctx = 0, .kind = MemoryKind::Device}, 80 * kGiB);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::InvalidArgument);
}

// Host plans: the CPU's scratch (a row of scores per thread) and OutOfMemory, not the
// device's code, with the same advice.
TEST(MemoryPlan, HostPlansRefuseWithOutOfMemoryAndTheSameAdvice) {
    const ModelConfig c = llama_8b();
    const MemoryRequest r{.n_ctx = 131072, .max_chunk = 256, .kv = KvType::F16,
                          .weight_bytes = size_t{4900} << 20, .kind = MemoryKind::Host, .n_threads = 2};
    auto p = plan_memory(c, r, 20 * kGiB);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::OutOfMemory);
    EXPECT_NE(p.error().message.find("20.0 GiB free: use an 8-bit KV cache (--kv q8_0) or a "), std::string::npos)
        << p.error().message;
    MemoryRequest q8 = r;
    q8.kv = KvType::Q8_0;
    auto ok = plan_memory(c, q8, 20 * kGiB);
    ASSERT_TRUE(ok.ok()) << ok.error().to_string();
    // Scores: 2 threads x 8 queries x 128K positions of f32 = 8 MiB; logits 257 x 128256 f32.
    EXPECT_GT(ok->scratch, size_t{8} << 20);
    EXPECT_LT(ok->scratch, size_t{256} << 20);
}

TEST(MemoryPlan, TheDefaultContextIsTheTrainedOneWhenItFits) {
    const ModelConfig c = llama_8b();
    const MemoryRequest r{.n_ctx = 131072, .max_chunk = 256, .kv = KvType::F16,
                          .weight_bytes = size_t{4900} << 20, .kind = MemoryKind::Host};
    auto f = fit_context(c, r, false, 64 * kGiB);
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    EXPECT_EQ(f->n_ctx, 131072);
    EXPECT_EQ(f->kv, KvType::F16);
    EXPECT_NE(f->reason.find("128K"), std::string::npos) << f->reason;
}

TEST(MemoryPlan, TheDefaultContextTriesTheEightBitCacheBeforeShrinking) {
    const ModelConfig c = llama_8b();
    const MemoryRequest r{.n_ctx = 131072, .max_chunk = 256, .kv = KvType::F16,
                          .weight_bytes = size_t{4900} << 20, .kind = MemoryKind::Host};
    // 4.8 + 8.5 GiB + scratch fits in 15 GiB; 4.8 + 16 GiB does not.
    auto f = fit_context(c, r, false, 15 * kGiB);
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    EXPECT_EQ(f->n_ctx, 131072);
    EXPECT_EQ(f->kv, KvType::Q8_0);
    EXPECT_NE(f->reason.find("8-bit"), std::string::npos) << f->reason;
    // 8 GiB: the 8-bit cache at a smaller context, the largest 1K multiple that fits.
    auto g = fit_context(c, r, false, 8 * kGiB);
    ASSERT_TRUE(g.ok()) << g.error().to_string();
    EXPECT_EQ(g->kv, KvType::Q8_0);
    EXPECT_LT(g->n_ctx, 131072);
    EXPECT_EQ(g->n_ctx % 1024, 0);
    EXPECT_LE(g->plan.total(), 8 * kGiB);
    MemoryRequest more = r;
    more.kv = KvType::Q8_0;
    more.n_ctx = g->n_ctx + 1024;
    EXPECT_FALSE(plan_memory(c, more, 8 * kGiB).ok());
    EXPECT_NE(g->reason.find("lowered to"), std::string::npos) << g->reason;
    // A type the user chose is kept; only the context shrinks.
    auto h = fit_context(c, r, true, 15 * kGiB);
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(h->kv, KvType::F16);
    EXPECT_LT(h->n_ctx, 131072);
    // Nothing fits: the plan's own error.
    auto none = fit_context(c, r, false, 4 * kGiB);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::OutOfMemory);
}

TEST(MemoryPlan, KvTypesHaveNamesRowsAndShapesTheyNeed) {
    for (KvType t : {KvType::F32, KvType::F16, KvType::BF16, KvType::Q8_0})
        EXPECT_EQ(parse_kv_type(kv_type_name(t)), t);
    EXPECT_FALSE(parse_kv_type("q4_0").has_value());
    EXPECT_EQ(kv_row_bytes(KvType::Q8_0, 128), size_t{136});
    EXPECT_EQ(kv_row_bytes(KvType::BF16, 128), size_t{256});
    ModelConfig odd = llama_8b();
    odd.head_dim = 80;
    EXPECT_FALSE(kv_type_supported(odd, KvType::Q8_0));
    EXPECT_TRUE(kv_type_supported(odd, KvType::F16));
}

}  // namespace
}  // namespace lectern
