// Sessions on the CPU backend with a random in-memory model: chunked prefill equals one
// pass, decode equals prefill, truncation, progress, cancellation from another thread, and
// the generation loop's stopping rules.
#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "lectern/engine/backend.h"
#include "lectern/engine/generate.h"
#include "lectern/engine/session.h"
#include "session/test_model.h"

namespace lectern {
namespace {

std::vector<int32_t> prompt_of(int64_t n, int32_t n_vocab) {
    std::vector<int32_t> t(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) t[static_cast<size_t>(i)] = static_cast<int32_t>((i * 37 + 11) % n_vocab);
    return t;
}

class SessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto b = make_cpu_backend(testing::make_random_model(), {.n_threads = 2});
        ASSERT_TRUE(b.ok()) << b.error().to_string();
        backend = std::move(b.value());
        n_vocab = backend->config().n_vocab;
    }
    Session make(int64_t n_ctx, int64_t chunk) {
        auto s = Session::create(*backend, {.n_ctx = n_ctx, .chunk = chunk});
        EXPECT_TRUE(s.ok());
        return std::move(s.value());
    }
    // All rows' logits of a prefill of `tokens` into a fresh session.
    std::vector<float> all_logits(const std::vector<int32_t>& tokens, int64_t chunk) {
        Session s = make(64, chunk);
        std::vector<int64_t> rows(tokens.size());
        for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int64_t>(i);
        std::vector<float> out(tokens.size() * static_cast<size_t>(n_vocab));
        PrefillOptions o;
        o.rows = rows;
        o.rows_out = out.data();
        auto r = s.prefill(tokens, o);
        EXPECT_TRUE(r.ok());
        return out;
    }
    std::unique_ptr<Backend> backend;
    int64_t n_vocab = 0;
};

// ||a - b|| / ||b|| over the whole span.
double rel_l2(std::span<const float> a, std::span<const float> b) {
    double num = 0, den = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        num += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
        den += double(b[i]) * b[i];
    }
    return std::sqrt(num / den);
}

// Chunking changes only which tokens share a forward pass. cpu::matmul may sum a many-token
// product in another order than a one-token one, so results differ by float32 rounding
// (measured ~1e-7 relative); relative L2 1e-6 is the bound every comparison here uses.
TEST_F(SessionTest, ChunkedPrefillEqualsOnePass) {
    const auto tokens = prompt_of(23, static_cast<int32_t>(n_vocab));
    const auto one = all_logits(tokens, 64);
    for (int64_t chunk : {1, 5, 8}) {
        const auto chunked = all_logits(tokens, chunk);
        EXPECT_LT(rel_l2(one, chunked), 1e-6) << "chunk " << chunk;
    }
}

TEST_F(SessionTest, DecodeEqualsPrefillAndLastLogitsAreReturned) {
    const auto tokens = prompt_of(9, static_cast<int32_t>(n_vocab));
    const auto ref = all_logits(tokens, 64);
    Session s = make(32, 4);
    auto r = s.prefill(std::span(tokens).first(6));
    ASSERT_TRUE(r.ok());
    EXPECT_LT(rel_l2(*r, std::span(ref).subspan(5 * n_vocab, n_vocab)), 1e-6);
    for (size_t i = 6; i < tokens.size(); ++i) {
        auto d = s.decode(tokens[i]);
        ASSERT_TRUE(d.ok());
        EXPECT_LT(rel_l2(*d, std::span(ref).subspan(i * n_vocab, n_vocab)), 1e-6) << i;
    }
    EXPECT_EQ(s.n_past(), 9);
    EXPECT_EQ(s.tokens(), tokens);
}

TEST_F(SessionTest, TruncateThenContinueEqualsAFreshSession) {
    const auto a = prompt_of(12, static_cast<int32_t>(n_vocab));
    auto b = a;
    b[7] = (b[7] + 1) % static_cast<int32_t>(n_vocab);
    b.push_back(3);
    Session s = make(32, 5);
    ASSERT_TRUE(s.prefill(a).ok());
    const int64_t common = s.common_prefix(b);
    EXPECT_EQ(common, 7);
    ASSERT_TRUE(s.truncate(common).ok());
    EXPECT_TRUE(s.last_logits().empty());
    auto r = s.prefill(std::span(b).subspan(static_cast<size_t>(common)));
    ASSERT_TRUE(r.ok());
    const auto ref = all_logits(b, 64);
    EXPECT_LT(rel_l2(*r, std::span(ref).subspan((b.size() - 1) * n_vocab, n_vocab)), 1e-6);
    EXPECT_FALSE(s.truncate(s.n_past() + 1).ok());
}

TEST_F(SessionTest, ProgressCountsIncreaseToTheTotal) {
    Session s = make(64, 8);
    std::vector<std::pair<int64_t, int64_t>> calls;
    PrefillOptions o;
    o.progress = [&](int64_t done, int64_t total) { calls.emplace_back(done, total); };
    ASSERT_TRUE(s.prefill(prompt_of(30, static_cast<int32_t>(n_vocab)), o).ok());
    ASSERT_EQ(calls.size(), 4u);  // chunks of 8, 8, 8, 6
    for (size_t i = 0; i < calls.size(); ++i) {
        EXPECT_EQ(calls[i].second, 30);
        if (i > 0) {
            EXPECT_GT(calls[i].first, calls[i - 1].first);
        }
    }
    EXPECT_EQ(calls.back().first, 30);
}

