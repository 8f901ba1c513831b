// Unit tests of the CPU forward-pass ops on small hand-made tensors, against straightforward
// double-precision versions written out here, over odd sizes.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "cpu/attention.h"
#include "cpu/attention_simd.h"
#include "cpu/kv_cache.h"
#include "cpu/ops.h"

namespace lectern::cpu {
namespace {

std::vector<float> random_vec(size_t n, uint32_t seed, float scale = 1.0f) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> d(0.0f, scale);
    std::vector<float> v(n);
    for (float& x : v) x = d(rng);
    return v;
}

TEST(CpuOps, RmsNormMatchesDefinition) {
    const int64_t n_tok = 3, d = 37;
    auto x = random_vec(n_tok * d, 1, 3.0f);
    auto w = random_vec(d, 2);
    std::vector<float> out(x.size());
    rms_norm(x.data(), w.data(), n_tok, d, 1e-5f, out.data());
    for (int64_t t = 0; t < n_tok; ++t) {
        double ss = 0;
        for (int64_t i = 0; i < d; ++i) ss += double(x[t * d + i]) * x[t * d + i];
        const double scale = 1.0 / std::sqrt(ss / d + 1e-5);
        for (int64_t i = 0; i < d; ++i)
            EXPECT_NEAR(out[t * d + i], x[t * d + i] * scale * w[i], 1e-5 * std::abs(x[t * d + i] * scale * w[i]) + 1e-7);
    }
    // In place gives the same.
    rms_norm(x.data(), w.data(), n_tok, d, 1e-5f, x.data());
    EXPECT_EQ(x, out);
}

TEST(CpuOps, RopeRotatesInterleavedPairsWithFactorsAtLargePositions) {
    const int64_t head_dim = 10, half = 5, n_heads = 3, n_tok = 2, pos0 = 9000;
    const double theta = 500000.0;
    const std::vector<float> factors = {1.0f, 1.0f, 2.5f, 8.0f, 8.0f};
    auto x = random_vec(n_tok * n_heads * head_dim, 3);
    const auto orig = x;
    std::vector<float> c(n_tok * half), s(n_tok * half);
    rope_angles(pos0, n_tok, head_dim, theta, factors.data(), c.data(), s.data());
    rope(x.data(), n_tok, n_heads, head_dim, c.data(), s.data());
    for (int64_t t = 0; t < n_tok; ++t) {
        for (int64_t h = 0; h < n_heads; ++h) {
            for (int64_t i = 0; i < half; ++i) {
                const double ang = double(pos0 + t) * std::pow(theta, -2.0 * i / head_dim) / factors[i];
                const size_t b = (t * n_heads + h) * head_dim + 2 * i;
                const double x0 = orig[b], x1 = orig[b + 1];
                EXPECT_NEAR(x[b], x0 * std::cos(ang) - x1 * std::sin(ang), 1e-6);
                EXPECT_NEAR(x[b + 1], x0 * std::sin(ang) + x1 * std::cos(ang), 1e-6);
            }
        }
    }
}

TEST(CpuOps, SwigluSoftmaxDotAxpy) {
    const std::vector<float> g = {-3.0f, -0.5f, 0.0f, 0.7f, 4.0f};
    const std::vector<float> u = {2.0f, 1.0f, 5.0f, -1.0f, 0.5f};
    std::vector<float> out(5);
    swiglu(g.data(), u.data(), 5, out.data());
    for (size_t i = 0; i < 5; ++i) EXPECT_NEAR(out[i], g[i] / (1 + std::exp(-double(g[i]))) * u[i], 1e-6);

    std::vector<float> p = {1000.0f, 1001.0f, 999.0f};  // overflows without the max shift
    softmax(p.data(), 3);
    const double z = std::exp(-1.0) + 1 + std::exp(-2.0);
    EXPECT_NEAR(p[0], std::exp(-1.0) / z, 1e-6);
    EXPECT_NEAR(p[1], 1 / z, 1e-6);
    EXPECT_NEAR(p[2], std::exp(-2.0) / z, 1e-6);

    auto a = random_vec(29, 4), b = random_vec(29, 5);
    double ref = 0;
    for (int i = 0; i < 29; ++i) ref += double(a[i]) * b[i];
    EXPECT_NEAR(dot(a.data(), b.data(), 29), ref, 1e-5);
    std::vector<float> y = b;
    axpy(0.5f, a.data(), y.data(), 29);
    for (int i = 0; i < 29; ++i) EXPECT_FLOAT_EQ(y[i], b[i] + 0.5f * a[i]);
}

// 37 values: the vector path (8 at a time) and the scalar tail, over gates from -100 to 100
// (exp saturates at both ends).
TEST(CpuOps, SwigluVectorPathMatchesDefinition) {
    std::vector<float> g, u;
    for (int i = 0; i < 37; ++i) {
        g.push_back(-100.0f + 200.0f * static_cast<float>(i) / 36.0f + (i % 3 == 0 ? 0.3f : 0.0f));
        u.push_back(0.5f + 0.1f * static_cast<float>(i % 7));
    }
    g[5] = 0.25f;
    g[6] = -1.5f;
    std::vector<float> out(37);
    swiglu(g.data(), u.data(), 37, out.data());
    for (size_t i = 0; i < 37; ++i) {
        const double ref = g[i] / (1 + std::exp(-double(g[i]))) * u[i];
        EXPECT_NEAR(out[i], ref, 2e-6 * std::abs(ref) + 1e-30) << g[i];
    }
}

TEST(CpuOps, EmbedTokensRejectsIdsOutsideTheVocabulary) {
    std::vector<float> table = {1, 2, 3, 4, 5, 6};  // (3 tokens, d_model 2) f32
    TensorView t{"token_embd.weight", DType::F32, 2, 3, table.data()};
    const int32_t ok[2] = {2, 0};
    std::vector<float> out(4);
    ASSERT_TRUE(embed_tokens(t, ok, 2, out.data()).ok());
    EXPECT_EQ(out, (std::vector<float>{5, 6, 1, 2}));
    const int32_t bad[1] = {3};
    Status s = embed_tokens(t, bad, 1, out.data());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::InvalidArgument);
    const int32_t neg[1] = {-1};
    EXPECT_FALSE(embed_tokens(t, neg, 1, out.data()).ok());
}

