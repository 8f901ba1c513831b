// The CPU's default activations per weight type (default_cpu_activations) follow the rule
// they were chosen by, measured again here on the llama31-tiny fixture: int8 activations
// where rounding them moves the logits by less than a third of what the weights' own
// quantization moves them (the file of that type against the BF16 file, which holds the
// golden weights exactly), exact elsewhere. Both errors are the worst row's relative L2 over
// the golden greedy prompt and continuation (36 positions), run one token at a time (the
// decode kernels) and in chunks of 7 (the prefill kernels); the table is printed and
// copied into docs/cpu-activations.md. Where this CPU has no int8 kernel for a type (it
// then computes int8 exactly as exact), the rule cannot be measured and that row is skipped.
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cpu/golden_data.h"
#include "cpu/matmul.h"
#include "lectern/engine/backend.h"
#include "lectern/engine/model_loader.h"
#include "lectern/engine/session.h"

namespace lectern {
namespace {

std::shared_ptr<ModelWeights> load_tiny(const std::string& variant) {
    auto w = load_model(std::string(LECTERN_TEST_DATA) + "/gguf/llama31-tiny-" + variant + ".gguf");
    EXPECT_TRUE(w.ok()) << w.error().to_string();
    return w.ok() ? std::make_shared<ModelWeights>(std::move(w.value())) : nullptr;
}

std::vector<float> logits(Backend& b, int64_t chunk) {
    auto golden = testing::GoldenFile::open(std::string(LECTERN_TEST_DATA) + "/models/llama31-tiny/golden.safetensors");
    EXPECT_TRUE(golden.ok());
    auto tokens = golden->tokens("greedy.prompt");
    auto more = golden->tokens("greedy.generated");
    EXPECT_TRUE(tokens.ok() && more.ok());
    tokens->insert(tokens->end(), more->begin(), more->end());
    auto s = Session::create(b, {.n_ctx = static_cast<int64_t>(tokens->size()), .chunk = chunk});
    EXPECT_TRUE(s.ok());
    std::vector<int64_t> rows(tokens->size());
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int64_t>(i);
    std::vector<float> out(tokens->size() * static_cast<size_t>(b.config().n_vocab));
    PrefillOptions o;
    o.rows = rows;
    o.rows_out = out.data();
    EXPECT_TRUE(s->prefill(*tokens, o).ok());
    return out;
}

TEST(ActivationDefaults, FollowTheOneThirdRuleMeasuredOnTheFixtures) {
    auto bf16 = load_tiny("BF16");
    ASSERT_TRUE(bf16);
    auto reference = make_cpu_backend(bf16);
    ASSERT_TRUE(reference.ok());
    const int64_t v = bf16->config.n_vocab;
    std::printf("  %-7s %-6s %14s %16s %7s  %s\n", "file", "ffn", "weights error", "int8 adds", "ratio", "default");
    for (const char* variant : {"Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "Q4_0"}) {
        auto w = load_tiny(variant);
        ASSERT_TRUE(w);
        const DType type = w->layers[0].w_gate.type;
        auto exact = make_cpu_backend(w, {.activations = CpuActivations::Exact});
        auto int8 = make_cpu_backend(w, {.activations = CpuActivations::Int8});
        ASSERT_TRUE(exact.ok() && int8.ok());
        double weights_error = 0, added = 0;
        bool measurable = true;
        for (int64_t chunk : {1, 7}) {
            const auto e = logits(**exact, chunk);
            weights_error = std::max(weights_error, testing::worst_row_error(e, logits(**reference, chunk), v));
            added = std::max(added, testing::worst_row_error(logits(**int8, chunk), e, v));
            measurable = measurable && cpu::rounds_x(type, CpuActivations::Int8, chunk);
        }
        const CpuActivations chosen = default_cpu_activations(type);
        std::printf("  %-7s %-6s %14.3g %16.3g %7.2f  %s%s\n", variant, dtype_name(type), weights_error, added,
                    added / weights_error, cpu_activations_name(chosen),
                    measurable ? "" : " (this CPU has no int8 kernel for both paths: not checked)");
        if (!measurable) continue;
        const CpuActivations rule = added < weights_error / 3 ? CpuActivations::Int8 : CpuActivations::Exact;
        EXPECT_EQ(chosen, rule) << variant << ": int8 adds " << added << ", the weights' own error is " << weights_error;
    }
    for (DType t : {DType::F32, DType::F16, DType::BF16})
        EXPECT_EQ(default_cpu_activations(t), CpuActivations::Exact) << dtype_name(t);
}

}  // namespace
}  // namespace lectern
