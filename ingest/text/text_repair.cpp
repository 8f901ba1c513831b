// Presentation forms, bidi controls and legacy 8-bit text read as Latin-1 (see
// text_repair.h). ICU classifies and normalizes; iconv decodes the candidate encodings.
#include "text/text_repair.h"

#include "text/codecs.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <cstring>
#include <map>

namespace lectern::ingest {
namespace {

bool is_presentation_form(UChar32 c) {
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF && c != 0xFEFF);
}

// Directional marks and embeddings that carry no text once the text is in logical order.
bool is_bidi_control(UChar32 c) {
    return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

struct LetterStats {
    int letters = 0;
    int latin1_high = 0;  // letters U+00C0-U+00FF
    int odd = 0;          // U+FFFD, private-use and control characters inside words or in runs
    int visible = 0;
    int ascii_letters = 0, ascii_vowels = 0;
    int symbols_in_words = 0;  // ASCII symbols between two letters ("+HOOR", "Q#L")
    std::map<UScriptCode, int> scripts;
};

LetterStats letter_stats(const icu::UnicodeString& u) {
    LetterStats s;
    auto odd = [](UChar32 c) {
        return c == 0xFFFD || u_charType(c) == U_PRIVATE_USE_CHAR ||
               (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
    };
    UChar32 before = ' ';
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        const int32_t next_at = u.moveIndex32(i, 1);
        const UChar32 after = next_at < u.length() ? u.char32At(next_at) : ' ';
        if (!u_isspace(c)) ++s.visible;
        // A lone symbol-font character (a Word bullet U+F0B7, a check mark U+F0FC) is not a
        // sign of a broken map; one inside a word or next to another is.
        if (odd(c) && (u_isalpha(before) || u_isalpha(after) || odd(before) || odd(after) || c == 0xFFFD))
            ++s.odd;
        if (c < 0x80 && std::ispunct(static_cast<int>(c)) && c != '\'' && c != '-' && c != '.' && c != ',' &&
            before < 0x80 && after < 0x80 && std::isalpha(static_cast<int>(before)) && std::isalpha(static_cast<int>(after)))
            ++s.symbols_in_words;
        before = c;
        if (c < 0x80 && std::isalpha(static_cast<int>(c))) {
            ++s.ascii_letters;
            s.ascii_vowels += std::strchr("aeiouyAEIOUY", static_cast<int>(c)) != nullptr;
        }
        if (!u_isalpha(c)) continue;
        ++s.letters;
        if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) ++s.latin1_high;
        UErrorCode e = U_ZERO_ERROR;
        ++s.scripts[uscript_getScript(c, &e)];
    }
    return s;
}

// How plausible a re-decoding is: the share of its letters in the encoding's script plus
// the share of the language's ten most frequent letters, less twice the share of symbols
// stuck to letters. Two encodings can both give letters
// of their script (windows-1251 and KOI8-R, windows-1253 and windows-1256 on Arabic bytes);
// only the right one gives the frequent letters (the wrong one gives rare ones, or capitals).
double plausibility(const std::string& utf8, UScriptCode script, const char* frequentLetters, const char* vowels) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    const LetterStats s = letter_stats(u);
    if (s.letters == 0) return 0;
    auto it = s.scripts.find(script);
    const double share = it == s.scripts.end() ? 0 : double(it->second) / s.letters;
    const icu::UnicodeString frequent = icu::UnicodeString::fromUTF8(frequentLetters);
    const icu::UnicodeString vowel = icu::UnicodeString::fromUTF8(vowels);
    int common = 0, voweled = 0, upper = 0, symbols = 0;
    UChar32 before = ' ';
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 raw = u.char32At(i);
        upper += u_isupper(raw);
        const UChar32 c = u_tolower(raw);
        if (frequent.indexOf(c) >= 0) ++common;
        if (vowel.indexOf(c) >= 0) ++voweled;
        // A symbol touching a letter: a box-drawing character where the other code page has
        // a letter (Ukrainian "і" in KOI8-U is "╕" in KOI8-R).
        const int32_t next = u.moveIndex32(i, 1);
        const UChar32 after = next < u.length() ? u.char32At(next) : ' ';
        const auto type = u_charType(raw);
        if ((type == U_OTHER_SYMBOL || type == U_MATH_SYMBOL) && raw >= 0x80 && (u_isalpha(before) || u_isalpha(after)))
            ++symbols;
        before = raw;
    }
    // Running text is mostly lower case; the wrong one of two Cyrillic code pages gives capitals.
    if (!vowel.isEmpty() && 2 * upper > s.letters) return 0;
    // Words need vowels: about 40 % of Russian or Greek letters are; bytes of another language
    // decoded as windows-1251 give far fewer.
    if (!vowel.isEmpty() && double(voweled) / s.letters < 0.3) return 0;
    return share + double(common) / s.letters - 2.0 * symbols / s.letters;
}

// Legacy encodings whose text, read as Latin-1, is mostly letters U+00C0-U+00FF.
struct Candidate {
    const char* name;
    UScriptCode script;
    const char* frequent;  // the language's ten most frequent letters
    const char* vowels;    // its vowel letters ("" for Arabic, whose short vowels are not written)
};
// Ties go to the earlier one: Russian in KOI8-R reads the same as KOI8-U, which differs
// only where Ukrainian letters are (і, ї, є, ґ). Greek in ISO-8859-7 reads as windows-1253
// but for one capital (Ά), so it is not a candidate of its own.
constexpr std::array<Candidate, 5> kCandidates{{{"windows-1251", USCRIPT_CYRILLIC, "оеаинтсрвл", "аеёиоуыэюяіїє"},
                                                {"KOI8-R", USCRIPT_CYRILLIC, "оеаинтсрвл", "аеёиоуыэюя"},
                                                {"KOI8-U", USCRIPT_CYRILLIC, "оанітеирвл", "аеєиіїоуюя"},
                                                {"windows-1253", USCRIPT_GREEK, "αοιετνσρυκ", "αεηιουωάέήίόύώϊϋΐΰ"},
                                                {"windows-1256", USCRIPT_ARABIC, "اليمنوهرتب", ""}}};