// Attention over a cache of each type against a double-precision softmax(q K^T / sqrt(d)) V
// computed from the f32 inputs. Tolerances: f32 accumulates in float (1e-5); a 16-bit cache
// rounds K and V (f16: 2^-11 relative, bf16: 2^-8), which bounds the output error.
void check_attention(KvType type, double tol, int64_t head_dim, int64_t n_keys) {
    const int64_t n_kv_head = 2, n_ctx = n_keys + 2;
    auto kv = KvCache::create(1, n_kv_head, n_ctx, head_dim, type);
    ASSERT_TRUE(kv.ok());
    auto k = random_vec(n_keys * n_kv_head * head_dim, 6);
    auto v = random_vec(n_keys * n_kv_head * head_dim, 7);
    // Store in two parts, as prefill chunks would.
    const int64_t first = std::min<int64_t>(5, n_keys);
    kv->store(0, 0, first, k.data(), v.data());
    kv->store(0, first, n_keys - first, k.data() + first * n_kv_head * head_dim,
              v.data() + first * n_kv_head * head_dim);
    auto q = random_vec(head_dim, 8);
    const int64_t head = 1;
    std::vector<float> scores(n_ctx), out(head_dim);
    attend_one(q.data(), kv->keys(0, head), kv->values(0, head), type, n_keys, head_dim,
               scores.data(), out.data());
    std::vector<double> s(n_keys);
    double mx = -1e300, z = 0;
    for (int64_t j = 0; j < n_keys; ++j) {
        double d = 0;
        for (int64_t i = 0; i < head_dim; ++i) d += double(q[i]) * k[(j * n_kv_head + head) * head_dim + i];
        s[j] = d / std::sqrt(double(head_dim));
        mx = std::max(mx, s[j]);
    }
    for (double& x : s) z += (x = std::exp(x - mx));
    for (int64_t i = 0; i < head_dim; ++i) {
        double ref = 0;
        for (int64_t j = 0; j < n_keys; ++j) ref += s[j] / z * v[(j * n_kv_head + head) * head_dim + i];
        EXPECT_NEAR(out[i], ref, tol) << kv_type_name(type) << " element " << i;
    }
}

TEST(CpuAttention, MatchesDoublePrecisionReference) {
    // head_dim 12 takes the scalar paths, 64 and 128 the vector ones (8- and 16-wide), 40 the
    // 16-wide loop and an 8-wide remainder; 19 and 67 keys leave remainders. q8_0 rounds each
    // value by up to 1/254 of its block's largest magnitude (the inputs are standard normal:
    // a block's largest of 32 is under 3.5, so 1.4e-2 absolute), which bounds the output
    // error likewise (with one key the output is the rounded value row itself); it needs
    // head_dim % 32 == 0.
    for (int64_t head_dim : {12, 40, 64, 128}) {
        for (int64_t n_keys : {1, 19, 67}) {
            check_attention(KvType::F32, 1e-5, head_dim, n_keys);
            check_attention(KvType::F16, 3e-3, head_dim, n_keys);
            check_attention(KvType::BF16, 2e-2, head_dim, n_keys);
            if (head_dim % 32 == 0) check_attention(KvType::Q8_0, 2e-2, head_dim, n_keys);
        }
    }
    EXPECT_FALSE(KvCache::create(1, 1, 8, 40, KvType::Q8_0).ok()) << "q8_0 blocks cannot tile head_dim 40";
}

