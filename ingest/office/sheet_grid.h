// A sheet's non-empty cells as both spreadsheet readers collect them, and their rendering as
// one Markdown table: a header row of column letters, each row led by its row number, rows
// and columns with no value left out (their numbers and letters show where they were), so a
// sheet of a million empty rows costs nothing. Cells past a cap are dropped and said so;
// the text kept counts against the document's ReadLimits (one long string in many cells).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "office/read_limits.h"

namespace lectern::ingest::office {

// Rows and columns past these are dropped (Excel has 1,048,576 x 16,384; LibreOffice up to
// 16,777,216 rows); positions and repeat counts are clamped to them, so no sum overflows.
inline constexpr int kMaxSheetRows = 1 << 24;
inline constexpr int kMaxSheetColumns = 1 << 20;

struct SheetGrid {
    SheetGrid(std::size_t max_cells, ReadLimits& limits) : max_cells(max_cells), limits(limits) {}

    std::size_t max_cells;
    ReadLimits& limits;
    std::map<std::pair<int, int>, std::string> cells;  // (row, column), both 0-based
    std::vector<std::string> merged;                    // "A1:C1"
    std::size_t dropped = 0;                            // non-empty cells past max_cells

    // Keeps `text` at (row, col) unless empty, out of range, past max_cells (counted as
    // dropped) or past the text limit (limits.failed() then says so).
    void set(int row, int col, std::string text);
    bool full() const { return cells.size() >= max_cells; }
};

// The integer that `text` starts with, clamped to [lo, hi]; `fallback` when there is none.
int parse_clamped(const std::string& text, int lo, int hi, int fallback);
// pos + step, at most `limit`.
int advance(int pos, int step, int limit);

// The warnings of a sheet named `sheet`: hidden, merged cells, values left out.
void add_sheet_warnings(const std::string& sheet, const SheetGrid& grid, bool hidden,
                        std::vector<std::string>& warnings);

// "A", "Z", "AA" for 0, 25, 26.
std::string column_name(int col);
// "B12" -> (11, 1); false when `ref` is not a cell reference.
bool parse_cell_ref(const std::string& ref, int& row, int& col);

// The unit text of a sheet (table, then notes on merged cells and dropped cells).
std::string render_sheet(const SheetGrid& grid);

}  // namespace lectern::ingest::office
