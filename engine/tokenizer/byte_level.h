// GPT-2's byte-level alphabet: each of the 256 byte values is written as one printable code
// point ('!'..'~', '¡'..'¬', '®'..'ÿ' stand for themselves; the other bytes map to
// U+0100.. in order, so the space 0x20 is 'Ġ' U+0120 and '\n' is 'Ċ' U+010A). Byte-level
// BPE vocabularies (tokenizer.json, GGUF `gpt2`) store their pieces in this alphabet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern::tokenizer {

// The code point that stands for byte `b`.
uint32_t byte_to_codepoint(uint8_t b);

// The raw bytes of a piece written in the byte-level alphabet; nullopt if it holds a code
// point outside the alphabet or invalid UTF-8.
std::optional<std::string> byte_level_decode(std::string_view piece);

// The piece for raw bytes (inverse of byte_level_decode).
std::string byte_level_encode(std::string_view bytes);

}  // namespace lectern::tokenizer
