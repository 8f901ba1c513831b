// inspect_model on the fixture models (tests/data): what `lectern-cli info` prints comes from
// here. The figures are the fixtures' (../shared/fixtures/README.md): llama31-tiny is 2
// layers of d_model 256, 4 / 2 heads of 64, ffn 768, vocab 512, 1836288 parameters, rope
// theta 500000 with llama3 scaling factor 8 (in GGUF as a rope_freqs tensor); the KV cache
// of 8192 positions takes 2 x 2 layers x 8192 x 2 heads x 64 x 2 bytes = 8 MiB in 16 bits.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

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
    EXPECT_EQ(m.kv_cache_8bit_bytes, (size_t{4} << 20) / 32 * 34);  // q8_0: 34 bytes per 32 values
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

std::vector<uint8_t> file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A download's memory check reads a GGUF file's first bytes, more when the header asks for
// them, and must come to the facts inspect_model gives for the whole file.
TEST(InspectModelHeader, AGgufPrefixGivesTheFactsOfTheWholeFile) {
    for (const char* name : {"gguf/llama31-tiny-Q4_K_M.gguf", "gguf/llama32-tiny-tied-F16.gguf",
                             "gguf/llama2-tiny-mha-F16.gguf"}) {
        SCOPED_TRACE(name);
        const std::vector<uint8_t> bytes = file_bytes(data(name));
        ASSERT_FALSE(bytes.empty());
        auto whole = inspect_model(data(name));
        ASSERT_TRUE(whole.ok()) << whole.error().to_string();
        size_t have = 64;
        uint64_t needed = 0;
        Result<ModelInfo> head = make_error(ErrorCode::Internal, "not read");
        int reads = 0;
        while (true) {
            head = inspect_gguf_header(bytes.data(), have, bytes.size(), name, &needed);
            if (head.ok() || needed == 0) break;
            ASSERT_GT(needed, have) << "a short prefix must ask for more than it had";
            have = static_cast<size_t>(std::min<uint64_t>(std::max<uint64_t>(needed, 2 * have), bytes.size()));
            ASSERT_LT(++reads, 64);
        }
        ASSERT_TRUE(head.ok()) << head.error().to_string();
        EXPECT_EQ(needed, 0u);
        // The header ends where the tensor data starts, well before the weights.
        EXPECT_LT(have, bytes.size() / 2);
        EXPECT_EQ(head->config.n_layer, whole->config.n_layer);
        EXPECT_EQ(head->config.n_kv_head, whole->config.n_kv_head);
        EXPECT_EQ(head->config.head_dim, whole->config.head_dim);
        EXPECT_EQ(head->config.n_vocab, whole->config.n_vocab);
        EXPECT_EQ(head->config.n_ctx_train, whole->config.n_ctx_train);
        EXPECT_EQ(head->config.tied_embeddings, whole->config.tied_embeddings);
        EXPECT_EQ(head->parameters, whole->parameters);
        EXPECT_EQ(head->tokenizer.to_string(), whole->tokenizer.to_string());
        EXPECT_EQ(head->memory(8192).kv_cache_f16_bytes, whole->memory(8192).kv_cache_f16_bytes);
        // The header lists every tensor; the loaded weights leave out rope_freqs (f32,
        // head_dim / 2 values) when the file has it.
        const size_t rope_freqs = whole->rope_scaling == "none" ? 0 : whole->config.head_dim / 2 * 4;
        EXPECT_EQ(head->weights_bytes, whole->weights_bytes + rope_freqs);
    }
}

TEST(InspectModelHeader, AFileTooShortForItsTensorsIsCorruptNotShort) {
    const std::vector<uint8_t> bytes = file_bytes(data("gguf/llama31-tiny-Q4_K_M.gguf"));
    ASSERT_GT(bytes.size(), 4096u);
    // The whole header is there, but the file is said to end before its tensors' data does.
    uint64_t needed = 1;
    auto head = inspect_gguf_header(bytes.data(), bytes.size() / 2, bytes.size() / 2, "short.gguf", &needed);
    ASSERT_FALSE(head.ok());
    EXPECT_EQ(head.error().code, ErrorCode::Corrupt);
    EXPECT_EQ(needed, 0u) << "no prefix of a file this size could do";
    // Not GGUF at all.
    const std::string text = "<!DOCTYPE html><html>a login page</html>";
    head = inspect_gguf_header(reinterpret_cast<const uint8_t*>(text.data()), text.size(), 1u << 30, "page.gguf", &needed);
    ASSERT_FALSE(head.ok());
    EXPECT_EQ(head.error().code, ErrorCode::Corrupt);
    EXPECT_EQ(needed, 0u);
}

TEST(InspectModelHeader, AHuggingFaceConfigGivesTheShapesAndTheGivenWeights) {
    auto whole = inspect_model(data("models/llama31-tiny"));
    ASSERT_TRUE(whole.ok()) << whole.error().to_string();
    auto head = inspect_hf_config(file_text(data("models/llama31-tiny/config.json")), 1234567, "config.json");
    ASSERT_TRUE(head.ok()) << head.error().to_string();
    EXPECT_EQ(head->format, "safetensors");
    EXPECT_EQ(head->parameters, whole->parameters);
    EXPECT_EQ(head->weights_bytes, 1234567u);
    EXPECT_EQ(head->rope_scaling, whole->rope_scaling);
    EXPECT_EQ(head->memory(4096).kv_cache_f16_bytes, whole->memory(4096).kv_cache_f16_bytes);
    auto bad = inspect_hf_config("{\"model_type\": \"bert\"}", 1, "config.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::UnsupportedModel);
}

}  // namespace
}  // namespace lectern
