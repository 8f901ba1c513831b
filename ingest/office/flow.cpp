// make_flow_units (see flow.h). A heading is not numbered: it is cited by its section
// number or title; a table counts as one paragraph, its mark on a line of its own so the
// Markdown table stays intact.
#include "office/flow.h"

#include <algorithm>

namespace lectern::ingest::office {
namespace {

struct UnitBuilder {
    Document& doc;
    Unit unit;
    bool named = false;  // the locator is a heading's text

    void flush() {
        if (unit.text.empty()) return;
        while (!unit.text.empty() && unit.text.back() == '\n') unit.text.pop_back();
        if (!named) {
            unit.locator = unit.first_paragraph == 0 ? std::string("start")
                         : "¶" + std::to_string(unit.first_paragraph) +
                               (unit.last_paragraph > unit.first_paragraph
                                    ? "-" + std::to_string(unit.last_paragraph) : std::string());
        }
        doc.units.push_back(std::move(unit));
        unit = Unit{};
        named = false;
    }
    void start_section(const std::string& title) {
        flush();
        unit.locator = title;
        named = true;
    }
    int paragraphs() const {
        return unit.first_paragraph == 0 ? 0 : unit.last_paragraph - unit.first_paragraph + 1;
    }
};

}  // namespace

std::string collapse_space(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void make_flow_units(const std::vector<Block>& blocks, Document& doc, int& next_paragraph,
                     const std::string& single_locator) {
    int top = 0;
    for (const auto& b : blocks)
        if (b.heading > 0 && (top == 0 || b.heading < top)) top = b.heading;
    UnitBuilder builder{doc, Unit{}, false};
    if (!single_locator.empty()) {
        builder.start_section(single_locator);
        top = -1;
    }
    for (const auto& b : blocks) {
        if (b.text.empty() && b.notes.empty()) continue;
        Unit& u = builder.unit;
        if (b.heading > 0) {
            if (b.heading == top) builder.start_section(b.text);
            builder.unit.text += std::string(static_cast<std::size_t>(b.heading), '#') + " " + b.text + "\n\n";
            continue;
        }
        if (!builder.named && top >= 0 && builder.paragraphs() >= kParagraphsPerUnit) builder.flush();
        const int n = ++next_paragraph;
        if (u.first_paragraph == 0) u.first_paragraph = n;
        u.last_paragraph = n;
        const std::string mark = "¶" + std::to_string(n);
        u.text += b.text.starts_with("|") ? mark + "\n" + b.text : mark + " " + b.text;
        if (!u.text.ends_with("\n")) u.text += '\n';
        for (const auto& note : b.notes) u.text += note + "\n";
        u.text += '\n';
    }
    builder.flush();
}

}  // namespace lectern::ingest::office
