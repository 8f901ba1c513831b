// A sheet's non-empty cells as both spreadsheet readers collect them, and their rendering as
// one Markdown table: a header row of column letters, each row led by its row number, rows
// and columns with no value left out (their numbers and letters show where they were), so a
// sheet of a million empty rows costs nothing. Cells past a cap are dropped and said so.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lectern::ingest::office {

struct SheetGrid {
    explicit SheetGrid(std::size_t max_cells) : max_cells(max_cells) {}

    std::size_t max_cells;
    std::map<std::pair<int, int>, std::string> cells;  // (row, column), both 0-based
    std::vector<std::string> merged;                    // "A1:C1"
    std::size_t dropped = 0;                            // non-empty cells past max_cells

    void set(int row, int col, std::string text);
};

// "A", "Z", "AA" for 0, 25, 26.
std::string column_name(int col);
// "B12" -> (11, 1); false when `ref` is not a cell reference.
bool parse_cell_ref(const std::string& ref, int& row, int& col);

// The unit text of a sheet (table, then notes on merged cells and dropped cells).
std::string render_sheet(const SheetGrid& grid);

}  // namespace lectern::ingest::office
