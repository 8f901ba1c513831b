// A table as Markdown, the form the model reads every table in (PDF tables, DOCX/ODT tables,
// spreadsheet ranges): one row per line, cells in order, empty cells kept.
#pragma once

#include <string>
#include <vector>

namespace lectern::ingest {

// rows[r][c]: the cell text as printed (numbers exactly as they appear). Rows may differ in
// length; the table is as wide as the widest. The first `header_rows` rows are the header
// (several header rows are joined cell by cell with " / "); with none, the header line is
// left empty so the first data row is not promoted to a header. A '|' in a cell is escaped,
// a line break inside a cell becomes a space.
std::string render_markdown_table(const std::vector<std::vector<std::string>>& rows,
                                  int header_rows = 1);

}  // namespace lectern::ingest
