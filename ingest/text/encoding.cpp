// Encoding detection for text files. UTF-8 (with or without a BOM) and UTF-16 with a BOM are
// told by their bytes and decoded here by hand. Anything else is a legacy encoding: uchardet
// guesses it, glibc's iconv converts it, and the guess is checked against the text it gives
// (control characters, symbols inside words, words mixing scripts, case flipping inside a word,
// accented letters that no one language uses together), beside the relatives uchardet confuses
// it with and windows-1252. Short Latin texts are where uchardet errs most, so windows-1252
// wins ties against other Latin code pages. When nothing decodes plausibly the bytes are read
// as windows-1252 and the result is marked uncertain. uchardet 0.0.7 (Debian 12) reports no
// confidence, so the plausibility check is the confidence.
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "lectern/ingest/text_file.h"
#include "text/codecs.h"

namespace lectern::ingest {
namespace {

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

// ---- Legacy encodings --------------------------------------------------------------------

// Encodings that share a script, and that uchardet confuses with one another.
enum class Family {
    Western, CentralEuropean, Baltic, Turkish, SouthEuropean, Nordic, Romanian, Vietnamese,
    Cyrillic, Greek, Arabic, Hebrew, Thai, Chinese, TraditionalChinese, Japanese, Korean
};

bool is_latin(Family f) { return f <= Family::Vietnamese; }

struct Charset {
    const char* detected;  // uchardet's name for it; "" for a relative it never names
    const char* name;      // what DecodedText::encoding reports
    const char* iconv;     // glibc iconv's name; "" for windows-1252, decoded by hand
    Family family;
};

// Where a WHATWG-style superset exists it decodes (CP932 for Shift_JIS keeps '\' and '~',
// which glibc's SHIFT_JIS turns into yen and overline; CP949 for EUC-KR, CP950 for Big5).
constexpr Charset kCharsets[] = {
    {"WINDOWS-1252", "windows-1252", "", Family::Western},
    {"ISO-8859-1", "windows-1252", "", Family::Western},
    {"ISO-8859-15", "windows-1252", "", Family::Western},
    {"ASCII", "windows-1252", "", Family::Western},
    {"WINDOWS-1250", "windows-1250", "CP1250", Family::CentralEuropean},
    {"ISO-8859-2", "ISO-8859-2", "ISO-8859-2", Family::CentralEuropean},
    {"IBM852", "IBM852", "IBM852", Family::CentralEuropean},
    {"MAC-CENTRALEUROPE", "x-mac-ce", "MAC-CENTRALEUROPE", Family::CentralEuropean},
    {"WINDOWS-1257", "windows-1257", "CP1257", Family::Baltic},
    {"ISO-8859-13", "ISO-8859-13", "ISO-8859-13", Family::Baltic},
    {"ISO-8859-4", "ISO-8859-4", "ISO-8859-4", Family::Baltic},
    {"ISO-8859-9", "windows-1254", "CP1254", Family::Turkish},
    {"ISO-8859-3", "ISO-8859-3", "ISO-8859-3", Family::SouthEuropean},
    {"ISO-8859-10", "ISO-8859-10", "ISO-8859-10", Family::Nordic},
    {"ISO-8859-16", "ISO-8859-16", "ISO-8859-16", Family::Romanian},
    {"WINDOWS-1258", "windows-1258", "CP1258", Family::Vietnamese},
    {"VISCII", "VISCII", "VISCII", Family::Vietnamese},
    {"WINDOWS-1251", "windows-1251", "CP1251", Family::Cyrillic},
    {"KOI8-R", "KOI8-R", "KOI8-R", Family::Cyrillic},
    {"", "KOI8-U", "KOI8-U", Family::Cyrillic},
    {"IBM866", "IBM866", "IBM866", Family::Cyrillic},
    {"ISO-8859-5", "ISO-8859-5", "ISO-8859-5", Family::Cyrillic},
    {"MAC-CYRILLIC", "x-mac-cyrillic", "MAC-CYRILLIC", Family::Cyrillic},
    {"ISO-8859-7", "ISO-8859-7", "ISO-8859-7", Family::Greek},
    {"WINDOWS-1253", "windows-1253", "CP1253", Family::Greek},
    {"WINDOWS-1256", "windows-1256", "CP1256", Family::Arabic},
    {"ISO-8859-6", "ISO-8859-6", "ISO-8859-6", Family::Arabic},
    {"WINDOWS-1255", "windows-1255", "CP1255", Family::Hebrew},
    {"ISO-8859-8", "ISO-8859-8", "ISO-8859-8", Family::Hebrew},
    {"TIS-620", "windows-874", "CP874", Family::Thai},
    {"ISO-8859-11", "windows-874", "CP874", Family::Thai},
    {"GB18030", "GB18030", "GB18030", Family::Chinese},
    {"BIG5", "Big5", "CP950", Family::TraditionalChinese},
    {"", "Big5-HKSCS", "BIG5-HKSCS", Family::TraditionalChinese},
    {"EUC-TW", "EUC-TW", "EUC-TW", Family::TraditionalChinese},
    {"SHIFT_JIS", "Shift_JIS", "CP932", Family::Japanese},
    {"EUC-JP", "EUC-JP", "EUC-JP", Family::Japanese},
    {"UHC", "EUC-KR", "CP949", Family::Korean},
    {"EUC-KR", "EUC-KR", "CP949", Family::Korean},
};

const Charset& windows_1252() { return kCharsets[0]; }

const Charset* find_charset(std::string_view detected) {
    if (detected.empty()) return nullptr;
    for (const auto& c : kCharsets)
        if (detected == c.detected) return &c;
    return nullptr;
}

// The guess, its relatives and windows-1252, in the order that wins ties: windows-1252 first
// when the guess is another Latin code page, last when it is another script. A Latin guess
// also brings windows-1250, which uchardet often calls ISO-8859-1 in short texts.
std::vector<const Charset*> candidates_for(const Charset& guess) {
    std::vector<const Charset*> out;
    auto add = [&](const Charset& c) {
        for (const Charset* have : out)
            if (std::string_view(have->name) == c.name) return;
        out.push_back(&c);
    };
    if (is_latin(guess.family)) add(windows_1252());
    add(guess);
    for (const auto& c : kCharsets)
        if (c.family == guess.family) add(c);
    if (is_latin(guess.family)) add(*find_charset("WINDOWS-1250"));
    add(windows_1252());
    return out;
}

std::string detect_charset(std::string_view bytes) {
    std::unique_ptr<uchardet, void (*)(uchardet_t)> ud(uchardet_new(), uchardet_delete);
    if (!ud || uchardet_handle_data(ud.get(), bytes.data(), bytes.size()) != 0) return {};
    uchardet_data_end(ud.get());
    const char* name = uchardet_get_charset(ud.get());
    return name ? name : "";
}

std::optional<std::string> decode_as(std::string_view bytes, const Charset& c, bool cut_end) {
    if (*c.iconv == '\0') return decode_cp1252(bytes);
    return iconv_to_utf8(bytes, c.iconv, cut_end);
}

// ---- Plausibility of decoded text --------------------------------------------------------

enum class Script { None, Mark, Latin, Greek, Cyrillic, Hebrew, Arabic, Thai, Cjk };

Script script_of(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Script::Latin;
    if (c < 0xC0) return Script::None;
    if (c <= 0x24F) return c == 0xD7 || c == 0xF7 ? Script::None : Script::Latin;
    if (c >= 0x300 && c < 0x370) return Script::Mark;
    if (c >= 0x1E00 && c < 0x1F00) return Script::Latin;
    if (c >= 0x370 && c < 0x400)
        return c == 0x37E || c == 0x384 || c == 0x385 || c == 0x387 ? Script::None
                                                                   : Script::Greek;
    if (c >= 0x1F00 && c < 0x2000) return Script::Greek;
    if (c >= 0x400 && c < 0x530) return Script::Cyrillic;
    if (c >= 0x591 && c < 0x600) return Script::Hebrew;
    if (c >= 0x600 && c < 0x700) {
        bool punct = c == 0x60C || c == 0x61B || c == 0x61F || (c >= 0x66A && c <= 0x66D) ||
                     c == 0x6D4 || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9);
        return punct ? Script::None : Script::Arabic;
    }
    if ((c >= 0xFB50 && c < 0xFE00) || (c >= 0xFE70 && c < 0xFEFF)) return Script::Arabic;
    if (c >= 0xE01 && c < 0xE5C) return Script::Thai;
    bool cjk = (c >= 0x3040 && c < 0x3100) || (c >= 0x3400 && c < 0x4DC0) ||
               (c >= 0x4E00 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0) ||
               (c >= 0x1100 && c < 0x1200) || (c >= 0x3130 && c < 0x3190) ||
               (c >= 0xF900 && c < 0xFB00) || (c >= 0xFF21 && c <= 0xFF3A) ||
               (c >= 0xFF41 && c <= 0xFF5A) || (c >= 0xFF66 && c < 0xFFA0) ||
               (c >= 0x3005 && c <= 0x3007) || (c >= 0x20000 && c < 0x30000);
    return cjk ? Script::Cjk : Script::None;
}

bool is_letter(char32_t c) { return script_of(c) != Script::None; }

// Characters no real text has: controls other than layout ones, C1 controls, U+FFFD, private
// use. A Ctrl-Z that ends an old DOS file is forgiven by the caller.
bool is_garbage(char32_t c) {
    if (c < 0x20) return c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
    return c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFD || (c >= 0xE000 && c < 0xF900);
}

// Signs and punctuation that do not sit between two letters of a word (apostrophes, hyphens,
// the soft hyphen and the Catalan middle dot do).
bool is_symbol(char32_t c) {
    if (c >= 0xA1 && c < 0xC0)
        return c != 0xAA && c != 0xAD && c != 0xB5 && c != 0xB7 && c != 0xBA;
    if (c == 0xD7 || c == 0xF7 || c == 0x384 || c == 0x385) return true;
    if (c >= 0x2C0 && c < 0x300) return c != 0x2BC;
    if (c >= 0x2000 && c < 0x2C00)
        return c != 0x2010 && c != 0x2011 && c != 0x2018 && c != 0x2019 && c != 0x2027;
    return false;
}

char32_t lower_latin(char32_t c) {
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    bool even_upper = (c >= 0x100 && c < 0x138) || (c >= 0x14A && c < 0x178) ||
                      (c >= 0x218 && c < 0x21C);
    if (even_upper && c % 2 == 0) return c + 1;
    bool odd_upper = (c >= 0x139 && c < 0x149) || (c >= 0x179 && c < 0x17F);
    if (odd_upper && c % 2 == 1) return c + 1;
    return c == 0x178 ? 0xFF : c;
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c < 0x250) return script_of(c) == Script::Latin && lower_latin(c) != c;
    if (c < 0x400) return c == 0x386 || (c >= 0x388 && c < 0x3AC);
    return c < 0x430;
}

