// declared_charset and decode_html (see html_charset.h). The prescan follows the HTML
// standard's in spirit: comments are skipped, each <meta> tag's attributes are parsed with
// or without quotes, and the first tag that names a charset wins. Browsers scan 1024 bytes;
// 4 KiB also finds the declaration of pages with a long comment or <title> before it.
#include "office/html_charset.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "text/codecs.h"

namespace lectern::ingest::office {
namespace {

constexpr std::size_t kPrescanBytes = 4096;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

using Attributes = std::vector<std::pair<std::string, std::string>>;  // (lowercased name, value)

// The attributes of a tag from `pos` (just after its name) to its '>'; `pos` ends after it.
Attributes tag_attributes(std::string_view s, std::size_t& pos) {
    Attributes out;
    while (pos < s.size()) {
        while (pos < s.size() && (is_space(s[pos]) || s[pos] == '/')) ++pos;
        if (pos >= s.size() || s[pos] == '>') break;
        std::string name, value;
        while (pos < s.size() && !is_space(s[pos]) && s[pos] != '=' && s[pos] != '>' && s[pos] != '/')
            name += lower(s[pos++]);
        while (pos < s.size() && is_space(s[pos])) ++pos;
        if (pos < s.size() && s[pos] == '=') {
            ++pos;
            while (pos < s.size() && is_space(s[pos])) ++pos;
            if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
                const std::size_t end = std::min(s.find(s[pos], pos + 1), s.size());
                value = s.substr(pos + 1, end - pos - 1);
                pos = end + 1;
            } else {
                while (pos < s.size() && !is_space(s[pos]) && s[pos] != '>') value += s[pos++];
            }
        }
        out.emplace_back(std::move(name), std::move(value));
    }
    ++pos;
    return out;
}

// "text/html; charset=windows-1251" -> "windows-1251".
std::string charset_of_content(const std::string& content) {
    const std::string c = lower_trimmed(content);
    for (std::size_t at = c.find("charset"); at != std::string::npos; at = c.find("charset", at + 7)) {
        std::size_t pos = at + 7;
        while (pos < c.size() && is_space(c[pos])) ++pos;
        if (pos >= c.size() || c[pos] != '=') continue;
        ++pos;
        while (pos < c.size() && is_space(c[pos])) ++pos;
        if (pos < c.size() && (c[pos] == '"' || c[pos] == '\'')) {
            const std::size_t end = c.find(c[pos], pos + 1);
            return end == std::string::npos ? std::string() : c.substr(pos + 1, end - pos - 1);
        }
        std::size_t end = pos;
        while (end < c.size() && !is_space(c[end]) && c[end] != ';') ++end;
        return c.substr(pos, end - pos);
    }
    return {};
}

std::string meta_charset(const Attributes& attributes) {
    std::string http_equiv, content;
    for (const auto& [name, value] : attributes) {
        if (name == "charset") return lower_trimmed(value);
        if (name == "http-equiv") http_equiv = lower_trimmed(value);
        if (name == "content") content = value;
    }
    return http_equiv == "content-type" ? charset_of_content(content) : std::string();
}

bool starts_tag(std::string_view s, std::size_t pos, std::string_view name) {
    if (pos + 1 + name.size() >= s.size() || s[pos] != '<') return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (lower(s[pos + 1 + i]) != name[i]) return false;
    const char after = s[pos + 1 + name.size()];
    return is_space(after) || after == '/';
}

// How a label is decoded: by iconv under `iconv` (empty: by the windows-1252 table), and
// the encoding's name as decode_text gives it. `utf` for UTF-8 and UTF-16 labels, which a
// page whose bytes are not UTF-8 cannot truly be in.
struct Codec {
    std::string iconv;
    std::string name;
    bool utf = false;
};

Codec codec_for(const std::string& label) {
    static const std::vector<std::pair<std::vector<std::string>, std::pair<const char*, const char*>>> known = {
        {{"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
          "x-cp1252"}, {"", "windows-1252"}},
        {{"gb2312", "gbk", "gb18030", "x-gbk", "chinese"}, {"GB18030", "GB18030"}},
        {{"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j"}, {"CP932", "Shift_JIS"}},
        {{"euc-kr", "ks_c_5601-1987", "korean", "windows-949"}, {"CP949", "EUC-KR"}},
        {{"big5", "big5-hkscs", "x-x-big5"}, {"BIG5-HKSCS", "Big5"}},
    };
    Codec c;
    if (label.starts_with("utf-") || label == "utf8" || label.starts_with("unicode")) {
        c.utf = true;
        return c;
    }
    if (label.starts_with("cp125") || label.starts_with("x-cp125")) {  // "cp1251": windows-1251
        c.name = "windows-" + label.substr(label.find("125"));
        c.iconv = c.name;
        return c;
    }
    for (const auto& [labels, codec] : known)
        if (std::find(labels.begin(), labels.end(), label) != labels.end()) {
            c.iconv = codec.first;
            c.name = codec.second;
            return c;
        }
    // iconv knows the rest by their labels ("windows-1251", "koi8-r", "iso-8859-7").
    c.iconv = label;
    c.name = label;
    if (!label.starts_with("windows-"))
        std::transform(c.name.begin(), c.name.end(), c.name.begin(),
                       [](char ch) { return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch; });
    return c;
}

}  // namespace

std::string declared_charset(std::string_view html) {
    const std::string_view head = html.substr(0, kPrescanBytes);
    for (std::size_t pos = 0; pos < head.size();) {
        if (head.compare(pos, 4, "<!--") == 0) {
            const std::size_t end = head.find("-->", pos + 4);
            if (end == std::string_view::npos) break;
            pos = end + 3;
        } else if (starts_tag(head, pos, "meta")) {
            pos += 5;
            const std::string charset = meta_charset(tag_attributes(head, pos));
            if (!charset.empty()) return charset;
        } else {
            ++pos;
        }
    }
    return {};
}

Result<DecodedText> decode_html(std::string_view bytes, std::vector<std::string>& warnings) {
    const bool bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
    if (bom || is_valid_utf8(bytes)) return decode_text(bytes);
    const std::string label = declared_charset(bytes);
    if (label.empty()) return decode_text(bytes);
    const Codec codec = codec_for(label);
    std::optional<std::string> text;
    if (!codec.utf) text = codec.iconv.empty() ? decode_cp1252(bytes) : iconv_to_utf8(bytes, codec.iconv.c_str());
    if (!text) {
        warnings.push_back("the page declares the charset " + label +
                           " but its bytes are not in it; its encoding was guessed instead");
        return decode_text(bytes);
    }
    DecodedText out;
    out.text = std::move(*text);
    out.encoding = codec.name;
    return out;
}

}  // namespace lectern::ingest::office
