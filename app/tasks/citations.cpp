// Finding and validating citations (see citations.h).
#include "citations.h"

#include <algorithm>
#include <regex>
#include <string_view>

namespace lectern::app {
namespace {

bool pageExists(const std::vector<ingest::Document>& documents, int page) {
    for (const auto& d : documents)
        for (const auto& u : d.units)
            if (u.page == page) return true;
    return false;
}

std::int64_t lineCount(const std::string& text) {
    if (text.empty()) return 0;
    auto n = static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n'));
    return text.back() == '\n' ? n : n + 1;
}

// A line of a unit's text that opens with `number` ("## 7.2 Payment", "¶15 7.2 The buyer"):
// the clause or heading numbered so.
bool opensWithNumber(std::string_view line, const std::string& number) {
    while (line.starts_with("#")) line.remove_prefix(1);
    while (line.starts_with(" ")) line.remove_prefix(1);
    if (line.starts_with("¶")) {
        line.remove_prefix(std::string_view("¶").size());
        while (!line.empty() && line.front() >= '0' && line.front() <= '9') line.remove_prefix(1);
        while (line.starts_with(" ")) line.remove_prefix(1);
    }
    if (!line.starts_with(number)) return false;
    line.remove_prefix(number.size());
    return line.empty() || line.front() == ' ' || line.front() == '.' || line.front() == ')';
}

bool namesDocument(const ingest::Document& doc, const std::string& name) {
    if (name.empty() || doc.metadata.title == name) return true;
    const auto slash = doc.path.find_last_of('/');
    return doc.path.substr(slash == std::string::npos ? 0 : slash + 1) == name;
}

}  // namespace

bool unitCitedBy(const ingest::Document& doc, const ingest::Unit& unit, const Citation& c) {
    if (c.paragraph == 0 && c.section.empty()) return false;
    if (!namesDocument(doc, c.document)) return false;
    if (c.paragraph > 0) return unit.first_paragraph > 0 && c.paragraph >= unit.first_paragraph &&
                                c.paragraph <= unit.last_paragraph;
    if (opensWithNumber(unit.locator, c.section)) return true;
    std::string_view text = unit.text;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        if (opensWithNumber(text.substr(pos, nl - pos), c.section)) return true;
        pos = nl + 1;
    }
    return false;
}

bool fileLineExists(const std::vector<ingest::Document>& documents, const std::string& path,
                    std::int64_t line) {
    for (const auto& d : documents)
        for (const auto& u : d.units) {
            const std::string& name = u.path.empty() ? u.locator : u.path;
            if (name == path) return line >= 1 && line <= lineCount(u.text);
        }
    return false;
}

std::vector<Citation> findCitations(const std::string& answer,
                                    const std::vector<ingest::Document>& documents) {
    static const std::regex re(
        R"(\[pp?\.\s*(\d{1,6})(?:\s*[-–]\s*\d+)?\]|([A-Za-z0-9_./-]+\.[A-Za-z0-9]+):(\d{1,9}))"
        R"(|\[(?:([^\[\]]{1,120}?)\s+)?(¶|§)\s*(\d{1,6}(?:\.\d{1,4}){0,5})(?:\s*[-–]\s*[\d.]+)?\])");
    std::vector<Citation> out;
    for (auto it = std::sregex_iterator(answer.begin(), answer.end(), re); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        Citation c;
        c.text = m.str(0);
        if (m[1].matched) {
            c.page = std::stoi(m.str(1));
            c.valid = pageExists(documents, c.page);
        } else if (m[5].matched) {
            c.document = m.str(4);
            if (m.str(5) == "¶") c.paragraph = std::stoi(m.str(6));
            else c.section = m.str(6);
            for (const auto& d : documents)
                for (const auto& u : d.units) c.valid = c.valid || unitCitedBy(d, u, c);
        } else {
            c.path = m.str(2);
            c.line = std::stoll(m.str(3));
            c.valid = fileLineExists(documents, c.path, c.line);
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace lectern::app
