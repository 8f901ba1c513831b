// Parsing and checking review findings (see review_findings.h).
#include "review_findings.h"

#include <algorithm>
#include <regex>
#include <sstream>

namespace lectern::app {

ShownLines shownLinesOf(const std::vector<ingest::Document>& documents) {
    ShownLines shown;
    for (const auto& d : documents)
        for (const auto& u : d.units) {
            if (u.path.empty()) continue;
            auto n = static_cast<std::int64_t>(std::count(u.text.begin(), u.text.end(), '\n'));
            if (!u.text.empty() && u.text.back() != '\n') ++n;
            if (n > 0) shown[u.path].push_back({1, n});
        }
    return shown;
}

bool isShown(const ShownLines& shown, const std::string& path, std::int64_t line) {
    auto it = shown.find(path);
    if (it == shown.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [line](const auto& r) { return line >= r.first && line <= r.second; });
}

std::vector<Finding> parseFindings(const std::string& output, const ShownLines& shown) {
    static const std::regex re(
        R"(^\s*(?:[-*]\s+)?`?([^\s:`]+)`?:(\d{1,9}):\s*(critical|major|minor|nit)\s*:\s*(.*\S)\s*$)",
        std::regex::icase);
    std::vector<Finding> out;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_match(line, m, re)) continue;
        Finding f;
        f.path = m.str(1);
        f.line = std::stoll(m.str(2));
        f.severity = m.str(3);
        std::transform(f.severity.begin(), f.severity.end(), f.severity.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        f.message = m.str(4);
        if (!shown.count(f.path))
            f.problem = "no file " + f.path + " in the reviewed code";
        else if (!isShown(shown, f.path, f.line))
            f.problem = "line " + std::to_string(f.line) + " of " + f.path + " is not in the reviewed code";
        f.verified = f.problem.empty();
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace lectern::app
