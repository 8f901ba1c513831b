// Tables found from the words of a page and their boxes, without Poppler: rows from shared
// baselines, columns from the bands of x that the cells of rows with figures occupy (numbers
// are right-aligned, labels left-aligned, so a column's cells overlap), header rows above the
// first row with a label and a figure, labels that wrap joined to their row, empty cells
// kept. Ruling lines are not needed: many financial tables have none. A page in two columns
// is split at its gutter first, so a table in one column stays apart from the other's prose.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/ingest/document.h"

namespace lectern::ingest {

struct PageWord {
    std::string text;      // UTF-8
    TableBox box;          // points, from the page's top left
    bool rotated = false;  // not drawn left to right (sideways or vertical text)
};

struct FoundTable {
    std::vector<std::vector<std::string>> cells;  // rows of cells, all as wide as the table
    std::vector<std::vector<TableBox>> boxes;     // each cell's box (zero for an empty cell)
    int header_rows = 0;
    TableBox box;                      // the whole table
    std::vector<std::size_t> words;    // indices of the page words it holds
    bool across = false;               // set over the page's columns, not in one of them
};

struct PageLayout;  // the page's lines and columns, as find_tables found them

struct PageTables {
    std::vector<FoundTable> tables;  // top to bottom, column by column
    std::shared_ptr<const PageLayout> layout;  // for text_in_columns; null for a page of few words
    int columns = 1;                 // the page's columns of text (split at gutters)
    // Some line of a column holds two runs of prose side by side: columns the gutter search
    // did not find (a table across them, say). Such a page is not to be read line by line.
    bool prose_side_by_side = false;
};

PageTables find_tables(const std::vector<PageWord>& words);

// The page's text read column by column, top to bottom (a line across the columns, such as a
// title, in its place between them), with `block(t)` in place of the lines of table t. For
// pages set in columns, whose reading order Poppler loses once a table sits in one of them.
std::string text_in_columns(const std::vector<PageWord>& words, const PageTables& found,
                            const std::function<std::string(std::size_t)>& block);

// Whether a cell reads as a figure: "1,284,310", "(712,455)", "-3.5%", "€ 12", "—", "5*".
bool is_figure(std::string_view cell);

}  // namespace lectern::ingest
