// The hand-written Llama 3 pre-tokenizer against hand-checked splits and against PCRE2
// running the published pattern on random multilingual text (the two must split
// identically). \s is spelled out as the White_Space set in the PCRE2 pattern because
// PCRE2 10.42's \s leaves out U+0085, which White_Space (and the reference) include.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <random>

#include <gtest/gtest.h>

#include "pretokenizer.h"
#include "unicode.h"

namespace lectern::tokenizer {
namespace {

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> out;
    for_each_llama3_pretoken(text, [&](std::string_view p) { out.emplace_back(p); });
    return out;
}

using V = std::vector<std::string>;

TEST(Pretokenizer, HandCheckedSplits) {
    EXPECT_EQ(split("Hello world"), (V{"Hello", " world"}));
    EXPECT_EQ(split("I'm here, they'VE"), (V{"I", "'m", " here", ",", " they", "'VE"}));
    EXPECT_EQ(split("'s'S'll'x"), (V{"'s", "'S", "'ll", "'x"}));
    EXPECT_EQ(split("1234567"), (V{"123", "456", "7"}));
    EXPECT_EQ(split("  two"), (V{" ", " two"}));
    EXPECT_EQ(split("x   "), (V{"x", "   "}));
    EXPECT_EQ(split("a \n\n b"), (V{"a", " \n\n", " b"}));
    EXPECT_EQ(split("a\r\nb"), (V{"a", "\r\n", "b"}));
    EXPECT_EQ(split("\t\tx"), (V{"\t", "\tx"}));
    EXPECT_EQ(split("a  !!?\n\nb"), (V{"a", " ", " !!?\n\n", "b"}));
    EXPECT_EQ(split("$1,234"), (V{"$", "1", ",", "234"}));
    EXPECT_EQ(split("日本語のテキスト"), (V{"日本語のテキスト"}));
    EXPECT_EQ(split("\xC2\xA0non"), (V{"\xC2\xA0non"}));  // NBSP is \s but not [\r\n]
    EXPECT_EQ(split(""), V{});
}

TEST(Pretokenizer, InvalidUtf8IsSplitAndCovered) {
    const std::string text = "ab\xFF\xC0 cd\xE2\x82 \xF0\x9F\x98";
    std::string joined;
    for (const std::string& p : split(text)) {
        EXPECT_FALSE(p.empty());
        joined += p;
    }
    EXPECT_EQ(joined, text);
}

class Pcre2Reference {
public:
    Pcre2Reference() {
        const std::string ws =
            "\\t\\n\\x0B\\f\\r\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
            "\\x{202F}\\x{205F}\\x{3000}";
        const std::string pattern =
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^" + ws +
            "\\p{L}\\p{N}]+[\\r\\n]*|[" + ws + "]*[\\r\\n]+|[" + ws + "]+(?![^" + ws + "])|[" + ws + "]+";
        int err = 0;
        PCRE2_SIZE off = 0;
        code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.c_str()), pattern.size(),
                              PCRE2_UTF | PCRE2_UCP, &err, &off, nullptr);
        match_ = code_ ? pcre2_match_data_create_from_pattern(code_, nullptr) : nullptr;
    }
    ~Pcre2Reference() {
        pcre2_match_data_free(match_);
        pcre2_code_free(code_);
    }
    bool ok() const { return code_ != nullptr; }
    // Splits valid UTF-8; an empty result with non-empty text means no match (a failure).
    std::vector<std::string> split(const std::string& text) const {
        std::vector<std::string> out;
        size_t pos = 0;
        while (pos < text.size()) {
            const int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(),
                                       pos, PCRE2_ANCHORED, match_, nullptr);
            if (rc < 0) return {};
            const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(match_);
            if (ov[1] <= pos) return {};
            out.push_back(text.substr(pos, ov[1] - pos));
            pos = ov[1];
        }
        return out;
    }

private:
    pcre2_code* code_ = nullptr;
    pcre2_match_data* match_ = nullptr;
};

// Characters chosen to hit every branch: contractions in both cases (and U+017F, which
// folds to 's'), digits of several scripts (Nd, Nl, No), letters of many scripts,
// combining marks, punctuation, symbols, emoji and every kind of whitespace.
const std::vector<uint32_t> kAlphabet = {
    'a', 'b', 's', 'S', 't', 'T', 'r', 'R', 'e', 'E', 'v', 'V', 'm', 'M', 'l', 'L', 'd', 'D',
    'x', 'Z', '\'', '\'', '0', '1', '9', ' ', ' ', ' ', '\t', '\n', '\r', 0x0B, 0x0C, '!', '?',
    '.', ',', '-', '(', '$', '_', '"', 0x17F, 0xA0, 0x85, 0x1680, 0x2003, 0x2028, 0x2029,
    0x202F, 0x205F, 0x3000, 0x1C, 0x200B, 0xE9, 0xDF, 0x301, 0x3B1, 0x416, 0x5D0, 0x627,
    0x660, 0x663, 0x915, 0x94D, 0x966, 0xE01, 0xE31, 0x2160, 0x216B, 0xB2, 0xBD, 0x2460,
    0x4E2D, 0x6587, 0x3042, 0x30AB, 0xAC00, 0xFF10, 0xFF21, 0x2014, 0x2191, 0x221E,
    0x1F600, 0x1F44D, 0x1F3FD, 0x200D, 0x10400, 0x1D7CE, 0xFFFD, 0x7F, 0x00};

TEST(Pretokenizer, AgreesWithPcre2OnRandomText) {
    Pcre2Reference ref;
    ASSERT_TRUE(ref.ok());
    std::mt19937 rng(1234);
    std::uniform_int_distribution<size_t> pick(0, kAlphabet.size() - 1);
    std::uniform_int_distribution<int> length(1, 40);
    for (int iter = 0; iter < 20000; ++iter) {
        std::string text;
        const int n = length(rng);
        for (int i = 0; i < n; ++i) append_utf8(text, kAlphabet[pick(rng)]);
        const auto want = ref.split(text);
        ASSERT_FALSE(want.empty()) << "PCRE2 failed on iteration " << iter;
        ASSERT_EQ(split(text), want) << "iteration " << iter;
    }
}

TEST(Pretokenizer, UnicodeClasses) {
    EXPECT_EQ(codepoint_class('a'), kClassLetter);
    EXPECT_EQ(codepoint_class(0x4E2D), kClassLetter);   // 中
    EXPECT_EQ(codepoint_class(0x2160), kClassNumber);   // Ⅰ (Nl)
    EXPECT_EQ(codepoint_class(0x1D7CE), kClassNumber);  // 𝟎 (Nd, above the BMP)
    EXPECT_EQ(codepoint_class(0x85), kClassWhitespace);
    EXPECT_EQ(codepoint_class(0x200B), kClassOther);    // zero width space is Cf
    EXPECT_EQ(codepoint_class(0x301), kClassOther);     // combining acute is Mn
    EXPECT_EQ(codepoint_class(0x1F600), kClassOther);
}

}  // namespace
}  // namespace lectern::tokenizer
