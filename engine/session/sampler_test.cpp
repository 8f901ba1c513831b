// Sampler: greedy, seeded reproducibility, the candidate sets top-k / top-p / min-p keep, the
// repetition penalty, and that draws follow the probabilities.
#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "lectern/engine/sampler.h"

namespace lectern {
namespace {

// Logits whose softmax (temperature 1) is exactly probs.
std::vector<float> logits_for(const std::vector<double>& probs) {
    std::vector<float> l;
    for (double p : probs) l.push_back(static_cast<float>(std::log(p)));
    return l;
}

std::vector<int32_t> kept_ids(const Sampler& s) {
    std::vector<int32_t> ids;
    for (const auto& c : s.last_candidates()) ids.push_back(c.id);
    return ids;
}

TEST(Sampler, GreedyPicksTheArgmaxLowestIdOnTies) {
    Sampler s;
    const std::vector<float> l = {0.1f, 2.0f, -1.0f, 2.0f};
    EXPECT_EQ(s.sample(l, {}), 1);
    EXPECT_TRUE(s.last_candidates().empty());
}

TEST(Sampler, SameSeedSameTokensOtherSeedOtherTokens) {
    std::vector<float> l(50);
    for (size_t i = 0; i < l.size(); ++i) l[i] = std::sin(static_cast<float>(i)) * 2.0f;
    auto run = [&](uint64_t seed) {
        Sampler s({.temperature = 1.0f, .seed = seed});
        std::vector<int32_t> out;
        for (int i = 0; i < 40; ++i) out.push_back(s.sample(l, {}));
        return out;
    };
    EXPECT_EQ(run(42), run(42));
    EXPECT_NE(run(42), run(43));
    Sampler s({.temperature = 1.0f, .seed = 7});
    const int32_t first = s.sample(l, {});
    s.reseed(7);
    EXPECT_EQ(s.sample(l, {}), first);
}

TEST(Sampler, TopKKeepsTheKLargest) {
    const std::vector<float> l = {0.5f, 3.0f, -2.0f, 2.5f, 1.0f, 2.9f};
    Sampler s({.temperature = 0.8f, .top_k = 3, .seed = 1});
    const int32_t t = s.sample(l, {});
    EXPECT_EQ(kept_ids(s), (std::vector<int32_t>{1, 5, 3}));
    EXPECT_TRUE(t == 1 || t == 5 || t == 3);
    double sum = 0;
    for (const auto& c : s.last_candidates()) sum += c.p;
    EXPECT_NEAR(sum, 1.0, 1e-6);
}

TEST(Sampler, TopPKeepsTheSmallestSetReachingP) {
    const auto l = logits_for({0.15, 0.5, 0.05, 0.3});  // sorted: ids 1, 3, 0, 2
    Sampler a({.temperature = 1.0f, .top_p = 0.7f});
    a.sample(l, {});
    EXPECT_EQ(kept_ids(a), (std::vector<int32_t>{1, 3}));
    EXPECT_NEAR(a.last_candidates()[0].p, 0.5 / 0.8, 1e-6);
    Sampler b({.temperature = 1.0f, .top_p = 0.85f});
    b.sample(l, {});
    EXPECT_EQ(kept_ids(b), (std::vector<int32_t>{1, 3, 0}));
}

TEST(Sampler, MinPKeepsTokensNearTheTop) {
    const auto l = logits_for({0.15, 0.5, 0.05, 0.3});
    Sampler s({.temperature = 1.0f, .min_p = 0.25f});  // keeps p >= 0.125
    s.sample(l, {});
    EXPECT_EQ(kept_ids(s), (std::vector<int32_t>{1, 3, 0}));
    Sampler t({.temperature = 1.0f, .min_p = 0.7f});   // keeps p >= 0.35
    EXPECT_EQ(t.sample(l, {}), 1);
    EXPECT_EQ(kept_ids(t), (std::vector<int32_t>{1}));
}

TEST(Sampler, RepetitionPenaltyDividesPositiveAndMultipliesNegativeLogitsOnce) {
    const std::vector<float> l = {2.0f, 1.5f, -1.0f, 0.2f};
    const std::vector<int32_t> history = {0, 2, 0, 0};
    Sampler greedy({.repeat_penalty = 2.0f});
    EXPECT_EQ(greedy.sample(l, history), 1);  // 2.0 -> 1.0 < 1.5
    Sampler s({.temperature = 1.0f, .repeat_penalty = 2.0f});
    s.sample(l, history);
    for (const auto& c : s.last_candidates()) {
        const float want[4] = {1.0f, 1.5f, -2.0f, 0.2f};  // id 0 penalized once, not three times
        EXPECT_FLOAT_EQ(c.logit, want[c.id]) << c.id;
    }
    // Only the last repeat_last_n tokens count.
    Sampler window({.repeat_penalty = 2.0f, .repeat_last_n = 1});
    EXPECT_EQ(window.sample(l, std::vector<int32_t>{0, 2}), 0);
}

TEST(Sampler, DrawsFollowTheProbabilities) {
    const std::vector<double> p = {0.1, 0.6, 0.3};
    const auto l = logits_for(p);
    Sampler s({.temperature = 1.0f, .seed = 123});
    std::vector<int> count(3);
    const int n = 20000;
    for (int i = 0; i < n; ++i) ++count[static_cast<size_t>(s.sample(l, {}))];
    // Binomial standard deviation is at most sqrt(0.25 / n) = 0.0035; allow 5 of them.
    for (size_t i = 0; i < 3; ++i) EXPECT_NEAR(count[i] / double(n), p[i], 0.018) << i;
}

// With 5000 tokens the sampler sorts only a growing prefix; the kept sets must equal those
// of a full sort computed here.
TEST(Sampler, LargeVocabularyCutoffsMatchAFullSort) {
    std::vector<float> l(5000);
    for (size_t i = 0; i < l.size(); ++i) l[i] = 3.0f * std::sin(0.37f * static_cast<float>(i)) + 0.001f * static_cast<float>(i % 11);
    const double t = 0.8;
    std::vector<std::pair<double, int32_t>> ref;  // (probability, id), most probable first
    double mx = *std::max_element(l.begin(), l.end()), z = 0;
    for (float x : l) z += std::exp((x - mx) / t);
    for (size_t i = 0; i < l.size(); ++i) ref.emplace_back(std::exp((l[i] - mx) / t) / z, static_cast<int32_t>(i));
    std::sort(ref.begin(), ref.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (float top_p : {0.5f, 0.95f, 0.999f}) {
        size_t n = 0;
        double mass = 0;
        while (mass < top_p) mass += ref[n++].first;
        Sampler s({.temperature = static_cast<float>(t), .top_p = top_p});
        s.sample(l, {});
        ASSERT_EQ(s.last_candidates().size(), n) << top_p;
        for (size_t i = 0; i < n; ++i) EXPECT_EQ(s.last_candidates()[i].id, ref[i].second);
    }
    for (float min_p : {0.5f, 0.01f, 1e-4f}) {
        size_t n = 0;
        while (n < ref.size() && ref[n].first >= min_p * ref[0].first) ++n;
        Sampler s({.temperature = static_cast<float>(t), .min_p = min_p});
        s.sample(l, {});
        EXPECT_EQ(s.last_candidates().size(), n) << min_p;
    }
    Sampler all({.temperature = static_cast<float>(t)});
    all.sample(l, {});
    ASSERT_EQ(all.last_candidates().size(), l.size());
    double sum = 0;
    for (const auto& c : all.last_candidates()) sum += c.p;
    EXPECT_NEAR(sum, 1.0, 1e-4);
}

TEST(Sampler, TemperatureSharpensTheDistribution) {
    const auto l = logits_for({0.2, 0.8});
    Sampler hot({.temperature = 2.0f});
    hot.sample(l, {});
    Sampler cold({.temperature = 0.5f});
    cold.sample(l, {});
    // p ~ exp(l / T): at T = 0.5 the odds square (16:1), at T = 2 they take a root (2:1).
    // Without a cutoff the candidates stay in id order: id 1 is the likelier token.
    ASSERT_EQ(cold.last_candidates()[1].id, 1);
    EXPECT_NEAR(cold.last_candidates()[1].p, 16.0 / 17.0, 1e-6);
    EXPECT_NEAR(hot.last_candidates()[1].p, 2.0 / 3.0, 1e-6);
}

}  // namespace
}  // namespace lectern