bool is_lower(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c < 0x250) return script_of(c) == Script::Latin && !is_upper(c);
    if (c < 0x400) return c >= 0x3AC && c < 0x3CF;
    return c >= 0x430 && c < 0x460;
}

// Accented letters (lower case) that texts in the languages the Latin code pages serve use.
// A text whose accented letters fit no single one of them was most likely decoded with the
// wrong page. Kept to letters in common use: a generous alphabet absorbs misreadings.
// Vietnamese is left out: its alphabet holds nearly every accented letter and would fit any
// misreading.
constexpr std::u32string_view kAlphabets[] = {
    U"àâæçéèêëîïôœùûüÿ",   // French
    U"äöüßéàè",             // German (with the French of loanwords)
    U"áéíñóúü",             // Spanish
    U"áâãàçéêíóôõú",        // Portuguese
    U"àèéìíîòóù",           // Italian
    U"àçéèíïòóúü",          // Catalan
    U"éëèïöü",              // Dutch
    U"æøåéóà",              // Danish, Norwegian
    U"åäöé",                // Swedish
    U"äöåšžõü",             // Finnish, Estonian
    U"áðéíóúýþæö",          // Icelandic, Faroese
    U"áčďéěíňóřšťúůýž",     // Czech
    U"áäčďéíĺľňóôŕšťúýž",   // Slovak
    U"ąćęłńóśźż",           // Polish
    U"áéíóöőúüű",           // Hungarian
    U"čćđšž",               // Croatian, Slovene, Bosnian
    U"ăâîșțşţ",             // Romanian
    U"çğıöşüâîû",           // Turkish
    U"ąčęėįšųūž",           // Lithuanian
    U"āčēģīķļņšūž",         // Latvian
    U"ċġħżàèìòù",           // Maltese
    U"ĉĝĥĵŝŭ",              // Esperanto
};

