// render_markdown_table: GitHub-flavoured Markdown (pipes, a --- separator line).
#include "common/markdown_table.h"

#include <algorithm>

namespace lectern::ingest {
namespace {

std::string cell_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

void append_row(std::string& out, const std::vector<std::string>& cells, std::size_t width) {
    out += '|';
    for (std::size_t c = 0; c < width; ++c) {
        out += ' ';
        if (c < cells.size()) out += cell_text(cells[c]);
        out += " |";
    }
    out += '\n';
}

}  // namespace

std::string render_markdown_table(const std::vector<std::vector<std::string>>& rows,
                                  int header_rows) {
    std::size_t width = 0;
    for (const auto& row : rows) width = std::max(width, row.size());
    if (width == 0) return {};
    std::size_t n_header = std::min<std::size_t>(std::max(header_rows, 0), rows.size());
    std::vector<std::string> header(width);
    for (std::size_t r = 0; r < n_header; ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            if (cell_text(rows[r][c]).empty()) continue;
            if (!header[c].empty()) header[c] += " / ";
            header[c] += rows[r][c];  // escaped once, by append_row
        }
    std::string out;
    append_row(out, header, width);
    out += '|';
    for (std::size_t c = 0; c < width; ++c) out += " --- |";
    out += '\n';
    for (std::size_t r = n_header; r < rows.size(); ++r) append_row(out, rows[r], width);
    return out;
}

}  // namespace lectern::ingest
