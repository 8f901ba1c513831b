// SheetGrid and render_sheet (see sheet_grid.h). A sheet whose cells are too scattered for a
// table (more table cells than 4x the values and over 100,000) is listed cell by cell.
#include "office/sheet_grid.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "common/markdown_table.h"

namespace lectern::ingest::office {

void SheetGrid::set(int row, int col, std::string text) {
    if (text.empty() || row < 0 || col < 0 || row >= kMaxSheetRows || col >= kMaxSheetColumns) return;
    if (full()) { ++dropped; return; }
    if (!limits.spend(text.size())) return;
    cells[{row, col}] = std::move(text);
}

int parse_clamped(const std::string& text, int lo, int hi, int fallback) {
    const char* begin = text.c_str();
    char* end = nullptr;
    const long long v = std::strtoll(begin, &end, 10);  // saturates at the long long range
    if (end == begin) return fallback;
    return static_cast<int>(std::clamp<long long>(v, lo, hi));
}

int advance(int pos, int step, int limit) {
    return static_cast<int>(std::min<long long>(static_cast<long long>(pos) + step, limit));
}

void add_sheet_warnings(const std::string& sheet, const SheetGrid& grid, bool hidden,
                        std::vector<std::string>& warnings) {
    if (hidden) warnings.push_back("sheet " + sheet + " is hidden; it was read and marked (hidden sheet)");
    if (!grid.merged.empty())
        warnings.push_back("sheet " + sheet + " has merged cells; each value is in the first cell of its range");
    if (grid.dropped > 0)
        warnings.push_back("sheet " + sheet + ": only the first " + std::to_string(grid.max_cells) +
                           " values were read; " + std::to_string(grid.dropped) + " more were left out");
}

std::string column_name(int col) {
    std::string out;
    for (int c = col + 1; c > 0; c = (c - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
    return out;
}

bool parse_cell_ref(const std::string& ref, int& row, int& col) {
    std::size_t i = 0;
    long c = 0, r = 0;
    while (i < ref.size() && ref[i] == '$') ++i;
    const std::size_t letters = i;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && c < 100000; ++i) c = c * 26 + (ref[i] - 'A' + 1);
    if (i == letters) return false;
    while (i < ref.size() && ref[i] == '$') ++i;
    const std::size_t digits = i;
    for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && r < 100000000; ++i) r = r * 10 + (ref[i] - '0');
    if (i == digits || i != ref.size() || r == 0) return false;
    row = static_cast<int>(r - 1);
    col = static_cast<int>(c - 1);
    return true;
}

std::string render_sheet(const SheetGrid& grid) {
    std::set<int> rows, cols;
    for (const auto& [pos, text] : grid.cells) {
        rows.insert(pos.first);
        cols.insert(pos.second);
    }
    std::string out;
    const double area = static_cast<double>(rows.size()) * static_cast<double>(cols.size());
    if (grid.cells.empty()) {
        out = "(empty sheet)\n";
    } else if (area > 100000 && area > 4.0 * static_cast<double>(grid.cells.size())) {
        out = "(cells too scattered for a table; listed one by one)\n";
        for (const auto& [pos, text] : grid.cells)
            out += column_name(pos.second) + std::to_string(pos.first + 1) + ": " + text + "\n";
    } else {
        std::vector<std::vector<std::string>> table;
        auto& header = table.emplace_back(1, std::string());
        for (int c : cols) header.push_back(column_name(c));
        for (int r : rows) {
            auto& line = table.emplace_back();
            line.push_back(std::to_string(r + 1));
            for (int c : cols) {
                const auto it = grid.cells.find({r, c});
                line.push_back(it == grid.cells.end() ? std::string() : it->second);
            }
        }
        out = render_markdown_table(table, 1);
    }
    if (!grid.merged.empty()) {
        out += "(merged cells, value in the first cell, the others empty:";
        for (std::size_t i = 0; i < grid.merged.size(); ++i) out += (i ? ", " : " ") + grid.merged[i];
        out += ")\n";
    }
    if (grid.dropped > 0)
        out += "(" + std::to_string(grid.dropped) + " more cells left out: the sheet has more than " +
               std::to_string(grid.max_cells) + " values)\n";
    return out;
}

}  // namespace lectern::ingest::office
