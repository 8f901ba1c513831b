// GPT-2's bytes_to_unicode table and its inverse.
#include "byte_level.h"

#include <array>

#include "unicode.h"

namespace lectern::tokenizer {
namespace {

bool stands_for_itself(uint32_t b) {
    return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
}

struct Tables {
    std::array<uint32_t, 256> to_cp{};
    std::array<int16_t, 512> to_byte{};  // code point (< 0x200) -> byte, -1 when none
};

const Tables& tables() {
    static const Tables t = [] {
        Tables r;
        r.to_byte.fill(-1);
        uint32_t next = 256;
        for (uint32_t b = 0; b < 256; ++b) {
            r.to_cp[b] = stands_for_itself(b) ? b : next++;
            r.to_byte[r.to_cp[b]] = static_cast<int16_t>(b);
        }
        return r;
    }();
    return t;
}

}  // namespace

uint32_t byte_to_codepoint(uint8_t b) { return tables().to_cp[b]; }

std::optional<std::string> byte_level_decode(std::string_view piece) {
    const Tables& t = tables();
    std::string out;
    out.reserve(piece.size());
    for (size_t pos = 0; pos < piece.size();) {
        size_t len = 1;
        const uint32_t cp = decode_utf8(piece, pos, len);
        if (cp == kInvalidCodepoint || cp >= t.to_byte.size() || t.to_byte[cp] < 0)
            return std::nullopt;
        out.push_back(static_cast<char>(t.to_byte[cp]));
        pos += len;
    }
    return out;
}

std::string byte_level_encode(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes) append_utf8(out, byte_to_codepoint(static_cast<uint8_t>(c)));
    return out;
}

}  // namespace lectern::tokenizer
