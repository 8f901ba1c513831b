// UTF-8 decoding (well-formedness per Unicode Table 3-7) and code point class lookup:
// a flat table for the Basic Multilingual Plane, binary search in the generated ranges above.
#include "unicode.h"

#include <algorithm>
#include <array>
#include <memory>

#include "lectern/engine/tokenizer.h"
#include "unicode_tables.h"

namespace lectern::tokenizer {
namespace {

bool in_ranges(const CodepointRange* ranges, size_t n, uint32_t cp) {
    const CodepointRange* end = ranges + n;
    const CodepointRange* it = std::upper_bound(
        ranges, end, cp, [](uint32_t v, const CodepointRange& r) { return v < r.first; });
    return it != ranges && cp <= (it - 1)->last;
}

uint8_t lookup_class(uint32_t cp) {
    uint8_t c = kClassOther;
    if (in_ranges(kLetterRanges, kLetterRanges_size, cp)) c |= kClassLetter;
    if (in_ranges(kNumberRanges, kNumberRanges_size, cp)) c |= kClassNumber;
    if (in_ranges(kWhiteSpaceRanges, kWhiteSpaceRanges_size, cp)) c |= kClassWhitespace;
    return c;
}

const uint8_t* bmp_table() {
    static const std::unique_ptr<uint8_t[]> table = [] {
        auto t = std::make_unique<uint8_t[]>(0x10000);
        for (uint32_t cp = 0; cp < 0x10000; ++cp) t[cp] = lookup_class(cp);
        return t;
    }();
    return table.get();
}

// Scans the sequence starting at p[0] (avail >= 1 bytes). Sets `need` to its full length
// (0 for a byte that cannot start one) and returns how many leading bytes are well formed.
int scan_sequence(const uint8_t* p, size_t avail, int& need) {
    const uint8_t b0 = p[0];
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 < 0x80) { need = 1; return 1; }
    if (b0 < 0xC2) { need = 0; return 0; }
    if (b0 < 0xE0) need = 2;
    else if (b0 < 0xF0) { need = 3; if (b0 == 0xE0) lo = 0xA0; if (b0 == 0xED) hi = 0x9F; }
    else if (b0 < 0xF5) { need = 4; if (b0 == 0xF0) lo = 0x90; if (b0 == 0xF4) hi = 0x8F; }
    else { need = 0; return 0; }
    int m = 1;
    for (; m < need && static_cast<size_t>(m) < avail; ++m) {
        const uint8_t b = p[m];
        const bool ok = (m == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
        if (!ok) break;
    }
    return m;
}

}  // namespace

uint8_t codepoint_class(uint32_t cp) {
    if (cp < 0x10000) return bmp_table()[cp];
    if (cp > 0x10FFFF) return kClassOther;
    return lookup_class(cp);
}

uint32_t decode_utf8(std::string_view text, size_t pos, size_t& len) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data()) + pos;
    const size_t avail = text.size() - pos;
    if (p[0] < 0x80) { len = 1; return p[0]; }
    int need = 0;
    const int m = scan_sequence(p, avail, need);
    if (need == 0 || m < need) { len = 1; return kInvalidCodepoint; }
    len = static_cast<size_t>(need);
    switch (need) {
        case 2: return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        case 3: return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        default:
            return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
                   (p[3] & 0x3Fu);
    }
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string sanitize_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    size_t i = 0;
    while (i < bytes.size()) {
        int need = 0;
        const int m = scan_sequence(p + i, bytes.size() - i, need);
        if (need > 0 && m == need) {
            out.append(bytes.data() + i, static_cast<size_t>(m));
            i += static_cast<size_t>(m);
        } else {
            out.append("\xEF\xBF\xBD");
            i += static_cast<size_t>(std::max(m, 1));
        }
    }
    return out;
}

size_t utf8_incomplete_prefix(std::string_view bytes) {
    if (bytes.empty()) return 0;
    int need = 0;
    const int m = scan_sequence(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), need);
    const bool truncated = need > 0 && m < need && static_cast<size_t>(m) == bytes.size();
    return truncated ? static_cast<size_t>(m) : 0;
}

}  // namespace lectern::tokenizer

namespace lectern {

std::string valid_utf8(std::string_view bytes) { return tokenizer::sanitize_utf8(bytes); }

}  // namespace lectern
