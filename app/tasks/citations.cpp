// Finding and validating citations (see citations.h).
#include "citations.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <string_view>

namespace lectern::app {
namespace {

// Whether a page `page` exists, and holds table `table` when that is not 0.
bool pageExists(const std::vector<ingest::Document>& documents, int page, int table = 0) {
    for (const auto& d : documents)
        for (const auto& u : d.units)
            if (u.page == page && (table == 0 || std::any_of(u.tables.begin(), u.tables.end(), [&](const ingest::Table& t) {
                                       return t.number == table;
                                   })))
                return true;
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
    if (line.empty() || line.front() == '.' || line.front() == ')') return true;
    // "7.2 The buyer", "7 Term": a number then a heading or a sentence; "7 days after" is prose.
    return line.front() == ' ' && (line.size() == 1 || !std::islower(static_cast<unsigned char>(line[1])));
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

int citedLine(const ingest::Unit& unit, const Citation& c) {
    if (c.paragraph == 0 && c.section.empty()) return 0;
    const std::string mark = "¶" + std::to_string(c.paragraph);
    std::string_view text = unit.text;
    int line = 1;
    for (std::size_t pos = 0; pos < text.size(); ++line) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string_view l = text.substr(pos, nl - pos);
        if (c.paragraph > 0 ? l.starts_with(mark) && (l.size() == mark.size() || l[mark.size()] == ' ')
                            : opensWithNumber(l, c.section))
            return line;
        pos = nl + 1;
    }
    return 0;
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
    // Every repetition is bounded: libstdc++'s regex recurses once per repeated character, and
    // an unbounded one on a long run (base64 in an answer, 50,000 spaces) overflows the stack.
    // An en dash is matched as its three bytes, not as a character class of them.
    static const std::regex re(
        R"(\[pp?\.\s{0,3}(\d{1,6})(?:\s{0,3}(?:-|–)\s{0,3}\d{1,6})?(?:,\s{0,3}[Tt]able\s{1,3}\d{1,3})?\]|)"
        R"(([A-Za-z0-9_./-]{1,240}\.[A-Za-z0-9]{1,16}):(\d{1,9}))"
        R"(|\[(?:([^\[\]]{1,120}?)\s{1,3})?(¶|§)\s{0,3}(\d{1,6}(?:\.\d{1,4}){0,5})(?:\s{0,3}(?:-|–)\s{0,3}[\d.]{1,12})?\])");
    std::vector<Citation> out;
    for (auto it = std::sregex_iterator(answer.begin(), answer.end(), re); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        Citation c;
        c.text = m.str(0);
        if (m[1].matched) {
            c.page = std::stoi(m.str(1));
            std::size_t table = c.text.find("able");
            if (table != std::string::npos) c.table = std::stoi(c.text.substr(table + 4));
            // "[p. 3, table 0]" names no table.
            c.valid = (table == std::string::npos || c.table > 0) && pageExists(documents, c.page, c.table);
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

namespace {

std::string fileName(const ingest::Document& d) {
    const std::size_t slash = d.path.find_last_of('/');
    return slash == std::string::npos ? d.path : d.path.substr(slash + 1);
}

}  // namespace

std::string citationLabel(const Citation& c, const std::vector<ingest::Document>& documents) {
    if (!c.valid) return c.text;
    if (!c.path.empty()) return c.path + ":" + std::to_string(c.line);
    for (const auto& d : documents)
        for (const auto& u : d.units) {
            if (c.page > 0) {
                if (u.page != c.page) continue;
                if (c.table > 0 && std::none_of(u.tables.begin(), u.tables.end(),
                                                [&](const ingest::Table& t) { return t.number == c.table; }))
                    continue;
                return fileName(d) + " p. " + std::to_string(c.page) +
                       (c.table > 0 ? ", table " + std::to_string(c.table) : "");
            }
            if (unitCitedBy(d, u, c))
                return fileName(d) + " " + (c.paragraph > 0 ? "¶" + std::to_string(c.paragraph) : "§" + c.section);
        }
    return c.text;
}

std::string labelCitations(const std::string& answer, const std::vector<ingest::Document>& documents) {
    std::string out;
    std::size_t pos = 0;
    for (const Citation& c : findCitations(answer, documents)) {
        const std::size_t at = answer.find(c.text, pos);
        if (at == std::string::npos) continue;
        out += answer.substr(pos, at - pos);
        out += c.path.empty() && c.valid ? "[" + citationLabel(c, documents) + "]" : c.text;
        pos = at + c.text.size();
    }
    return out + answer.substr(pos);
}

}  // namespace lectern::app
