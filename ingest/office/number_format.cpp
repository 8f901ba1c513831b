// format_cell_number: a format code is split into sections (positive;negative;zero;text);
// the section for the value is read as a date/time pattern when it holds date letters
// outside quotes, else as a number pattern (placeholders with literal text around them).
#include "office/number_format.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace lectern::ingest::office {
namespace {

// Literal text and the pattern with quotes, escapes and [Red]/[$-409] tags removed; `bad` is
// set for bracket codes that change the meaning ([h] elapsed time, [>100] conditions).
struct Section {
    std::string pattern;  // placeholders and date letters; literals replaced by '\x01'
    std::vector<std::string> literals;
    bool bad = false;
};

Section parse_section(const std::string& code) {
    Section s;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const auto end = code.find('"', i + 1);
            s.literals.push_back(code.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1));
            s.pattern += '\x01';
            i = end == std::string::npos ? code.size() : end;
        } else if (c == '\\' && i + 1 < code.size()) {
            s.literals.push_back(std::string(1, code[++i]));
            s.pattern += '\x01';
        } else if (c == '[') {
            const auto end = code.find(']', i);
            const std::string tag = code.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
            if (!tag.starts_with("$") && !std::isalpha(static_cast<unsigned char>(tag.empty() ? ' ' : tag[0]))) s.bad = true;
            if (tag == "h" || tag == "hh" || tag == "m" || tag == "mm" || tag == "s" || tag == "ss") s.bad = true;
            if (tag.starts_with("$") && tag.size() > 1 && tag[1] != '-') {
                s.literals.push_back(tag.substr(1, tag.find('-') == std::string::npos ? std::string::npos : tag.find('-') - 1));
                s.pattern += '\x01';
            }
            i = end == std::string::npos ? code.size() : end;
        } else if (c == '_' && i + 1 < code.size()) {
            s.literals.push_back(" ");  // the width of the next character
            s.pattern += '\x01';
            ++i;
        } else if (c == '*' && i + 1 < code.size()) {
            ++i;  // fill character: nothing in text
        } else {
            s.pattern += c;
        }
    }
    return s;
}

bool is_date_pattern(const std::string& p) {
    for (char c : p) {
        const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (l == 'y' || l == 'd' || l == 'h' || l == 's' || l == 'm') return true;
    }
    return false;
}

std::string group_thousands(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::optional<std::string> format_plain(double value, const Section& s) {
    const std::string& p = s.pattern;
    const auto first = p.find_first_of("0#?");
    if (first == std::string::npos) {  // text only ("-" for zero)
        std::string out;
        std::size_t lit = 0;
        for (char c : p) out += c == '\x01' ? (lit < s.literals.size() ? s.literals[lit++] : "") : std::string(1, c);
        return out;
    }
    if (p.find_first_of("Ee/") != std::string::npos) return std::nullopt;
    const auto last = p.find_last_of("0#?");
    const std::string digits = p.substr(first, last - first + 1);
    const auto dot = digits.find('.');
    int decimals = 0, min_int = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const bool placeholder = digits[i] == '0' || digits[i] == '#' || digits[i] == '?';
        if (dot != std::string::npos && i > dot && placeholder) ++decimals;
        if ((dot == std::string::npos || i < dot) && digits[i] == '0') ++min_int;
    }
    const bool thousands = digits.substr(0, dot).find(',') != std::string::npos;
    double v = value;
    if (p.find('%') != std::string::npos) v *= 100;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    std::string number = buf;
    std::string int_part = number.substr(0, number.find('.'));
    std::string frac = number.find('.') == std::string::npos ? "" : number.substr(number.find('.'));
    if (min_int == 0 && int_part == "0") int_part.clear();
    while (static_cast<int>(int_part.size()) < min_int) int_part.insert(0, "0");
    if (thousands) int_part = group_thousands(int_part);
    std::string out;
    std::size_t lit = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (i == first) out += int_part + frac;
        if (i >= first && i <= last) continue;
        out += p[i] == '\x01' ? (lit < s.literals.size() ? s.literals[lit++] : "") : std::string(1, p[i]);
    }
    return out;
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
void civil_from_days(long long z, int& y, int& m, int& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

const char* const kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December"};
const char* const kDays[] = {"Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

struct DateParts {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    long long days = 0;  // since 1970-01-01
};

DateParts date_parts(double serial, bool date1904) {
    // Excel's 1900 system counts a 29 February 1900 that never was: serials from 61 on are
    // days since 1899-12-30, those before since 1899-12-31.
    const long long epoch_1900 = serial < 61 ? -25568 : -25569;
    const long long epoch = date1904 ? -24107 : epoch_1900;
    long long whole = static_cast<long long>(std::floor(serial));
    long long secs = std::llround((serial - static_cast<double>(whole)) * 86400.0);
    if (secs >= 86400) { ++whole; secs -= 86400; }
    DateParts p;
    p.days = whole + epoch;
    civil_from_days(p.days, p.y, p.mo, p.d);
    p.h = static_cast<int>(secs / 3600);
    p.mi = static_cast<int>(secs / 60 % 60);
    p.s = static_cast<int>(secs % 60);
    return p;
}

// One run of a date letter ("mmm", "yy") as text; `minute`: an m run that means minutes.
std::string date_token(char l, std::size_t n, bool minute, bool ampm, const DateParts& p) {
    const int h12 = p.h % 12 == 0 ? 12 : p.h % 12;
    switch (l) {
    case 'y': return n <= 2 ? two(p.y % 100) : std::to_string(p.y);
    case 'd':
        if (n == 1) return std::to_string(p.d);
        if (n == 2) return two(p.d);
        {
            const std::string day = kDays[((p.days % 7) + 7) % 7];
            return n == 3 ? day.substr(0, 3) : day;
        }
    case 'h': return n == 1 ? std::to_string(ampm ? h12 : p.h) : two(ampm ? h12 : p.h);
    case 's': return n == 1 ? std::to_string(p.s) : two(p.s);
    case 'm':
        if (minute) return n == 1 ? std::to_string(p.mi) : two(p.mi);
        if (n == 1) return std::to_string(p.mo);
        if (n == 2) return two(p.mo);
        if (n == 3) return std::string(kMonths[p.mo - 1]).substr(0, 3);
        if (n == 4) return kMonths[p.mo - 1];
        return std::string(kMonths[p.mo - 1]).substr(0, 1);
    default: return {};
    }
}

std::optional<std::string> format_date(double value, const std::string& pattern,
                                       const std::vector<std::string>& literals, bool date1904) {
    if (!(value >= 0 && value <= 2958465)) return std::nullopt;  // outside 1900-9999, or NaN
    const DateParts p = date_parts(value, date1904);
    std::string lower_pattern;
    for (char c : pattern) lower_pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool ampm = lower_pattern.find("am/pm") != std::string::npos || lower_pattern.find("a/p") != std::string::npos;
    struct Token { char letter; std::size_t n; std::string literal; };
    std::vector<Token> tokens;
    std::size_t lit = 0;
    for (std::size_t i = 0; i < pattern.size();) {
        const char l = lower_pattern[i];
        if (lower_pattern.compare(i, 5, "am/pm") == 0) {
            tokens.push_back({'\0', 0, p.h < 12 ? "AM" : "PM"});
            i += 5;
        } else if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') {
            std::size_t j = i;
            while (j < pattern.size() && lower_pattern[j] == l) ++j;
            tokens.push_back({l, j - i, {}});
            i = j;
        } else {
            tokens.push_back({'\0', 0, pattern[i] == '\x01' ? (lit < literals.size() ? literals[lit++] : "")
                                                                : std::string(1, pattern[i])});
            ++i;
        }
    }
    std::string out;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const Token& tok = tokens[t];
        if (tok.letter == '\0') { out += tok.literal; continue; }
        bool minute = false;
        if (tok.letter == 'm' && tok.n <= 2) {
            for (std::size_t b = t; b-- > 0;)
                if (tokens[b].letter != '\0') { minute = tokens[b].letter == 'h'; break; }
            for (std::size_t a = t + 1; a < tokens.size() && !minute; ++a)
                if (tokens[a].letter != '\0') { minute = tokens[a].letter == 's'; break; }
        }
        out += date_token(tok.letter, tok.n, minute, ampm, p);
    }
    return out;
}

}  // namespace

