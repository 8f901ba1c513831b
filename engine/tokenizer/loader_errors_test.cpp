// Malformed or unsupported tokenizer descriptions give a clear Error, never a crash:
// tokenizer.json variants and GGUF vocabularies written here with gguf::Writer.
#include <filesystem>

#include <unistd.h>

#include <gtest/gtest.h>

#include "gguf/gguf_file.h"
#include "lectern/engine/tokenizer.h"
#include "byte_level.h"
#include "vocab_sources.h"

namespace lectern::tokenizer {
namespace {

// A minimal valid byte-level vocabulary: the 256 byte pieces, "Ġa" and merge "Ġ a".
std::string tokenizer_json(const std::string& pattern, const std::string& merges,
                           const std::string& model_type = "BPE") {
    std::string vocab;
    for (int b = 0; b < 256; ++b) {
        std::string piece;
        const std::string raw(1, static_cast<char>(b));
        const auto mapped = byte_level_encode(raw);
        for (char c : mapped) {  // JSON-escape the few ASCII characters that need it
            if (c == '"' || c == '\\') piece += '\\';
            piece += c;
        }
        vocab += "\"" + piece + "\": " + std::to_string(b) + ",";
    }
    vocab += "\"\xC4\xA0" "a\": 256";
    std::string p;
    for (char c : pattern) {
        if (c == '\\' || c == '"') p += '\\';
        p += c;
    }
    return "{\"normalizer\": null, \"pre_tokenizer\": {\"type\": \"Sequence\", \"pretokenizers\": "
           "[{\"type\": \"Split\", \"pattern\": {\"Regex\": \"" + p + "\"}}, {\"type\": \"ByteLevel\"}]},"
           "\"added_tokens\": [{\"id\": 257, \"content\": \"<|end|>\", \"special\": true}],"
           "\"model\": {\"type\": \"" + model_type + "\", \"ignore_merges\": true, \"vocab\": {" +
           vocab + "}, \"merges\": [" + merges + "]}}";
}

TEST(LoaderErrors, TokenizerJsonVariants) {
    auto ok = parse_tokenizer_json(tokenizer_json(kLlama3Pattern, "\"\xC4\xA0 a\""), "", "t");
    ASSERT_TRUE(ok.ok()) << ok.error().to_string();
    auto tok = BpeTokenizer::create(std::move(*ok));
    ASSERT_TRUE(tok.ok()) << tok.error().to_string();
    EXPECT_EQ((*tok)->encode(" a a<|end|>", false, true), (std::vector<int32_t>{256, 256, 257}));

    // Merges in the newer two-element-array form.
    auto arrays = parse_tokenizer_json(tokenizer_json(kLlama3Pattern, "[\"\xC4\xA0\", \"a\"]"), "", "t");
    ASSERT_TRUE(arrays.ok());
    EXPECT_TRUE(BpeTokenizer::create(std::move(*arrays)).ok());

    auto other_regex = parse_tokenizer_json(tokenizer_json("\\s+", "\"\xC4\xA0 a\""), "", "t");
    EXPECT_EQ(other_regex.error().code, ErrorCode::UnsupportedModel);
    auto unigram = parse_tokenizer_json(tokenizer_json(kLlama3Pattern, "", "Unigram"), "", "t");
    EXPECT_EQ(unigram.error().code, ErrorCode::UnsupportedModel);
    EXPECT_EQ(parse_tokenizer_json("{\"model\": [", "", "t").error().code, ErrorCode::Corrupt);
    EXPECT_EQ(parse_tokenizer_json(tokenizer_json(kLlama3Pattern, "42"), "", "t").error().code,
              ErrorCode::Corrupt);
    // A merge whose result is not in the vocabulary.
    auto bad_merge = parse_tokenizer_json(tokenizer_json(kLlama3Pattern, "\"a a\""), "", "t");
    ASSERT_TRUE(bad_merge.ok());
    EXPECT_EQ(BpeTokenizer::create(std::move(*bad_merge)).error().code, ErrorCode::Corrupt);
}

Status load_written(const gguf::Writer& w) {
    const std::string path =
        (std::filesystem::temp_directory_path() / ("lectern-bad-vocab-" + std::to_string(::getpid()) + ".gguf")).string();
    LECTERN_TRY(w.write(path));
    auto t = Tokenizer::load(path);
    std::filesystem::remove(path);
    if (!t.ok()) return t.error();
    return {};
}

TEST(LoaderErrors, GgufVocabularies) {
    gguf::Writer none;
    none.set_string("general.architecture", "llama");
    EXPECT_EQ(load_written(none).error().code, ErrorCode::UnsupportedModel);

    gguf::Writer bert = none;
    bert.set_string("tokenizer.ggml.model", "bert");
    EXPECT_EQ(load_written(bert).error().code, ErrorCode::UnsupportedModel);

    gguf::Writer gpt2 = none;
    gpt2.set_string("tokenizer.ggml.model", "gpt2");
    gpt2.set_string("tokenizer.ggml.pre", "llama-bpe");
    gpt2.set_string_array("tokenizer.ggml.tokens", {"a", "b"});
    EXPECT_EQ(load_written(gpt2).error().code, ErrorCode::Corrupt);  // no merges
    gpt2.set_string_array("tokenizer.ggml.merges", {"a b"});
    EXPECT_EQ(load_written(gpt2).error().code, ErrorCode::Corrupt);  // bytes lack tokens
    gpt2.set_string("tokenizer.ggml.pre", "qwen2");
    EXPECT_EQ(load_written(gpt2).error().code, ErrorCode::UnsupportedModel);

    gguf::Writer spm = none;
    spm.set_string("tokenizer.ggml.model", "llama");
    spm.set_string_array("tokenizer.ggml.tokens", {"<unk>", "<s>", "</s>", "a"});
    EXPECT_EQ(load_written(spm).error().code, ErrorCode::Corrupt);  // no scores
    spm.set_f32_array("tokenizer.ggml.scores", {0, 0, 0});
    EXPECT_EQ(load_written(spm).error().code, ErrorCode::Corrupt);  // one score short
    spm.set_f32_array("tokenizer.ggml.scores", {0, 0, 0, -1});
    spm.set_i32_array("tokenizer.ggml.token_type", {1, 3, 3, 1});
    EXPECT_EQ(load_written(spm).error().code, ErrorCode::Corrupt);  // no unknown token
    spm.set_i32_array("tokenizer.ggml.token_type", {2, 3, 3, 1});
    EXPECT_TRUE(load_written(spm).ok());
}

}  // namespace
}  // namespace lectern::tokenizer