int alphabet_misses(const std::map<char32_t, int>& accented) {
    if (accented.empty()) return 0;
    int best = INT_MAX;
    for (auto alphabet : kAlphabets) {
        int misses = 0;
        for (const auto& [c, n] : accented)
            if (alphabet.find(c) == std::u32string_view::npos) misses += n;
        best = std::min(best, misses);
    }
    return best;
}

std::u32string to_code_points(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < len && i + k < utf8.size(); ++k)
            cp = cp << 6 | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        out += cp;
        i += len;
    }
    return out;
}

struct Plausibility {
    int n_nonascii = 0;  // code points above U+007F
    int n_accented = 0;  // Latin letters above U+007F
    int faults = 0;      // garbage, symbols inside words, mixed-script words, case flips
    int misses = 0;      // accented letters outside the best-fitting language's alphabet
    int oddities = 0;    // legal but unlikely: box drawing touching a letter (DOS tables),
                         // an œ ending a word (Polish ś read as windows-1252)
    int cost() const { return 2 * faults + misses + oddities; }
    // Real text in the right encoding has (almost) no faults, and its accented letters
    // mostly belong to one language.
    bool believable() const { return faults * 20 <= n_nonascii && misses * 2 <= n_accented; }
};

Plausibility judge(std::string_view utf8) {
    const std::u32string cps = to_code_points(utf8);
    Plausibility p;
    std::map<char32_t, int> accented;
    unsigned word_scripts = 0;  // bit per Script of the letters of the current word
    bool word_mixed = false;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        const char32_t prev = i ? cps[i - 1] : U' ';
        const char32_t next = i + 1 < cps.size() ? cps[i + 1] : U' ';
        if (c >= 0x80) ++p.n_nonascii;
        if (is_garbage(c) && !(c == 0x1A && i + 1 == cps.size())) ++p.faults;
        Script s = script_of(c);
        if (s == Script::None) {
            if (is_symbol(c) && is_letter(prev) && is_letter(next)) ++p.faults;
            if (c >= 0x2500 && c < 0x25A0 && (is_letter(prev) || is_letter(next))) ++p.oddities;
            // A closing quote opening a word: a letter (Greek Ά) read from the wrong page.
            if (c == 0x2019 && !is_letter(prev) && is_letter(next)) ++p.faults;
            word_scripts = 0;
            word_mixed = false;
            continue;
        }
        if (c >= 0x80 && is_upper(c) && is_lower(prev)) ++p.faults;
        if ((c == 0x152 || c == 0x153) && !is_letter(next)) ++p.oddities;
        if (s != Script::Mark && s != Script::Cjk) word_scripts |= 1u << static_cast<int>(s);
        if (!word_mixed && (word_scripts & (word_scripts - 1)) != 0) {
            word_mixed = true;
            ++p.faults;
        }
        if (s == Script::Latin && c >= 0x80) {
            ++p.n_accented;
            ++accented[lower_latin(c)];
        }
    }
    p.misses = alphabet_misses(accented);
    return p;
}

