// inspect_model on the fixture models (tests/data): what `lectern-cli info` prints comes from
// here. The figures are the fixtures' (../shared/fixtures/README.md): llama31-tiny is 2
// layers of d_model 256, 4 / 2 heads of 64, ffn 768, vocab 512, 1836288 parameters, rope
// theta 500000 with llama3 scaling factor 8 (in GGUF as a rope_freqs tensor); the KV cache
// of 8192 positions takes 2 x 2 layers x 8192 x 2 heads x 64 x 2 bytes = 8 MiB in 16 bits.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "lectern/engine/model_info.h"

namespace lectern {
namespace {

std::string data(const std::string& rel) { return std::string(LECTERN_TEST_DATA) + "/" + rel; }

TEST(InspectModel, DescribesAQuantizedGgufFile) {
    auto info = inspect_model(data("gguf/llama31-tiny-Q4_K_M.gguf"));
    ASSERT_TRUE(info.ok()) << info.error().to_string();
    EXPECT_EQ(info->format, "gguf");
    EXPECT_EQ(info->config.name, "llama31-tiny");
    EXPECT_EQ(info->config.n_layer, 2);
    EXPECT_EQ(info->config.d_model, 256);
    EXPECT_EQ(info->config.n_head, 4);
    EXPECT_EQ(info->config.n_kv_head, 2);
    EXPECT_EQ(info->config.head_dim, 64);
    EXPECT_EQ(info->config.d_ffn, 768);
    EXPECT_EQ(info->config.n_vocab, 512);
    EXPECT_EQ(info->config.n_ctx_train, 131072);
    EXPECT_FALSE(info->config.tied_embeddings);
    EXPECT_EQ(info->parameters, 1836288);
    // Q4_K_M: most matrices q4_K, some q6_K (ggml's mix); the five norms f32.
    const std::map<DType, int> types{{DType::F32, 5}, {DType::Q4_K, 13}, {DType::Q6_K, 3}};
    EXPECT_EQ(info->tensor_types, types);
    EXPECT_EQ(info->rope_scaling, "per-frequency divisors 1..8");
    EXPECT_EQ(info->tokenizer.kind, TokenizerFileKind::ByteLevelBpe);
    EXPECT_EQ(info->tokenizer.to_string(), "byte-level BPE (gguf gpt2, pre llama-bpe)");
    EXPECT_EQ(info->weights_bytes, 1130240u);
    const ModelMemory m = info->memory(8192);
    EXPECT_EQ(m.n_ctx, 8192);
    EXPECT_EQ(m.weights_bytes, 1130240u);
    EXPECT_EQ(m.kv_cache_f16_bytes, size_t{8} << 20);
    EXPECT_EQ(m.kv_cache_8bit_bytes, size_t{4} << 20);
}

TEST(InspectModel, DescribesHuggingFaceFolders) {
    auto tied = inspect_model(data("models/llama32-tiny-tied"));
    ASSERT_TRUE(tied.ok()) << tied.error().to_string();
    EXPECT_EQ(tied->format, "safetensors");
    EXPECT_TRUE(tied->config.tied_embeddings);
    EXPECT_EQ(tied->config.n_layer, 3);
    EXPECT_EQ(tied->rope_scaling, "llama3, factor 32 (low 1, high 4, original context 8192)");
    EXPECT_EQ(tied->tokenizer.kind, TokenizerFileKind::ByteLevelBpe);
    EXPECT_EQ(tied->tokenizer.to_string(), "byte-level BPE (tokenizer.json)");
    const std::map<DType, int> types{{DType::F32, 7}, {DType::BF16, 22}};
    EXPECT_EQ(tied->tensor_types, types);

    auto llama2 = inspect_model(data("models/llama2-tiny-mha"));
    ASSERT_TRUE(llama2.ok()) << llama2.error().to_string();
    EXPECT_EQ(llama2->config.n_kv_head, llama2->config.n_head);
    EXPECT_EQ(llama2->config.n_ctx_train, 4096);
    EXPECT_EQ(llama2->rope_scaling, "none");
    EXPECT_EQ(llama2->tokenizer.kind, TokenizerFileKind::SentencePiece);
    EXPECT_EQ(llama2->tokenizer.to_string(), "SentencePiece (tokenizer.model)");
}

TEST(InspectModel, NamesAGgufSentencePieceVocabulary) {
    auto info = inspect_model(data("gguf/llama2-tiny-mha-F16.gguf"));
    ASSERT_TRUE(info.ok()) << info.error().to_string();
    EXPECT_EQ(info->tokenizer.kind, TokenizerFileKind::SentencePiece);
    EXPECT_EQ(info->tokenizer.to_string(), "SentencePiece (gguf llama)");
    EXPECT_EQ(info->weights_bytes, 3937280u);
}

TEST(InspectModel, FailsAsLoadModelDoes) {
    auto missing = inspect_model(data("gguf/no-such-model.gguf"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    auto not_a_model = inspect_model(data("gguf/llama31-tiny-F16.dequant.bin.json"));
    ASSERT_FALSE(not_a_model.ok());
}

}  // namespace
}  // namespace lectern