std::string general_number(double value) {
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", value);
        return buf;
    }
    char buf[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, value);
        if (std::strtod(buf, nullptr) == value) break;
    }
    return buf;
}

std::string builtin_format_code(int id) {
    switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 5: return "$#,##0_);($#,##0)";
    case 6: case 7: return "$#,##0.00_);($#,##0.00)";
    case 9: return "0%";
    case 10: return "0.00%";
    case 14: return "yyyy-mm-dd";  // locale short date, written as ISO
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy-mm-dd h:mm";  // locale date and time, written as ISO
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;(#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;(#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 49: return "@";
    default: return {};
    }
}

std::optional<std::string> format_cell_number(double value, int id, const std::string& code,
                                              bool date1904) {
    // No sheet computes these; a file that stores them gets them shown, never formatted.
    if (std::isnan(value)) return std::string("NaN");
    if (std::isinf(value)) return std::string(value > 0 ? "Infinity" : "-Infinity");
    std::string format = code.empty() ? builtin_format_code(id) : code;
    if (format.empty() && id == 0) return general_number(value);
    if (format.empty()) return std::nullopt;
    if (format == "General" || format == "@") return general_number(value);
    std::vector<std::string> sections;
    for (std::size_t start = 0;;) {
        const auto semi = format.find(';', start);
        sections.push_back(format.substr(start, semi == std::string::npos ? std::string::npos : semi - start));
        if (semi == std::string::npos) break;
        start = semi + 1;
    }
    std::size_t pick = 0;
    bool explicit_sign = false;
    if (value < 0 && sections.size() >= 2) { pick = 1; explicit_sign = true; }
    else if (value == 0 && sections.size() >= 3) pick = 2;
    const Section s = parse_section(sections[pick]);
    if (s.bad) return std::nullopt;
    if (s.pattern == "General") return general_number(explicit_sign ? std::fabs(value) : value);
    if (is_date_pattern(s.pattern)) return format_date(value, s.pattern, s.literals, date1904);
    auto out = format_plain(value, s);
    if (out && value < 0 && !explicit_sign) {
        // One section: the sign is printed before the number (a rounded -0.00 stays "0.00").
        bool nonzero = false;
        for (char c : *out) nonzero = nonzero || (c >= '1' && c <= '9');
        if (nonzero) out->insert(0, "-");
    }
    return out;
}

}  // namespace lectern::ingest::office
