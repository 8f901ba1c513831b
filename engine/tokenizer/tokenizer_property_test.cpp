// Properties on random input, with the real Llama 3 tokenizer and the fixture SentencePiece
// model: decode(encode(x)) == x for valid UTF-8 of every script (emoji, whitespace runs,
// very long words); invalid UTF-8 encodes without failing and decodes to x with each
// ill-formed subsequence replaced by U+FFFD; streamed pieces are whole characters and
// concatenate to decode(); both BPE merge paths agree.
#include <random>

#include <gtest/gtest.h>

#include "bpe_tokenizer.h"
#include "lectern/engine/tokenizer.h"
#include "tokenizer_test_support.h"
#include "unicode.h"

namespace lectern::tokenizer {
namespace {

using testing::test_data;

const Tokenizer& llama3() {
    static const std::unique_ptr<Tokenizer> t = [] {
        auto r = Tokenizer::load(test_data("tokenizer/llama3-tokenizer.json.gz"));
        if (!r.ok()) throw std::runtime_error(r.error().to_string());
        return std::move(*r);
    }();
    return *t;
}

const Tokenizer& spm() {
    static const std::unique_ptr<Tokenizer> t = [] {
        auto r = Tokenizer::load(test_data("models/llama2-tiny-mha/tokenizer.model"));
        if (!r.ok()) throw std::runtime_error(r.error().to_string());
        return std::move(*r);
    }();
    return *t;
}

// Random valid UTF-8: runs drawn from several scripts, whitespace runs, digits, emoji with
// modifiers and joiners, and now and then a very long word.
std::string random_text(std::mt19937& rng) {
    static const std::vector<std::pair<uint32_t, uint32_t>> blocks = {
        {0x20, 0x7E}, {0x20, 0x7E}, {0xA0, 0x24F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x590, 0x5FF},
        {0x600, 0x6FF}, {0x900, 0x97F}, {0xE00, 0xE7F}, {0x1100, 0x11FF}, {0x2000, 0x206F},
        {0x3000, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xFF00, 0xFFEF},
        {0x1F300, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x10000, 0x10FFFF}};
    std::uniform_int_distribution<size_t> pick_block(0, blocks.size());
    std::uniform_int_distribution<int> run_len(1, 12), n_runs(1, 20), coin(0, 49);
    std::string s;
    const int runs = n_runs(rng);
    for (int r = 0; r < runs; ++r) {
        const size_t b = pick_block(rng);
        if (b == blocks.size()) {  // a whitespace run
            static const char* ws[] = {" ", "\t", "\n", "\r\n", "\xE3\x80\x80", "\xC2\xA0"};
            const int n = run_len(rng);
            for (int i = 0; i < n; ++i) s += ws[rng() % 6];
            continue;
        }
        std::uniform_int_distribution<uint32_t> cp(blocks[b].first, blocks[b].second);
        const int n = coin(rng) == 0 ? 3000 + run_len(rng) * 100 : run_len(rng);  // long words
        const uint32_t repeated = cp(rng);
        for (int i = 0; i < n; ++i) {
            uint32_t c = n > 1000 && coin(rng) < 45 ? repeated : cp(rng);
            if (c >= 0xD800 && c <= 0xDFFF) c = 'x';  // no surrogates in UTF-8
            append_utf8(s, c);
        }
    }
    return s;
}

void expect_streaming_matches(const Tokenizer& tok, const std::vector<int32_t>& ids) {
    StreamingDetokenizer stream(tok);
    std::string joined;
    for (int32_t id : ids) {
        const std::string piece = stream.feed(id);
        ASSERT_EQ(sanitize_utf8(piece), piece) << "a streamed piece is not whole UTF-8";
        joined += piece;
    }
    joined += stream.flush();
    EXPECT_EQ(joined, tok.decode(ids));
}

TEST(TokenizerProperties, RoundTripValidUtf8) {
    std::mt19937 rng(42);
    for (int iter = 0; iter < 400; ++iter) {
        const std::string text = random_text(rng);
        const std::vector<int32_t> ids = llama3().encode(text);
        ASSERT_EQ(llama3().decode(ids), text) << "iteration " << iter;
        ASSERT_EQ(llama3().count(text), ids.size());
        expect_streaming_matches(llama3(), ids);
        const std::vector<int32_t> sp_ids = spm().encode(text);
        ASSERT_EQ(spm().decode(sp_ids), text) << "SentencePiece, iteration " << iter;
        expect_streaming_matches(spm(), sp_ids);
    }
}

TEST(TokenizerProperties, InvalidUtf8HasADefinedResult) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255), len(0, 64);
    for (int iter = 0; iter < 2000; ++iter) {
        std::string bytes;
        const int n = len(rng);
        for (int i = 0; i < n; ++i) bytes.push_back(static_cast<char>(byte(rng)));
        const std::vector<int32_t> ids = llama3().encode(bytes, false, true);
        // Byte-level BPE keeps every byte; decoding makes the text valid.
        ASSERT_EQ(llama3().decode(ids), sanitize_utf8(bytes)) << "iteration " << iter;
        expect_streaming_matches(llama3(), ids);
        const std::vector<int32_t> sp_ids = spm().encode(bytes, false, true);
        const std::string sp_text = spm().decode(sp_ids);
        ASSERT_EQ(sanitize_utf8(sp_text), sp_text);
        expect_streaming_matches(spm(), sp_ids);
    }
}

