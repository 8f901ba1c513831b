// read_ods: content.xml streamed (XmlStream): each table:table one unit named after it,
// cells by their displayed text (ODF stores it in text:p beside the value), repeated rows and
// columns expanded only where they hold a value (a million repeated empty rows cost one
// step), spanned cells named as merged, sheets whose table style hides them kept and marked.
// A cell's annotation (office:annotation) and drawings (draw:*) are not its value: skipped.
// Positions and repeat counts are clamped to the sheet's limits (sheet_grid.h).
#include <algorithm>
#include <set>

#include "office/readers.h"
#include "office/sheet_grid.h"
#include "office/xml_stream.h"

namespace lectern::ingest::office {
namespace {

constexpr const char* kOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr const char* kDrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

// A repeated cell or row is expanded where it holds a value, at most this many times.
constexpr int kMaxRepeat = 1024;

// A value of the current row, once, with the number of columns it repeats over.
struct RowCell {
    int col = 0, repeat = 1;
    std::string text;
};

struct OdsState {
    ReadLimits limits{0};
    std::set<std::string> hidden_styles;  // table styles with table:display="false"
    std::string style;                    // the style:style being read
    Unit unit;
    std::unique_ptr<SheetGrid> grid;
    bool hidden = false;
    int row = 0, col = 0, row_repeat = 1;
    std::vector<RowCell> row_cells;
    int skip = 0;  // open elements of an annotation or drawing being skipped
    // The cell being read.
    bool in_cell = false;
    int col_repeat = 1;
    std::string text, formula;
    bool has_value = false;
};

void rows_done(OdsState& s) {
    s.row = advance(s.row, s.row_repeat, kMaxSheetRows);
    s.row_cells.clear();
}

void end_cell(OdsState& s) {
    std::string text = s.text;
    if (text.empty() && !s.formula.empty() && !s.has_value) text = s.formula + " (not calculated)";
    if (!text.empty()) {
        RowCell cell;
        cell.col = s.col;
        cell.repeat = std::min(s.col_repeat, kMaxRepeat);
        cell.text = std::move(text);
        s.row_cells.push_back(std::move(cell));
    }
    s.col = advance(s.col, s.col_repeat, kMaxSheetColumns);
    s.in_cell = false;
}

void end_row(OdsState& s) {
    SheetGrid& grid = *s.grid;
    const int rows = std::min(s.row_repeat, kMaxRepeat);
    if (grid.full()) {  // all that is left of the sheet is counted, not walked
        for (const auto& cell : s.row_cells) grid.dropped += static_cast<std::size_t>(rows) * static_cast<std::size_t>(cell.repeat);
        rows_done(s);
        return;
    }
    for (int r = 0; r < rows && !grid.limits.failed(); ++r)
        for (const auto& cell : s.row_cells)
            for (int k = 0; k < cell.repeat && !grid.limits.failed(); ++k)
                grid.set(advance(s.row, r, kMaxSheetRows), advance(cell.col, k, kMaxSheetColumns), cell.text);
    rows_done(s);
}

void start_cell(XmlStream& xml, OdsState& s) {
    s.in_cell = !xml.is_empty();
    s.col_repeat = parse_clamped(xml.attribute("table:number-columns-repeated"), 1, kMaxSheetColumns, 1);
    s.text.clear();
    s.formula = xml.attribute("table:formula");
    if (s.formula.starts_with("of:")) s.formula = s.formula.substr(3);
    s.has_value = !xml.attribute("office:value-type").empty();
    const int cols = parse_clamped(xml.attribute("table:number-columns-spanned"), 0, kMaxSheetColumns, 0);
    const int rows = parse_clamped(xml.attribute("table:number-rows-spanned"), 0, kMaxSheetRows, 0);
    if (cols > 1 || rows > 1)
        s.grid->merged.push_back(column_name(s.col) + std::to_string(s.row + 1) + ":" +
                                 column_name(s.col + std::max(cols, 1) - 1) + std::to_string(s.row + std::max(rows, 1)));
    if (!s.in_cell) end_cell(s);
}

void finish_sheet(OdsState& s, Document& doc) {
    s.unit.text = (s.hidden ? "(hidden sheet)\n" : "") + render_sheet(*s.grid);
    add_sheet_warnings(s.unit.locator, *s.grid, s.hidden, doc.warnings);
    doc.units.push_back(std::move(s.unit));
    s.unit = Unit{};
    s.grid.reset();
}

void start_element(XmlStream& xml, const std::string& qname, OdsState& s, const OfficeOptions& options) {
    if (qname == "style") s.style = xml.attribute("style:name");
    else if (qname == "table-properties" && xml.attribute("table:display") == "false") s.hidden_styles.insert(s.style);
    else if (qname == "table" && !s.grid) {
        s.grid = std::make_unique<SheetGrid>(options.max_sheet_cells, s.limits);
        s.unit.locator = xml.attribute("table:name");
        s.hidden = s.hidden_styles.count(xml.attribute("table:style-name")) > 0;
        s.row = 0;
    } else if (qname == "table-row" && s.grid) {
        s.row_repeat = parse_clamped(xml.attribute("table:number-rows-repeated"), 1, kMaxSheetRows, 1);
        s.col = 0;
        if (xml.is_empty()) end_row(s);
    } else if ((qname == "table-cell" || qname == "covered-table-cell") && s.grid) {
        start_cell(xml, s);
    } else if (s.in_cell && ((qname == "annotation" && xml.namespace_uri() == kOfficeNs) ||
                             xml.namespace_uri() == kDrawNs)) {
        s.skip = xml.is_empty() ? 0 : 1;
    } else if (qname == "p" && s.in_cell) {
        s.text += (s.text.empty() ? "" : "\n") + xml.text();
    }
}

}  // namespace

Status read_ods(ZipArchive& zip, const OfficeOptions& options, Document& doc) {
    auto xml = XmlStream::open(zip, "content.xml");
    if (!xml) return xml.error();
    OdsState s;
    s.limits = ReadLimits(options.max_text_bytes);
    std::size_t n_nodes = 0;
    while ((*xml)->next() && !s.limits.failed()) {
        if ((++n_nodes & 0xFFFF) == 0 && options.control.cancelled())
            return make_error(ErrorCode::Cancelled, "reading was cancelled", zip.path());
        if (s.skip > 0) {
            if ((*xml)->is_start() && !(*xml)->is_empty()) ++s.skip;
            else if ((*xml)->is_end()) --s.skip;
            continue;
        }
        const std::string name = (*xml)->name();
        if ((*xml)->is_start()) start_element(**xml, name, s, options);
        else if ((*xml)->is_end()) {
            if ((name == "table-cell" || name == "covered-table-cell") && s.in_cell) end_cell(s);
            else if (name == "table-row" && s.grid) end_row(s);
            else if (name == "table" && s.grid) finish_sheet(s, doc);
        }
    }
    if ((*xml)->failed()) return (*xml)->error();
    return s.limits.status(zip.path());
}

}  // namespace lectern::ingest::office