// Re-decodes Latin-1 text as the most plausible candidate; "" when none is plausible.
std::string redecode(const icu::UnicodeString& u, std::string& text_out) {
    std::string bytes;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const int b = cp1252_byte(u.char32At(i));
        if (b < 0) return {};
        bytes += static_cast<char>(b);
    }
    double best = 0;
    const char* chosen = nullptr;
    for (const auto& c : kCandidates) {
        std::string decoded = iconv_to_utf8(bytes, c.name).value_or(std::string());
        if (decoded.empty()) continue;
        const double p = plausibility(decoded, c.script, c.frequent, c.vowels);
        // Nearly all letters in the script, and the frequent ones common (in real text about
        // half of the letters are the ten most frequent).
        if (p >= 1.3 && p > best) {
            best = p;
            chosen = c.name;
            text_out = std::move(decoded);
        }
    }
    return chosen ? chosen : "";
}

// The share of the ASCII letters of `text`, each moved up by `shift`, that are among the
// twelve most frequent in English and the other Latin-script languages ("etaoinshrdlu").
double common_letter_share(std::string_view text, int shift) {
    int letters = 0, common = 0;
    for (const char ch : text) {
        const int c = static_cast<unsigned char>(ch) + (ch == ' ' ? 0 : shift);
        if (c >= 0x80 || !std::isalpha(c)) continue;
        ++letters;
        common += std::strchr("etaoinshrdlu", std::tolower(c)) != nullptr;
    }
    return letters ? double(common) / letters : 0;
}

// A look at the UTF-8 bytes alone: whether the text may hold presentation forms, bidi
// controls, replacement or private-use characters (lead bytes D8, E2, EE, EF), or more
// Latin-1 letters (C3 xx) than others. Most clean pages of any script need no more than this.
bool worth_a_look(std::string_view t) {
    std::size_t ascii_letters = 0, vowels = 0, symbols = 0, latin1 = 0, others = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return true;
        if (c < 0x80) {
            ascii_letters += std::isalpha(c) != 0;
            vowels += std::strchr("aeiouyAEIOUY", c) != nullptr && c != 0;
            symbols += std::ispunct(c) && c != '\'' && c != '-' && c != '.' && c != ',';
            continue;
        }
        if (c == 0xD8 || c == 0xE2 || c == 0xEE || c == 0xEF) return true;
        if (c == 0xC3 && i + 1 < t.size()) {
            const auto d = static_cast<unsigned char>(t[i + 1]);
            latin1 += d != 0x97 && d != 0xB7;  // not × or ÷
            ++i;
        } else if (c >= 0xC0) {
            ++others;
        }
    }
    if (ascii_letters >= 40 && (vowels * 5 < ascii_letters || symbols * 10 > ascii_letters ||
                                common_letter_share(t, 29) > common_letter_share(t, 0) + 0.2))
        return true;
    return 2 * latin1 > ascii_letters + latin1 + others && ascii_letters + latin1 + others >= 8;
}

}  // namespace

TextRepair repair_text(std::string_view text) {
    TextRepair out;
    if (!worth_a_look(text)) {
        out.text = text;
        return out;
    }
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    UErrorCode e = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(e);
    icu::UnicodeString u;
    for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
        const UChar32 c = in.char32At(i);
        if (is_bidi_control(c)) continue;
        if (is_presentation_form(c) && nfkc) {
            UErrorCode ne = U_ZERO_ERROR;
            icu::UnicodeString letter = nfkc->normalize(icu::UnicodeString(c), ne);
            u.append(U_SUCCESS(ne) ? letter : icu::UnicodeString(c));
            out.presentation_forms = true;
            continue;
        }
        u.append(c);
    }
    const LetterStats s = letter_stats(u);
    u.toUTF8String(out.text);
    if (s.letters >= 8 && 2 * s.latin1_high > s.letters) {
        std::string decoded;
        out.redecoded_from = redecode(u, decoded);
        if (!out.redecoded_from.empty()) {
            out.text = std::move(decoded);
        } else {
            out.mis_encoded = true;
            out.reason = "most letters are accented Latin ones: the text is likely in another script's legacy encoding";
        }
    }
    if (s.visible >= 8 && s.odd * 10 > s.letters + s.odd) {
        out.mis_encoded = true;
        out.reason = "many replacement, private-use or control characters: the font has no usable character map";
    }
    // Glyph ids taken for characters (a CID font without a map): ASCII "words" with hardly a
    // vowel, or with symbols inside them, or text that reads far better shifted by 29 (the
    // distance from a character to its glyph in the standard glyph order).
    if (!out.mis_encoded && s.ascii_letters >= 40 &&
        (s.ascii_vowels * 5 < s.ascii_letters || s.symbols_in_words * 10 > s.ascii_letters ||
         common_letter_share(out.text, 29) > common_letter_share(out.text, 0) + 0.2)) {
        out.mis_encoded = true;
        out.reason = "the letters do not form words: the font's codes were likely taken for characters";
    }
    return out;
}

std::string dominant_script(std::string_view text) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const LetterStats s = letter_stats(u);
    UScriptCode best = USCRIPT_INVALID_CODE;
    int most = 0;
    for (const auto& [script, n] : s.scripts)
        if (n > most && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
            most = n;
            best = script;
        }
    return best == USCRIPT_INVALID_CODE ? std::string() : uscript_getName(best);
}

}  // namespace lectern::ingest