TEST(TokenizerProperties, StreamingHoldsBackSplitCharacters) {
    // "😀" is one character but several byte-level tokens; nothing is emitted until it is whole.
    const std::vector<int32_t> ids = llama3().encode("\xF0\x9F\x98\x80!");
    ASSERT_GT(ids.size(), 2u);
    StreamingDetokenizer stream(llama3());
    std::string out;
    for (size_t i = 0; i + 1 < ids.size(); ++i) out += stream.feed(ids[i]);
    EXPECT_EQ(out, "\xF0\x9F\x98\x80");
    EXPECT_EQ(stream.feed(ids.back()), "!");
    // An unfinished character at the end becomes U+FFFD on flush.
    StreamingDetokenizer cut(llama3());
    EXPECT_EQ(cut.feed(ids[0]), "");
    EXPECT_EQ(cut.flush(), "\xEF\xBF\xBD");
}

TEST(TokenizerProperties, SanitizeReplacesMaximalSubparts) {
    EXPECT_EQ(sanitize_utf8("a\xF0\x9F\x98"), "a\xEF\xBF\xBD");
    EXPECT_EQ(sanitize_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(sanitize_utf8("\xE2\x82\x41"), "\xEF\xBF\xBD" "A");
    EXPECT_EQ(sanitize_utf8("\xE2\x82\xAC"), "\xE2\x82\xAC");
}

TEST(TokenizerProperties, HeapAndQuadraticMergesAgree) {
    const auto* bpe = dynamic_cast<const BpeTokenizer*>(&llama3());
    ASSERT_NE(bpe, nullptr);
    std::mt19937 rng(99);
    for (int iter = 0; iter < 3000; ++iter) {
        std::string text = random_text(rng);
        if (text.size() > 48) text.resize(48);
        std::vector<int32_t> small, heap;
        bpe->merge_piece(text, small, false);
        bpe->merge_piece(text, heap, true);
        ASSERT_EQ(small, heap) << "iteration " << iter;
    }
}

TEST(TokenizerProperties, LongRunsEncodeQuickly) {
    // A 1 MB word (e.g. base64 in a document) must not take quadratic time: the heap path.
    const std::string word(1 << 20, 'a');
    const std::vector<int32_t> ids = llama3().encode(word);
    EXPECT_EQ(llama3().decode(ids), word);
    EXPECT_LT(ids.size(), word.size() / 4);
}

}  // namespace
}  // namespace lectern::tokenizer
