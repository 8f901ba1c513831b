// The benchmark's pieces on the tiny shape: synthetic models are complete and runnable, the
// bytes-per-token count is right, and a short run reports positive speeds and bandwidth.
// (This checks that the benchmark works, not how fast anything is.)
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "cpu/cpu_backend.h"
#include "lectern/bench/cpu_bench.h"
#include "lectern/bench/synthetic_model.h"
#include "lectern/engine/weight_types.h"
#include "quant/dequant.h"

namespace lectern::bench {
namespace {

TEST(SyntheticModel, ShapesOfRealModels) {
    auto one_b = synthetic_config("1b");
    ASSERT_TRUE(one_b.ok());
    EXPECT_EQ(one_b->n_layer, 16);
    EXPECT_EQ(one_b->d_model, 2048);
    EXPECT_EQ(one_b->n_vocab, 128256);
    EXPECT_TRUE(one_b->tied_embeddings);
    auto eight_b = synthetic_config("8b");
    ASSERT_TRUE(eight_b.ok());
    EXPECT_EQ(eight_b->head_dim, 128);
    EXPECT_EQ(eight_b->d_ffn, 14336);
    auto bad = synthetic_config("3b");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
}

TEST(SyntheticModel, IsValidAndCountsDecodeBytes) {
    auto config = synthetic_config("tiny");
    ASSERT_TRUE(config.ok());
    for (DType type : {DType::Q8_0, DType::Q4_K, DType::BF16}) {
        auto w = make_synthetic_model(*config, type, 2, 3);
        ASSERT_TRUE(w.ok()) << w.error().to_string();
        EXPECT_TRUE(cpu::validate_weights(**w).ok());
        EXPECT_EQ((*w)->layers[1].w_down.type, type);
        // Untied: the embedding matrix is read one row per token, the output head entirely.
        const size_t expect = (*w)->weight_bytes() - (*w)->tok_embd.bytes() +
                              row_bytes(type, config->d_model);
        EXPECT_EQ(decode_weight_bytes(**w), expect);
    }
    auto refused = make_synthetic_model(*config, DType::Q6_K, 2, 3);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Unsupported);
}

// synthetic_weight_types() (the names `bench --type` accepts) are the types it can build.
TEST(SyntheticModel, NamesTheTypesItCanBuild) {
    const auto named = synthetic_weight_types();
    for (DType type : all_weight_types()) {
        const bool listed = std::find(named.begin(), named.end(), type) != named.end();
        EXPECT_EQ(listed, quant::can_quantize(type)) << dtype_name(type);
    }
}

// The tiny shape by hand: d 256, 4 heads of 64 (q 256), 2 KV heads (kv 128), ffn 768,
// 2 layers, vocab 512. Per layer: wq 256*256 + wk, wv 2*256*128 + wo 256*256 + ffn 3*256*768
// = 786432; attention for an 8-token prompt 256 * 9 = 2304; the head 256 * 512 once, / 8.
TEST(RunBench, CountsPrefillMultiplyAdds) {
    auto config = synthetic_config("tiny");
    ASSERT_TRUE(config.ok());
    EXPECT_DOUBLE_EQ(prefill_macs_per_token(*config, 8), 2 * (786432.0 + 2304.0) + 256.0 * 512.0 / 8.0);
}

TEST(RunBench, ReportsEveryThreadCount) {
    auto config = synthetic_config("tiny");
    ASSERT_TRUE(config.ok());
    auto w = make_synthetic_model(*config, DType::Q8_0, 2, 1);
    ASSERT_TRUE(w.ok());
    BenchOptions o;
    o.n_prompt = 9;
    o.n_decode = 3;
    o.threads = {1, 2};
    o.bandwidth_buffer_bytes = size_t{16} << 20;
    o.multiply_add_iterations = 100'000;
    auto results = run_bench(*w, o);
    ASSERT_TRUE(results.ok()) << results.error().to_string();
    ASSERT_EQ(results->size(), 2u);
    for (const BenchResult& r : *results) {
        EXPECT_TRUE(std::isfinite(r.prefill_tok_s) && r.prefill_tok_s > 0);
        EXPECT_TRUE(std::isfinite(r.decode_tok_s) && r.decode_tok_s > 0);
        EXPECT_GT(r.memory_bytes_s, 0);
        // Decoding after a prompt of 9 reads the weights and, on average, the cache of
        // 9 + (decode + 1) / 2 positions.
        const double positions = 9.0 + static_cast<double>(o.n_decode + 1) / 2.0;
        EXPECT_DOUBLE_EQ(r.kv_bytes_per_token,
                         positions * static_cast<double>(kv_snapshot_bytes(*config, KvType::F32, 1)));
        EXPECT_DOUBLE_EQ(r.decode_bytes_s,
                         r.decode_tok_s * (static_cast<double>(decode_weight_bytes(**w)) + r.kv_bytes_per_token));
        EXPECT_GT(r.multiply_add_s, 0);
        EXPECT_DOUBLE_EQ(r.prefill_macs_s, r.prefill_tok_s * prefill_macs_per_token(*config, 9));
    }
    EXPECT_EQ((*results)[1].threads, 2);
    o.threads = {0};
    EXPECT_FALSE(run_bench(*w, o).ok());
    o.threads = {1};
    o.n_decode = 0;
    EXPECT_FALSE(run_bench(*w, o).ok());
}

}  // namespace
}  // namespace lectern::bench
