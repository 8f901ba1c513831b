// The forward pass on quantized GGUF files (Q8_0, Q4_0, Q4_K_M, Q5_K_M, Q6_K) equals the
// forward pass on the same weights dequantized to float32 up front. This checks that the
// matrix products consume quantized blocks exactly as dequantize_row decodes them (which the
// quant tests tie to ggml bit for bit). The two runs differ only in float32 summation order
// inside the products, so relative L2 1e-5 per logit row bounds them (measured: printed).
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cpu/golden_data.h"
#include "lectern/engine/backend.h"
#include "lectern/engine/model_loader.h"
#include "lectern/engine/session.h"
#include "quant/dequant.h"

namespace lectern {
namespace {

// A copy of `t` in float32, kept alive by `w.storage`.
TensorView to_f32(const TensorView& t, ModelWeights& w) {
    if (t.empty() || t.type == DType::F32) return t;
    auto buf = std::make_shared<std::vector<float>>(static_cast<size_t>(t.n_cols * t.n_rows));
    for (int64_t r = 0; r < t.n_rows; ++r)
        quant::dequantize_row(t.type, t.row(r), buf->data() + r * t.n_cols, t.n_cols);
    w.storage.push_back(buf);
    TensorView out = t;
    out.type = DType::F32;
    out.data = buf->data();
    return out;
}

std::shared_ptr<ModelWeights> dequantized(const ModelWeights& q) {
    auto w = std::make_shared<ModelWeights>(q);  // shares q's mappings through storage
    w->tok_embd = to_f32(q.tok_embd, *w);
    for (LayerWeights& L : w->layers) {
        for (TensorView* t : {&L.attn_norm, &L.wq, &L.wk, &L.wv, &L.wo, &L.ffn_norm, &L.w_gate,
                              &L.w_up, &L.w_down})
            *t = to_f32(*t, *w);
    }
    w->output_norm = to_f32(q.output_norm, *w);
    w->output = to_f32(q.output, *w);
    return w;
}

// Logits at every position of `tokens`: (tokens, n_vocab).
std::vector<float> all_logits(Backend& b, const std::vector<int32_t>& tokens, int64_t chunk) {
    auto s = Session::create(b, {.n_ctx = static_cast<int64_t>(tokens.size()), .chunk = chunk});
    EXPECT_TRUE(s.ok());
    std::vector<int64_t> rows(tokens.size());
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int64_t>(i);
    std::vector<float> out(tokens.size() * static_cast<size_t>(b.config().n_vocab));
    PrefillOptions o;
    o.rows = rows;
    o.rows_out = out.data();
    EXPECT_TRUE(s->prefill(tokens, o).ok());
    return out;
}

class ForwardQuantized : public ::testing::TestWithParam<std::string> {};

TEST_P(ForwardQuantized, EqualsTheForwardPassOnDequantizedWeights) {
    const std::string data = LECTERN_TEST_DATA;
    auto q = load_model(data + "/gguf/llama31-tiny-" + GetParam() + ".gguf");
    ASSERT_TRUE(q.ok()) << q.error().to_string();
    auto qw = std::make_shared<ModelWeights>(std::move(q.value()));
    ASSERT_NE(qw->layers[0].wq.type, DType::F32);
    auto fw = dequantized(*qw);
    auto qb = make_cpu_backend(qw);
    auto fb = make_cpu_backend(fw);
    ASSERT_TRUE(qb.ok() && fb.ok());

    auto golden = testing::GoldenFile::open(data + "/models/llama31-tiny/golden.safetensors");
    ASSERT_TRUE(golden.ok());
    // 36 tokens in chunks of 7 (7 x 5, then 1) and of 11 (11 x 3, then 3): both the
    // many-token products and the few-token (decode) products are exercised.
    auto tokens = golden->tokens("greedy.prompt");
    auto more = golden->tokens("greedy.generated");
    ASSERT_TRUE(tokens.ok() && more.ok());
    tokens->insert(tokens->end(), more->begin(), more->end());
    const auto v = static_cast<size_t>((*qb)->config().n_vocab);
    for (int64_t chunk : {7, 11}) {
        const auto got = all_logits(**qb, *tokens, chunk);
        const auto ref = all_logits(**fb, *tokens, chunk);
        double worst = 0;
        for (size_t r = 0; r < tokens->size(); ++r)
            worst = std::max(worst, testing::rel_l2(std::span(got).subspan(r * v, v), std::span(ref).subspan(r * v, v)));
        std::printf("  llama31-tiny-%s, chunks of %lld: worst row relative L2 vs dequantized f32 %.3g (bound 1e-5)\n",
                    GetParam().c_str(), static_cast<long long>(chunk), worst);
        EXPECT_LT(worst, 1e-5) << "chunk " << chunk;
    }
}

INSTANTIATE_TEST_SUITE_P(Gguf, ForwardQuantized,
                         ::testing::Values("Q8_0", "Q4_0", "Q4_K_M", "Q5_K_M", "Q6_K"));

}  // namespace
}  // namespace lectern
