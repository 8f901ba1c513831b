// Finding and validating citations (see citations.h).
#include "citations.h"

#include <algorithm>
#include <regex>

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

}  // namespace

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
        R"(\[pp?\.\s*(\d{1,6})(?:\s*[-–]\s*\d+)?\]|([A-Za-z0-9_./-]+\.[A-Za-z0-9]+):(\d{1,9}))");
    std::vector<Citation> out;
    for (auto it = std::sregex_iterator(answer.begin(), answer.end(), re); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        Citation c;
        c.text = m.str(0);
        if (m[1].matched) {
            c.page = std::stoi(m.str(1));
            c.valid = pageExists(documents, c.page);
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
