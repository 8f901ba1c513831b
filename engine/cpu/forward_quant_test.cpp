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
#include "cpu/matmul.h"
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

// Logits at every position of the golden greedy prompt and its continuation (36 tokens),
// run in chunks of `chunk` tokens (1: only the matrix-vector kernels run; 7: mostly the
// prefill kernels).
std::vector<float> chunked_logits(Backend& b, int64_t chunk) {
    auto golden = testing::GoldenFile::open(std::string(LECTERN_TEST_DATA) + "/models/llama31-tiny/golden.safetensors");
    EXPECT_TRUE(golden.ok());
    auto tokens = golden->tokens("greedy.prompt");
    auto more = golden->tokens("greedy.generated");
    EXPECT_TRUE(tokens.ok() && more.ok());
    tokens->insert(tokens->end(), more->begin(), more->end());
    return all_logits(b, *tokens, chunk);
}

std::shared_ptr<ModelWeights> load_tiny(const std::string& variant) {
    auto w = load_model(std::string(LECTERN_TEST_DATA) + "/gguf/llama31-tiny-" + variant + ".gguf");
    EXPECT_TRUE(w.ok()) << w.error().to_string();
    return w.ok() ? std::make_shared<ModelWeights>(std::move(w.value())) : nullptr;
}

// Int8 activations (CpuActivations::Int8) against the exact pass on the same file.
// Rounding x to 8 bits per run of 32 values with one scale is the rounding Q8_0 applies to
// the weights, so on the other operand of the same products it should move the logits by a
// like amount: the bound is 1.5 times what Q8_0 weights move them from the BF16 file (the
// golden weights), measured here (3.0e-2), the margin for the different spread of weights
// and activations. A kernel that misreads a block, a scale or an offset is off by order 1.
TEST_P(ForwardQuantized, Int8ActivationsMoveTheLogitsNoMoreThanQ8_0Weights) {
    auto bf16 = load_tiny("BF16"), q8_0 = load_tiny("Q8_0"), qw = load_tiny(GetParam());
    ASSERT_TRUE(bf16 && q8_0 && qw);
    const int64_t v = qw->config.n_vocab;
    auto b16 = make_cpu_backend(bf16), b8 = make_cpu_backend(q8_0);
    auto exact = make_cpu_backend(qw), int8 = make_cpu_backend(qw, {.activations = CpuActivations::Int8});
    ASSERT_TRUE(b16.ok() && b8.ok() && exact.ok() && int8.ok());
    const double weights_rounded = testing::worst_row_error(chunked_logits(**b8, 1), chunked_logits(**b16, 1), v);
    for (int64_t chunk : {1, 7}) {
        const double worst = testing::worst_row_error(chunked_logits(**int8, chunk), chunked_logits(**exact, chunk), v);
        std::printf("  llama31-tiny-%s, int8 activations, chunks of %lld: worst row relative L2 vs exact %.3g "
                    "(bound 1.5 x %.3g, Q8_0 weights vs BF16)\n",
                    GetParam().c_str(), static_cast<long long>(chunk), worst, weights_rounded);
        EXPECT_LT(worst, 1.5 * weights_rounded) << "chunk " << chunk;
        // Where the CPU has int8 kernels for these weights, they must have run: the logits
        // are not the exact ones.
        if (cpu::rounds_x(qw->layers[0].wq.type, CpuActivations::Int8, chunk)) {
            EXPECT_GT(worst, 0.0) << "chunk " << chunk;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Gguf, ForwardQuantized,
                         ::testing::Values("Q8_0", "Q4_0", "Q4_K_M", "Q5_K_M", "Q6_K"));

}  // namespace
}  // namespace lectern