// Another thread sets the flag while prefill is between chunks (the progress callback holds
// the prefill until the flag is set, so the interleaving is deterministic).
TEST_F(SessionTest, CancelFromAnotherThreadStopsPrefillAndSessionStaysUsable) {
    const auto tokens = prompt_of(40, static_cast<int32_t>(n_vocab));
    Session s = make(64, 8);
    std::atomic<bool> cancel{false};
    std::atomic<bool> first_chunk_done{false};
    std::thread canceller([&] {
        while (!first_chunk_done.load()) std::this_thread::yield();
        cancel.store(true);
    });
    PrefillOptions o;
    o.cancel = &cancel;
    o.progress = [&](int64_t, int64_t) {
        first_chunk_done.store(true);
        while (!cancel.load()) std::this_thread::yield();
    };
    auto r = s.prefill(tokens, o);
    canceller.join();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Cancelled);
    EXPECT_EQ(s.n_past(), 8);  // the completed chunk stays
    ASSERT_TRUE(s.truncate(0).ok());
    auto again = s.prefill(tokens);
    ASSERT_TRUE(again.ok());
    const auto ref = all_logits(tokens, 64);
    EXPECT_LT(rel_l2(*again, std::span(ref).subspan(39 * n_vocab, n_vocab)), 1e-6);
}

TEST_F(SessionTest, CancelInsideAForwardPassLeavesEarlierPositionsIntact) {
    Session s = make(32, 8);
    const auto tokens = prompt_of(10, static_cast<int32_t>(n_vocab));
    ASSERT_TRUE(s.prefill(std::span(tokens).first(6)).ok());
    std::atomic<bool> cancel{true};
    auto d = s.decode(tokens[6], &cancel);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().code, ErrorCode::Cancelled);
    EXPECT_EQ(s.n_past(), 6);
    ASSERT_TRUE(s.prefill(std::span(tokens).subspan(6)).ok());
    const auto ref = all_logits(tokens, 64);
    EXPECT_LT(rel_l2(s.last_logits(), std::span(ref).subspan(9 * n_vocab, n_vocab)), 1e-6);
}

TEST_F(SessionTest, BadInputIsAnErrorAndChangesNothing) {
    Session s = make(8, 4);
    const std::vector<int32_t> bad = {1, 2, static_cast<int32_t>(n_vocab)};
    auto r = s.prefill(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(s.n_past(), 0);
    EXPECT_FALSE(s.prefill(prompt_of(9, static_cast<int32_t>(n_vocab))).ok());  // > n_ctx
    EXPECT_FALSE(s.prefill({}).ok());
    EXPECT_FALSE(Session::create(*backend, {.n_ctx = 0}).ok());
}

TEST_F(SessionTest, GenerateStopsAtMaxTokensStopIdsAndCallback) {
    const auto prompt = prompt_of(5, static_cast<int32_t>(n_vocab));
    Sampler greedy;
    GenerateOptions o;
    o.max_tokens = 6;
    std::vector<int32_t> seen;
    o.on_token = [&](int32_t t, std::span<const float> logits) {
        EXPECT_EQ(logits.size(), static_cast<size_t>(n_vocab));
        seen.push_back(t);
        return true;
    };
    Session s = make(32, 4);
    auto g = generate(s, prompt, greedy, o);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(g->reason, StopReason::MaxTokens);
    ASSERT_EQ(g->tokens.size(), 6u);
    EXPECT_EQ(seen, g->tokens);
    EXPECT_EQ(s.n_past(), 5 + 5);  // the last token is not decoded

    // Greedy decoding equals argmax of the teacher-forced logits.
    auto full = prompt;
    full.insert(full.end(), g->tokens.begin(), g->tokens.end() - 1);
    const auto ref = all_logits(full, 64);
    for (size_t i = 0; i < g->tokens.size(); ++i) {
        auto row = std::span(ref).subspan((prompt.size() - 1 + i) * n_vocab, n_vocab);
        EXPECT_EQ(g->tokens[i], std::max_element(row.begin(), row.end()) - row.begin());
    }

    GenerateOptions stop = o;
    stop.stop_ids = {g->tokens[2]};
    seen.clear();
    Session s2 = make(32, 4);
    auto g2 = generate(s2, prompt, greedy, stop);
    ASSERT_TRUE(g2.ok());
    EXPECT_EQ(g2->reason, StopReason::StopToken);
    EXPECT_EQ(g2->tokens.size(), static_cast<size_t>(std::find(g->tokens.begin(), g->tokens.end(), g->tokens[2]) - g->tokens.begin() + 1));

    GenerateOptions cb = o;
    cb.on_token = [](int32_t, std::span<const float>) { return false; };
    Session s3 = make(32, 4);
    auto g3 = generate(s3, prompt, greedy, cb);
    ASSERT_TRUE(g3.ok());
    EXPECT_EQ(g3->reason, StopReason::Callback);
    EXPECT_EQ(g3->tokens.size(), 1u);

    Session s4 = make(7, 4);  // room for the prompt and two generated tokens
    auto g4 = generate(s4, prompt, greedy, o);
    ASSERT_TRUE(g4.ok());
    EXPECT_EQ(g4->reason, StopReason::ContextFull);
    EXPECT_EQ(g4->tokens.size(), 3u);
}

}  // namespace
}  // namespace lectern
