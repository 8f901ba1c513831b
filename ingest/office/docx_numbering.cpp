// DocxStyles and DocxNumbering (see docx_numbering.h). Counters belong to the abstract list,
// as in Word: two w:num of one abstractNum continue each other unless one overrides a start.
#include "office/docx_numbering.h"

#include <algorithm>
#include <cctype>
#include <climits>

#include "office/read_limits.h"

namespace lectern::ingest::office {
namespace {

int int_attr(const pugi::xml_node& node, const char* child, int fallback) {
    const auto c = node.child(child);
    return c ? c.attribute("w:val").as_int(fallback) : fallback;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string roman(int value) {
    static const std::pair<int, const char*> kDigits[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [n, s] : kDigits)
        while (value >= n) { out += s; value -= n; }
    return out;
}

std::string letters(int value) {
    // Word repeats the letter: a..z, aa..zz, aaa...
    if (value <= 0) return "0";
    const char letter = static_cast<char>('a' + (value - 1) % 26);
    return std::string(static_cast<std::size_t>((value - 1) / 26 + 1), letter);
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::string format_list_number(int value, const std::string& num_fmt) {
    if (num_fmt == "lowerLetter") return letters(value);
    if (num_fmt == "upperLetter") return upper(letters(value));
    if (num_fmt == "lowerRoman") return value > 0 ? roman(value) : "0";
    if (num_fmt == "upperRoman") return value > 0 ? upper(roman(value)) : "0";
    if (num_fmt == "decimalZero") return (value < 10 ? "0" : "") + std::to_string(value);
    return std::to_string(value);  // decimal and the formats not rendered (ordinal, CJK...)
}

void DocxStyles::load(const pugi::xml_node& styles) {
    language_ = styles.child("w:docDefaults").child("w:rPrDefault").child("w:rPr")
                    .child("w:lang").attribute("w:val").as_string();
    for (auto style : styles.children("w:style")) {
        if (std::string(style.attribute("w:type").as_string()) != "paragraph") continue;
        Entry e;
        e.based_on = style.child("w:basedOn").attribute("w:val").as_string();
        const std::string name = lower(style.child("w:name").attribute("w:val").as_string());
        const auto ppr = style.child("w:pPr");
        if (name.starts_with("heading ") && name.size() == 9 && std::isdigit(static_cast<unsigned char>(name[8]))) {
            e.own.heading = std::min(name[8] - '0', 6);
            e.has_heading = true;
        } else if (name == "title") {
            e.own.heading = 1;
            e.has_heading = true;
        } else if (ppr.child("w:outlineLvl")) {
            const int level = int_attr(ppr, "w:outlineLvl", 9);
            e.own.heading = level < 6 ? level + 1 : 0;
            e.has_heading = true;
        }
        if (const auto num = ppr.child("w:numPr")) {
            e.own.num_id = num.child("w:numId").attribute("w:val").as_string();
            e.own.ilvl = int_attr(num, "w:ilvl", 0);
            e.has_num = true;
        }
        styles_[style.attribute("w:styleId").as_string()] = e;
    }
}

ParagraphStyle DocxStyles::paragraph_style(const std::string& style_id) const {
    ParagraphStyle out;
    bool heading = false, num = false;
    std::string id = style_id;
    for (int depth = 0; depth < 16 && !id.empty() && !(heading && num); ++depth) {
        const auto it = styles_.find(id);
        if (it == styles_.end()) break;
        if (!heading && it->second.has_heading) { out.heading = it->second.own.heading; heading = true; }
        if (!num && it->second.has_num) {
            out.num_id = it->second.own.num_id;
            out.ilvl = it->second.own.ilvl;
            num = true;
        }
        id = it->second.based_on;
    }
    return out;
}

void DocxNumbering::load(const pugi::xml_node& numbering) {
    for (auto abstract : numbering.children("w:abstractNum")) {
        Levels levels;
        for (auto lvl : abstract.children("w:lvl")) {
            const int i = lvl.attribute("w:ilvl").as_int(-1);
            if (i < 0 || i >= 9) continue;
            levels[static_cast<std::size_t>(i)].start = std::clamp(int_attr(lvl, "w:start", 1), 0, kMaxListStart);
            levels[static_cast<std::size_t>(i)].format =
                lvl.child("w:numFmt").attribute("w:val").as_string("decimal");
            levels[static_cast<std::size_t>(i)].text = lvl.child("w:lvlText").attribute("w:val").as_string();
        }
        abstracts_[abstract.attribute("w:abstractNumId").as_string()] = levels;
    }
    for (auto num : numbering.children("w:num")) {
        Num n;
        n.abstract_id = num.child("w:abstractNumId").attribute("w:val").as_string();
        for (auto o : num.children("w:lvlOverride"))
            if (const auto start = o.child("w:startOverride"))
                n.start_override[o.attribute("w:ilvl").as_int()] =
                    std::clamp(start.attribute("w:val").as_int(1), 0, kMaxListStart);
        nums_[num.attribute("w:numId").as_string()] = n;
    }
}

std::string DocxNumbering::next_label(const std::string& num_id, int ilvl) {
    const auto num = nums_.find(num_id);
    if (num == nums_.end() || ilvl < 0 || ilvl >= 9) return {};
    const auto abstract = abstracts_.find(num->second.abstract_id);
    if (abstract == abstracts_.end()) return {};
    Levels levels = abstract->second;
    for (const auto& [level, start] : num->second.start_override)
        if (level >= 0 && level < 9) levels[static_cast<std::size_t>(level)].start = start;
    auto& counters = counters_[num->second.abstract_id];
    if (started_nums_.insert(num_id).second)
        for (const auto& [level, start] : num->second.start_override)
            if (level >= 0 && level < 9) counters[static_cast<std::size_t>(level)].reset();
    const auto l = static_cast<std::size_t>(ilvl);
    auto& counter = counters[l];
    counter = !counter ? levels[l].start : *counter < INT_MAX ? *counter + 1 : *counter;
    for (std::size_t deeper = l + 1; deeper < 9; ++deeper) counters[deeper].reset();
    if (levels[l].format == "bullet") return "-";
    if (levels[l].format == "none") return {};
    std::string out;
    const std::string& text = levels[l].text;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const auto k = static_cast<std::size_t>(text[i + 1] - '1');
            const int value = counters[k].value_or(levels[k].start);
            out += format_list_number(value, levels[k].format);
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace lectern::ingest::office
