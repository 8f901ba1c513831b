// load_model over the reference models: configs of every GGUF file and Hugging Face folder,
// the Hugging Face loader's normalization (q/k row permutation, f32 norms, computed rope
// factors) checked against the GGUF files that llama.cpp's converter made of the same
// weights, and the memory helpers.
#include "lectern/engine/model_loader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "quant/half.h"

namespace lectern {
namespace {

const std::string kData = LECTERN_TEST_DATA;

struct Expected {
    const char* path;  // under tests/data
    int64_t n_layer, n_head, n_kv_head, head_dim, d_ffn;
    float rope_theta;
    float rms_norm_eps;
    bool tied;
    size_t n_rope_factors;
    DType matrix_type;  // of blk.0.attn_q
};

const Expected kLlama31{"", 2, 4, 2, 64, 768, 500000.0f, 1e-5f, false, 32, DType::F16};
const Expected kLlama32{"", 3, 8, 2, 32, 512, 500000.0f, 1e-5f, true, 16, DType::F16};
const Expected kLlama2{"", 2, 4, 4, 64, 768, 10000.0f, 1e-6f, false, 0, DType::F16};

Expected with(Expected e, const char* path, DType type) {
    e.path = path;
    e.matrix_type = type;
    return e;
}

void expect_config(const ModelWeights& w, const Expected& e) {
    const ModelConfig& c = w.config;
    EXPECT_EQ(c.architecture, "llama");
    EXPECT_EQ(c.n_vocab, 512);
    EXPECT_EQ(c.d_model, 256);
    EXPECT_EQ(c.n_layer, e.n_layer);
    EXPECT_EQ(c.n_head, e.n_head);
    EXPECT_EQ(c.n_kv_head, e.n_kv_head);
    EXPECT_EQ(c.head_dim, e.head_dim);
    EXPECT_EQ(c.d_ffn, e.d_ffn);
    EXPECT_EQ(c.rope_theta, e.rope_theta);
    EXPECT_FLOAT_EQ(c.rms_norm_eps, e.rms_norm_eps);
    EXPECT_EQ(c.tied_embeddings, e.tied);
    EXPECT_EQ(w.rope_freq_factors.size(), e.n_rope_factors);
    ASSERT_EQ(w.layers.size(), static_cast<size_t>(e.n_layer));
    EXPECT_EQ(w.layers[0].wq.type, e.matrix_type);
    EXPECT_EQ(w.layers[0].wq.n_rows, e.n_head * e.head_dim);
    EXPECT_EQ(w.layers[0].wk.n_rows, e.n_kv_head * e.head_dim);
    EXPECT_EQ(w.layers[0].w_down.n_cols, e.d_ffn);
    EXPECT_EQ(w.output_norm.type, DType::F32);
    EXPECT_EQ(w.layers.back().ffn_norm.type, DType::F32);
    for (const TensorView* t : w.all_tensors()) EXPECT_FALSE(t->empty()) << t->name;
    if (e.tied) EXPECT_EQ(w.output.data, w.tok_embd.data);
    else EXPECT_NE(w.output.data, w.tok_embd.data);
}

TEST(ModelLoader, LoadsEveryReferenceModelWithItsConfig) {
    const Expected cases[] = {
        with(kLlama31, "gguf/llama31-tiny-F16.gguf", DType::F16),
        with(kLlama31, "gguf/llama31-tiny-BF16.gguf", DType::BF16),
        with(kLlama31, "gguf/llama31-tiny-Q8_0.gguf", DType::Q8_0),
        with(kLlama31, "gguf/llama31-tiny-Q4_0.gguf", DType::Q4_0),
        with(kLlama31, "gguf/llama31-tiny-Q4_K_M.gguf", DType::Q4_K),
        with(kLlama31, "gguf/llama31-tiny-Q5_K_M.gguf", DType::Q5_K),
        with(kLlama31, "gguf/llama31-tiny-Q6_K.gguf", DType::Q6_K),
        with(kLlama32, "gguf/llama32-tiny-tied-F16.gguf", DType::F16),
        with(kLlama2, "gguf/llama2-tiny-mha-F16.gguf", DType::F16),
        with(kLlama31, "models/llama31-tiny", DType::BF16),
        with(kLlama31, "models/llama31-tiny/config.json", DType::BF16),
        with(kLlama31, "models/llama31-tiny/model-00001-of-00002.safetensors", DType::BF16),
        with(kLlama32, "models/llama32-tiny-tied", DType::BF16),
        with(kLlama2, "models/llama2-tiny-mha", DType::BF16),
    };
    for (const Expected& e : cases) {
        SCOPED_TRACE(e.path);
        Result<ModelWeights> w = load_model(kData + "/" + e.path);
        ASSERT_TRUE(w.ok()) << w.error().to_string();
        expect_config(*w, e);
    }
}

TEST(ModelLoader, GgufKeepsTensorsInTheMappingAndReadsItsMetadata) {
    Result<ModelWeights> w = load_model(kData + "/gguf/llama31-tiny-F16.gguf");
    ASSERT_TRUE(w.ok()) << w.error().to_string();
    EXPECT_EQ(w->source_format, "gguf");
    EXPECT_EQ(w->config.n_ctx_train, 131072);
    EXPECT_FALSE(w->config.name.empty());
    EXPECT_EQ(w->layers[1].wv.name, "blk.1.attn_v.weight");
    EXPECT_EQ(w->layers[1].wv.bytes(), 128u * 256u * 2u);
    // Counted from the shapes: f16 matrices (token_embd, output, 2 layers of q, k, v, o,
    // gate, up, down) and f32 norms (2 per layer + output_norm).
    const int64_t matrices = 2 * 512 * 256 + 2 * (2 * 256 * 256 + 2 * 128 * 256 + 3 * 768 * 256);
    const int64_t norms = 2 * 2 * 256 + 256;
    EXPECT_EQ(w->parameter_count(), matrices + norms);
    EXPECT_EQ(w->weight_bytes(), static_cast<size_t>(2 * matrices + 4 * norms));
}

// Hugging Face bf16 shards and the BF16 GGUF hold the same values (the fixtures README):
// after the loader's normalization every tensor must be byte-identical, including the
// permuted q/k rows and the norms widened to f32.
TEST(ModelLoader, HuggingFaceFolderMatchesTheBf16GgufByteForByte) {
    Result<ModelWeights> hf = load_model(kData + "/models/llama31-tiny");
    Result<ModelWeights> gg = load_model(kData + "/gguf/llama31-tiny-BF16.gguf");
    ASSERT_TRUE(hf.ok()) << hf.error().to_string();
    ASSERT_TRUE(gg.ok()) << gg.error().to_string();
    EXPECT_EQ(hf->source_format, "safetensors");
    std::vector<const TensorView*> a = hf->all_tensors(), b = gg->all_tensors();
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        SCOPED_TRACE(b[i]->name);
        EXPECT_EQ(a[i]->name, b[i]->name);
        EXPECT_EQ(a[i]->type, b[i]->type);
        EXPECT_EQ(a[i]->n_rows, b[i]->n_rows);
        EXPECT_EQ(a[i]->n_cols, b[i]->n_cols);
        ASSERT_EQ(a[i]->bytes(), b[i]->bytes());
        EXPECT_EQ(std::memcmp(a[i]->data, b[i]->data, a[i]->bytes()), 0);
    }
}

// The tied 3.2 model exists only as an F16 GGUF: compare q/k as floats, to within f16's
// rounding of a bf16 value (half an f16 ulp relative, or the f16 subnormal step).
TEST(ModelLoader, TiedFolderMatchesItsF16Gguf) {
    Result<ModelWeights> hf = load_model(kData + "/models/llama32-tiny-tied");
    Result<ModelWeights> gg = load_model(kData + "/gguf/llama32-tiny-tied-F16.gguf");
    ASSERT_TRUE(hf.ok()) << hf.error().to_string();
    ASSERT_TRUE(gg.ok()) << gg.error().to_string();
    for (size_t l = 0; l < hf->layers.size(); ++l) {
        for (auto m : {&LayerWeights::wq, &LayerWeights::wk}) {
            const TensorView& x = hf->layers[l].*m;
            const TensorView& y = gg->layers[l].*m;
            SCOPED_TRACE(y.name);
            ASSERT_EQ(x.n_rows * x.n_cols, y.n_rows * y.n_cols);
            const auto* xs = static_cast<const uint16_t*>(x.data);
            const auto* ys = static_cast<const uint16_t*>(y.data);
            int bad = 0;
            for (int64_t i = 0; i < x.n_rows * x.n_cols; ++i) {
                float a = quant::bf16_to_f32(xs[i]), b = quant::f16_to_f32(ys[i]);
                bad += std::fabs(a - b) > std::ldexp(std::fabs(a), -11) + 6e-8f;
            }
            EXPECT_EQ(bad, 0);
        }
    }
}

// config.json's llama3 rope_scaling, computed, against the rope_freqs.weight that
// llama.cpp's converter stored. With glibc they agree bit for bit; the tolerance, one float
// ulp relative (2^-23), leaves room for a libm whose pow() rounds differently.
TEST(ModelLoader, ComputedRopeFactorsMatchTheGgufRopeFreqs) {
    const std::pair<const char*, const char*> pairs[] = {
        {"models/llama31-tiny", "gguf/llama31-tiny-F16.gguf"},
        {"models/llama32-tiny-tied", "gguf/llama32-tiny-tied-F16.gguf"},
    };
    for (const auto& [folder, file] : pairs) {
        SCOPED_TRACE(folder);
        Result<ModelWeights> hf = load_model(kData + "/" + folder);
        Result<ModelWeights> gg = load_model(kData + "/" + file);
        ASSERT_TRUE(hf.ok() && gg.ok());
        ASSERT_EQ(hf->rope_freq_factors.size(), gg->rope_freq_factors.size());
        bool scaled = false;
        for (size_t i = 0; i < hf->rope_freq_factors.size(); ++i) {
            float a = hf->rope_freq_factors[i], b = gg->rope_freq_factors[i];
            EXPECT_NEAR(a, b, std::ldexp(b, -23)) << "pair " << i;
            scaled = scaled || b > 1.0f;
        }
        EXPECT_TRUE(scaled);  // the low frequencies are divided by the factor
        EXPECT_EQ(hf->rope_freq_factors.front(), 1.0f);
        EXPECT_EQ(hf->rope_freq_factors.back(), hf->config.rope_scaling.factor);
    }
}

TEST(ModelLoader, RopeFactorsAreEmptyWithoutScaling) {
    EXPECT_TRUE(llama3_rope_freq_factors(RopeScaling{}, 10000.0f, 64).empty());
}

TEST(ModelLoader, MissingPathIsNotFound) {
    Result<ModelWeights> w = load_model(kData + "/models/no-such-model");
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace lectern
