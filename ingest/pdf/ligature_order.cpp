// fix_ligature_order (see ligature_order.h). Words come from poppler::page::text_list() in
// the order they were drawn, each with its characters left to right; the text Poppler gives
// holds the same word reversed.
#include "pdf/ligature_order.h"

#include "text/codecs.h"

#include <poppler/cpp/poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <string_view>

namespace lectern::ingest {
namespace {

constexpr char16_t kLam = 0x0644;

bool is_alef(char16_t c) { return c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0627; }

// Characters of one drawn word, left to right, surrogate pairs joined.
std::u32string characters(const poppler::ustring& u) {
    std::u32string out;
    for (std::size_t i = 0; i < u.size(); ++i) {
        char32_t c = u[i];
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < u.size() && u[i + 1] >= 0xDC00 && u[i + 1] < 0xE000)
            c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
        out += c;
    }
    return out;
}

// The two halves of one glyph: equal widths, the second starting where the first ends.
bool one_glyph(const poppler::rectf& a, const poppler::rectf& b) {
    const double tolerance = 0.01 * std::max(1.0, a.width());
    return std::fabs(a.width() - b.width()) < tolerance && std::fabs(a.x() + a.width() - b.x()) < tolerance;
}

// Whether the text has an alef followed by a lam (as letters, not presentation forms): what
// a reversed pair reads as. Without one there is nothing to fix and the words are not read.
bool may_hold_reversed_pair(std::string_view text) {
    for (std::size_t at = text.find("\xD9\x84"); at != std::string_view::npos; at = text.find("\xD9\x84", at + 2))
        if (at >= 2 && text[at - 2] == '\xD8' &&
            (text[at - 1] == '\xA2' || text[at - 1] == '\xA3' || text[at - 1] == '\xA5' || text[at - 1] == '\xA7'))
            return true;
    return false;
}

// Whether text[begin, end) is a whole word: no letter or mark joins it on either side.
bool whole_word(std::string_view text, std::size_t begin, std::size_t end) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    UChar32 c = 0;
    if (begin > 0) {
        auto i = static_cast<std::int32_t>(begin);
        U8_PREV(s, 0, i, c);
        if (u_isalpha(c) || u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK) return false;
    }
    if (end < text.size()) {
        auto i = static_cast<std::int32_t>(end);
        U8_NEXT(s, i, length, c);
        if (u_isalpha(c) || u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK) return false;
    }
    return true;
}

}  // namespace

std::string fix_ligature_order(const poppler::page& page, std::string text) {
    if (!may_hold_reversed_pair(text)) return text;
    // How a drawn word reads once Poppler reversed it -> how it should read, and how many
    // drawn words with a pair read so.
    struct Fix {
        std::string right;
        int paired = 0;
    };
    std::map<std::string, Fix> fixes;
    std::map<std::string, int> plain;  // readings of words without a pair
    for (const poppler::text_box& box : page.text_list()) {
        const poppler::ustring u = box.text();
        const std::u32string chars = characters(u);
        if (chars.size() != u.size()) continue;  // char_bbox counts UTF-16 units: keep it simple
        bool paired = false;
        std::u32string right = chars;  // reversed below, pairs kept in order
        for (std::size_t i = 0; i + 1 < chars.size(); ++i)
            if (chars[i] == kLam && is_alef(static_cast<char16_t>(chars[i + 1])) &&
                one_glyph(box.char_bbox(i), box.char_bbox(i + 1))) {
                std::swap(right[i], right[i + 1]);
                paired = true;
                ++i;
            }
        std::string wrong_utf8, right_utf8;
        for (auto c = chars.rbegin(); c != chars.rend(); ++c) append_utf8(wrong_utf8, *c);
        if (!paired) {
            ++plain[wrong_utf8];
            continue;
        }
        for (auto c = right.rbegin(); c != right.rend(); ++c) append_utf8(right_utf8, *c);
        Fix& fix = fixes[wrong_utf8];
        fix.right = right_utf8;
        ++fix.paired;
    }
    // A reading that a word drawn without a pair also has ("السالم" is a name too) could be
    // either: those occurrences stay as Poppler gave them. The others are whole words.
    for (auto& [wrong, fix] : fixes) {
        if (plain.count(wrong)) continue;
        for (std::size_t at = text.find(wrong); at != std::string::npos && fix.paired > 0;) {
            if (!whole_word(text, at, at + wrong.size())) {
                at = text.find(wrong, at + 1);
                continue;
            }
            text.replace(at, wrong.size(), fix.right);
            --fix.paired;
            at = text.find(wrong, at + fix.right.size());
        }
    }
    return text;
}

}  // namespace lectern::ingest
