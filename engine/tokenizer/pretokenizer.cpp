// The Llama 3 pre-tokenizer as a state machine: at each position the alternatives of the
// pattern are tried in order, exactly as a backtracking regex engine would, but each one
// is decided by looking at one or two code points and scanning a run.
#include "pretokenizer.h"

#include "unicode.h"

namespace lectern::tokenizer {
namespace {

constexpr uint8_t kLN = kClassLetter | kClassNumber;
constexpr uint8_t kLNS = kClassLetter | kClassNumber | kClassWhitespace;

struct Cp {
    uint32_t cp = 0;
    uint8_t len = 0;  // 0: past the end
    uint8_t cls = kClassOther;
};

inline Cp cp_at(std::string_view t, size_t pos) {
    Cp c;
    if (pos >= t.size()) return c;
    const auto b = static_cast<uint8_t>(t[pos]);
    if (b < 0x80) {
        c.cp = b;
        c.len = 1;
        c.cls = codepoint_class(b);
        return c;
    }
    size_t len = 1;
    c.cp = decode_utf8(t, pos, len);
    c.len = static_cast<uint8_t>(len);
    c.cls = c.cp == kInvalidCodepoint ? uint8_t{kClassOther} : codepoint_class(c.cp);
    return c;
}

inline bool is_crlf(uint32_t cp) { return cp == '\r' || cp == '\n'; }

inline uint32_t ascii_lower(uint32_t cp) {
    return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
}

// (?i:'s|'t|'re|'ve|'m|'ll|'d) at pos (text[pos] == '\''): end offset or 0.
size_t match_contraction(std::string_view t, size_t pos) {
    const Cp a = cp_at(t, pos + 1);
    if (a.len == 0) return 0;
    // Case-insensitive matching also folds U+017F LATIN SMALL LETTER LONG S onto 's'.
    const uint32_t la = a.cp == 0x17F ? 's' : ascii_lower(a.cp);
    if (la == 's' || la == 't' || la == 'm' || la == 'd') return pos + 1 + a.len;
    if (la != 'r' && la != 'v' && la != 'l') return 0;
    const Cp b = cp_at(t, pos + 1 + a.len);
    if (b.len == 0) return 0;
    const uint32_t lb = ascii_lower(b.cp);
    const uint32_t want = la == 'l' ? 'l' : 'e';
    return lb == want ? pos + 1 + a.len + b.len : 0;
}

// End of the run of code points starting at pos whose class has any bit in `any`
// (or, with `negate`, none of them).
size_t scan_run(std::string_view t, size_t pos, uint8_t any, bool negate) {
    while (pos < t.size()) {
        const Cp c = cp_at(t, pos);
        const bool in = (c.cls & any) != 0;
        if (in == negate) break;
        pos += c.len;
    }
    return pos;
}

size_t scan_crlf(std::string_view t, size_t pos) {
    while (pos < t.size() && (t[pos] == '\r' || t[pos] == '\n')) ++pos;
    return pos;
}

// \s*[\r\n]+ | \s+(?!\S) | \s+ for a whitespace run starting at pos.
size_t match_whitespace(std::string_view t, size_t pos) {
    size_t end = pos, last_start = pos, after_crlf = 0;
    while (end < t.size()) {
        const Cp c = cp_at(t, end);
        if (!(c.cls & kClassWhitespace)) break;
        last_start = end;
        end += c.len;
        if (is_crlf(c.cp)) after_crlf = end;
    }
    if (after_crlf != 0) return after_crlf;       // \s*[\r\n]+
    if (end == t.size()) return end;               // \s+(?!\S) at the end of the text
    if (last_start > pos) return last_start;       // \s+(?!\S): leave the last space
    return end;                                    // \s+ (a single space before \S)
}

}  // namespace

size_t llama3_pretoken_end(std::string_view t, size_t pos) {
    const Cp c = cp_at(t, pos);
    if (c.cp == '\'') {
        const size_t end = match_contraction(t, pos);
        if (end != 0) return end;
    }
    // [^\r\n\p{L}\p{N}]?\p{L}+
    if (c.cls & kClassLetter) return scan_run(t, pos + c.len, kClassLetter, false);
    if (!(c.cls & kLN) && !is_crlf(c.cp)) {
        const Cp n = cp_at(t, pos + c.len);
        if (n.cls & kClassLetter) return scan_run(t, pos + c.len + n.len, kClassLetter, false);
    }
    // \p{N}{1,3}
    if (c.cls & kClassNumber) {
        size_t end = pos + c.len;
        for (int k = 1; k < 3; ++k) {
            const Cp n = cp_at(t, end);
            if (!(n.cls & kClassNumber)) break;
            end += n.len;
        }
        return end;
    }
    // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
    if (c.cp == ' ') {
        const Cp n = cp_at(t, pos + 1);
        if (n.len != 0 && !(n.cls & kLNS))
            return scan_crlf(t, scan_run(t, pos + 1 + n.len, kLNS, true));
    } else if (!(c.cls & kLNS)) {
        return scan_crlf(t, scan_run(t, pos + c.len, kLNS, true));
    }
    return match_whitespace(t, pos);
}

}  // namespace lectern::tokenizer
