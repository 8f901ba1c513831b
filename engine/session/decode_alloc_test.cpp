// The decode loop allocates nothing per token: this binary counts every operator new (on
// every thread) while tokens are decoded and sampled, after a warm-up that sizes first-use
// buffers. Any allocation the session, sampler, generation loop, attention, matmul or KV
// cache adds per token fails the test.
#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

#include <gtest/gtest.h>

#include "lectern/engine/backend.h"
#include "lectern/engine/generate.h"
#include "lectern/engine/session.h"
#include "session/test_model.h"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

// The replacement operator new allocates with malloc, so freeing with free() is matched;
// GCC cannot see that across the replacement and warns.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace lectern {
namespace {

TEST(DecodeAllocations, DecodeAndSampleAddNoAllocationPerToken) {
    auto b = make_cpu_backend(testing::make_random_model(), {.n_threads = 2});
    ASSERT_TRUE(b.ok());
    auto s = Session::create(**b, {.n_ctx = 64, .chunk = 8});
    ASSERT_TRUE(s.ok());
    const std::vector<int32_t> prompt = {3, 14, 15, 92, 65, 35};
    auto logits = s->prefill(prompt);
    ASSERT_TRUE(logits.ok());
    Sampler sampler({.temperature = 0.7f, .top_k = 20, .top_p = 0.9f, .repeat_penalty = 1.1f, .seed = 3});
    // Warm-up: first-use buffers (per-thread scratch, the sampler's candidates) are sized here.
    int32_t token = sampler.sample(*logits, s->tokens());
    for (int i = 0; i < 2; ++i) {
        logits = s->decode(token);
        ASSERT_TRUE(logits.ok());
        token = sampler.sample(*logits, s->tokens());
    }
    const long before = g_allocations.load();
    for (int i = 0; i < 10; ++i) {
        logits = s->decode(token);
        ASSERT_TRUE(logits.ok());
        token = sampler.sample(*logits, s->tokens());
    }
    EXPECT_EQ(g_allocations.load() - before, 0);
}

TEST(DecodeAllocations, GenerateAddsNoAllocationPerToken) {
    auto b = make_cpu_backend(testing::make_random_model(), {.n_threads = 2});
    ASSERT_TRUE(b.ok());
    const std::vector<int32_t> prompt = {3, 14, 15, 92, 65, 35};
    auto count = [&](int64_t n) {
        auto s = Session::create(**b, {.n_ctx = 64, .chunk = 8});
        EXPECT_TRUE(s.ok());
        Sampler sampler({.temperature = 0.9f, .seed = 5});
        GenerateOptions o;
        o.max_tokens = n;
        const long before = g_allocations.load();
        EXPECT_TRUE(generate(*s, prompt, sampler, o).ok());
        return g_allocations.load() - before;
    };
    count(4);  // warm-up
    EXPECT_EQ(count(20) - count(4), 0);
}

}  // namespace
}  // namespace lectern
