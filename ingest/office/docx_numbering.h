// What a DOCX paragraph's style and list numbering make of it: the heading level of its
// style (a "heading N" style, "Title", or an outline level) and the number Word would print
// before it ("7.2", "b)", "iv.", a bullet), resolved from styles.xml and numbering.xml with
// levels, start values and restarts (a w:num with a start override begins again).
#pragma once

#include <pugixml.hpp>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace lectern::ingest::office {

struct ParagraphStyle {
    int heading = 0;     // 1-6, 0 for body text
    std::string num_id;  // the list the style numbers its paragraphs in, empty for none
    int ilvl = 0;
};

class DocxStyles {
public:
    void load(const pugi::xml_node& styles);
    // The style `style_id` after following its basedOn chain.
    ParagraphStyle paragraph_style(const std::string& style_id) const;
    const std::string& language() const { return language_; }

private:
    struct Entry {
        ParagraphStyle own;
        bool has_heading = false, has_num = false;
        std::string based_on;
    };
    std::map<std::string, Entry> styles_;
    std::string language_;  // docDefaults' w:lang
};

// Start values are clamped to 0..kMaxListStart (read_limits.h).
// "7", "a", "iv", "VII", "07" for a counter value in a numFmt ("decimal", "lowerLetter"...).
std::string format_list_number(int value, const std::string& num_fmt);

class DocxNumbering {
public:
    void load(const pugi::xml_node& numbering);
    // The label of the next paragraph at `ilvl` of list `num_id` ("7.2", "-" for a bullet);
    // empty when the list is unknown or its level prints nothing.
    std::string next_label(const std::string& num_id, int ilvl);

private:
    struct Level {
        int start = 1;
        std::string format = "decimal";
        std::string text;  // lvlText: "%1.%2."
    };
    using Levels = std::array<Level, 9>;
    struct Num {
        std::string abstract_id;
        std::map<int, int> start_override;
    };
    std::map<std::string, Levels> abstracts_;
    std::map<std::string, Num> nums_;
    std::map<std::string, std::array<std::optional<int>, 9>> counters_;  // by abstract list
    std::set<std::string> started_nums_;
};

}  // namespace lectern::ingest::office