// uchardet reads at most this much; the candidates are judged on the same prefix.
constexpr std::size_t kSampleBytes = 256 * 1024;

DecodedText uncertain_cp1252(std::string_view bytes) {
    return DecodedText{decode_cp1252(bytes), "windows-1252", true};
}

DecodedText decode_legacy(std::string_view bytes) {
    const std::string_view sample = bytes.substr(0, kSampleBytes);
    const bool cut = sample.size() < bytes.size();
    const Charset* guess = find_charset(detect_charset(sample));
    if (!guess) return uncertain_cp1252(bytes);
    const std::string as_cp1252 = decode_cp1252(sample);
    const Charset* best = nullptr;
    std::string best_text;
    Plausibility best_p;
    for (const Charset* c : candidates_for(*guess)) {
        auto text = decode_as(sample, *c, cut);
        if (!text) continue;
        // A page that reads these bytes exactly as windows-1252 does is windows-1252 here.
        if (*c->iconv != '\0' && *text == as_cp1252) continue;
        Plausibility p = judge(*text);
        if (!best || p.cost() < best_p.cost()) {
            best = c;
            best_p = p;
            best_text = std::move(*text);
        }
    }
    if (!best || !best_p.believable()) return uncertain_cp1252(bytes);
    if (cut) {
        auto full = decode_as(bytes, *best, false);
        if (!full) return uncertain_cp1252(bytes);
        best_text = std::move(*full);
    }
    return DecodedText{std::move(best_text), best->name, false};
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
        if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8", false};
        // Marked UTF-8 but not: no guess beats the mark, so say it is a guess.
        return uncertain_cp1252(bytes);
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        bool little_endian = bytes[0] == '\xFF';
        auto text = decode_utf16(bytes.substr(2), little_endian);
        if (!text) return text.error();
        return DecodedText{std::move(*text), little_endian ? "UTF-16LE" : "UTF-16BE", false};
    }
    if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8", false};
    return decode_legacy(bytes);
}

}  // namespace lectern::ingest
