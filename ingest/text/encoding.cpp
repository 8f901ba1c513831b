// Encoding detection for text files: UTF-8 (with or without a BOM), UTF-16 with a BOM, and
// Windows-1252 as the fallback for legacy 8-bit files. Conversion is done here, without
// iconv, because the three encodings are small and exact to decode by hand.
#include <cstdint>

#include "lectern/ingest/text_file.h"

namespace lectern::ingest {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Windows-1252's 0x80-0x9F block; 0 marks the five undefined bytes (kept as C1 controls).
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string decode_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (unsigned char c : bytes) {
        std::uint32_t cp = c;
        if (c >= 0x80 && c < 0xA0 && kCp1252High[c - 0x80] != 0) cp = kCp1252High[c - 0x80];
        append_utf8(out, cp);
    }
    return out;
}

Result<std::string> decode_utf16(std::string_view bytes, bool little_endian) {
    if (bytes.size() % 2 != 0)
        return make_error(ErrorCode::Corrupt, "UTF-16 text has an odd number of bytes");
    std::string out;
    out.reserve(bytes.size());
    auto unit_at = [&](std::size_t i) -> std::uint32_t {
        auto lo = static_cast<unsigned char>(bytes[i + (little_endian ? 0 : 1)]);
        auto hi = static_cast<unsigned char>(bytes[i + (little_endian ? 1 : 0)]);
        return static_cast<std::uint32_t>(hi) << 8 | lo;
    };
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        std::uint32_t u = unit_at(i);
        if (u >= 0xD800 && u < 0xDC00 && i + 2 < bytes.size()) {
            std::uint32_t low = unit_at(i + 2);
            if (low >= 0xDC00 && low < 0xE000) {
                append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u < 0xE000) u = 0xFFFD;  // an unpaired surrogate
        append_utf8(out, u);
    }
    return out;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return false;
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = cp << 6 | (cc & 0x3F);
        }
        static constexpr std::uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) return false;
        i += len;
    }
    return true;
}

Result<DecodedText> decode_text(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
        return DecodedText{decode_cp1252(bytes), "windows-1252"};
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        bool little_endian = bytes[0] == '\xFF';
        auto text = decode_utf16(bytes.substr(2), little_endian);
        if (!text) return text.error();
        return DecodedText{std::move(*text), little_endian ? "UTF-16LE" : "UTF-16BE"};
    }
    if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
    return DecodedText{decode_cp1252(bytes), "windows-1252"};
}

}  // namespace lectern::ingest
