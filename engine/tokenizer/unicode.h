// UTF-8 decoding and the Unicode classes the pre-tokenizer needs (letter, number,
// whitespace). Invalid UTF-8 is decoded one byte at a time as kInvalidCodepoint, which
// belongs to no class, so every byte string has a defined split.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lectern::tokenizer {

// Stands for one byte that does not start a valid UTF-8 sequence (never a real code point).
inline constexpr uint32_t kInvalidCodepoint = 0xFFFFFFFF;

enum CodepointClass : uint8_t {
    kClassOther = 0,
    kClassLetter = 1,
    kClassNumber = 2,
    kClassWhitespace = 4,
};

// The class flags of `cp` (kInvalidCodepoint: kClassOther).
uint8_t codepoint_class(uint32_t cp);

// Decodes the code point at text[pos]; sets `len` to the bytes it takes (1..4). A byte that
// does not begin a well-formed sequence (overlong, surrogate, > U+10FFFF, truncated) gives
// kInvalidCodepoint with len 1.
uint32_t decode_utf8(std::string_view text, size_t pos, size_t& len);

// Appends the UTF-8 encoding of `cp` (<= U+10FFFF) to `out`.
void append_utf8(std::string& out, uint32_t cp);

// Replaces each maximal ill-formed subsequence of `bytes` with U+FFFD (the Unicode
// "substitution of maximal subparts" practice), so the result is always valid UTF-8.
std::string sanitize_utf8(std::string_view bytes);

// Length of the longest prefix of `bytes` (1..3 bytes) that can still be completed to a
// valid UTF-8 character, or 0 if bytes[0..] is not such a prefix. For streaming.
size_t utf8_incomplete_prefix(std::string_view bytes);

}  // namespace lectern::tokenizer