// A tile of queries with different key counts gives what each query gives alone.
// (A wrong key count or mixed-up rows would move outputs by ~0.1.)
TEST(CpuAttention, TileEqualsQueriesOneByOne) {
    const int64_t head_dim = 64, n_ctx = 40;
    auto kv = KvCache::create(1, 1, n_ctx, head_dim, KvType::F32);
    ASSERT_TRUE(kv.ok());
    auto k = random_vec(n_ctx * head_dim, 9), v = random_vec(n_ctx * head_dim, 10);
    kv->store(0, 0, n_ctx, k.data(), v.data());
    const int n_q = 6;
    const int64_t n_keys[n_q] = {1, 7, 8, 9, 33, 40};
    auto qs = random_vec(n_q * head_dim, 11);
    std::vector<float> outs(n_q * head_dim), scores(n_q * n_ctx);
    const float* q[n_q];
    float* out[n_q];
    for (int i = 0; i < n_q; ++i) {
        q[i] = qs.data() + i * head_dim;
        out[i] = outs.data() + i * head_dim;
    }
    attend_tile(q, n_keys, n_q, kv->keys(0, 0), kv->values(0, 0), KvType::F32, head_dim,
                scores.data(), n_ctx, out);
    std::vector<float> one(head_dim);
    for (int i = 0; i < n_q; ++i) {
        attend_one(q[i], kv->keys(0, 0), kv->values(0, 0), KvType::F32, n_keys[i], head_dim,
                   scores.data(), one.data());
        // Alone, a query with fewer than 8 keys takes the scalar dot product instead of the
        // 8-key one: the same sums in another order, so float32 rounding apart.
        for (int64_t d = 0; d < head_dim; ++d) EXPECT_NEAR(out[i][d], one[d], 1e-6) << i << " " << d;
    }
}

// A decode step's tile: the 4 query heads of a GQA group at one position, against the
// double-precision reference per query, with check_attention's tolerances; 131 keys leave 3
// after the last block of 8.
TEST(CpuAttention, DecodeTileOfAGroupMatchesTheReference) {
    struct Case {
        KvType type;
        double tol;
    };
    for (const Case c : {Case{KvType::F32, 1e-5}, Case{KvType::F16, 3e-3}, Case{KvType::BF16, 2e-2},
                         Case{KvType::Q8_0, 2e-2}}) {
        for (int64_t head_dim : {64, 128}) {
            for (int64_t n_keys : {1, 4, 64, 131}) {
                auto kv = KvCache::create(1, 1, n_keys, head_dim, c.type);
                ASSERT_TRUE(kv.ok());
                auto k = random_vec(n_keys * head_dim, 21), v = random_vec(n_keys * head_dim, 22);
                kv->store(0, 0, n_keys, k.data(), v.data());
                const int n_q = 4;
                auto qs = random_vec(n_q * head_dim, 23);
                std::vector<float> outs(n_q * head_dim), scores(n_q * n_keys);
                const float* q[n_q];
                float* out[n_q];
                int64_t keys[n_q];
                for (int i = 0; i < n_q; ++i) {
                    q[i] = qs.data() + i * head_dim;
                    out[i] = outs.data() + i * head_dim;
                    keys[i] = n_keys;
                }
                attend_tile(q, keys, n_q, kv->keys(0, 0), kv->values(0, 0), c.type, head_dim, scores.data(), n_keys,
                            out);
                for (int i = 0; i < n_q; ++i) {
                    std::vector<double> s(n_keys);
                    double mx = -1e300, z = 0;
                    for (int64_t j = 0; j < n_keys; ++j) {
                        double d = 0;
                        for (int64_t x = 0; x < head_dim; ++x) d += double(q[i][x]) * k[j * head_dim + x];
                        s[j] = d / std::sqrt(double(head_dim));
                        mx = std::max(mx, s[j]);
                    }
                    for (double& x : s) z += (x = std::exp(x - mx));
                    for (int64_t x = 0; x < head_dim; ++x) {
                        double ref = 0;
                        for (int64_t j = 0; j < n_keys; ++j) ref += s[j] / z * v[j * head_dim + x];
                        ASSERT_NEAR(out[i][x], ref, c.tol)
                            << kv_type_name(c.type) << " head_dim " << head_dim << " keys " << n_keys << " query " << i;
                    }
                }
            }
        }
    }
}

TEST(CpuAttention, VectorExpIsFloatAccurate) {
    std::vector<float> x;
    for (int i = 0; i <= 2000; ++i) x.push_back(-100.0f + 0.05f * static_cast<float>(i));
    const auto orig = x;
    const float mx = 0.0f;
    const float sum = simd::exp_shifted_sum(x.data(), static_cast<int64_t>(x.size()), mx);
    double ref_sum = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        const double e = std::exp(double(orig[i]) - mx);
        ref_sum += e;
        // Cephes expf: within a few float ulps; inputs below -88 flush towards 0.
        EXPECT_NEAR(x[i], e, 4e-7 * e + 1e-38) << orig[i];
    }
    EXPECT_NEAR(sum, ref_sum, 1e-6 * ref_sum);
}

TEST(CpuKvCache, RejectsBadDimensions) {
    EXPECT_FALSE(KvCache::create(1, 0, 16, 8, KvType::F32).ok());
    EXPECT_FALSE(KvCache::create(1, 1, 0, 8, KvType::F32).ok());
    auto c = KvCache::create(2, 3, 5, 4, KvType::F16);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->bytes(), size_t(2) * 2 * 3 * 5 * 4 * 2);
}

}  // namespace
}  // namespace lectern::cpu
