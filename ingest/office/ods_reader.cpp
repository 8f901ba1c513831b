// read_ods: content.xml streamed (XmlStream): each table:table one unit named after it,
// cells by their displayed text (ODF stores it in text:p beside the value), repeated rows and
// columns expanded only where they hold a value (a million repeated empty rows cost one
// step), spanned cells named as merged, sheets whose table style hides them kept and marked.
#include <set>

#include "office/readers.h"
#include "office/sheet_grid.h"
#include "office/xml_stream.h"

namespace lectern::ingest::office {
namespace {

struct OdsState {
    std::set<std::string> hidden_styles;  // table styles with table:display="false"
    std::string style;                    // the style:style being read
    Unit unit;
    std::unique_ptr<SheetGrid> grid;
    bool hidden = false;
    int row = 0, col = 0, row_repeat = 1;
    std::vector<std::pair<int, std::string>> row_cells;  // (column, text) of the current row
    // The cell being read.
    bool in_cell = false;
    int col_repeat = 1;
    std::string text, formula;
    bool has_value = false;
};

void end_cell(OdsState& s) {
    std::string text = s.text;
    if (text.empty() && !s.formula.empty() && !s.has_value) text = s.formula + " (not calculated)";
    if (!text.empty())
        for (int r = 0; r < s.col_repeat && r < 1024; ++r) s.row_cells.emplace_back(s.col + r, text);
    s.col += s.col_repeat;
    s.in_cell = false;
}

void end_row(OdsState& s) {
    if (!s.row_cells.empty())
        for (int r = 0; r < s.row_repeat && r < 1024; ++r)
            for (const auto& [c, text] : s.row_cells) s.grid->set(s.row + r, c, text);
    s.row += s.row_repeat;
    s.row_cells.clear();
}

void start_cell(XmlStream& xml, OdsState& s) {
    s.in_cell = !xml.is_empty();
    s.col_repeat = std::max(1, std::atoi(xml.attribute("table:number-columns-repeated").c_str()));
    s.text.clear();
    s.formula = xml.attribute("table:formula");
    if (s.formula.starts_with("of:")) s.formula = s.formula.substr(3);
    s.has_value = !xml.attribute("office:value-type").empty();
    const int cols = std::atoi(xml.attribute("table:number-columns-spanned").c_str());
    const int rows = std::atoi(xml.attribute("table:number-rows-spanned").c_str());
    if (cols > 1 || rows > 1)
        s.grid->merged.push_back(column_name(s.col) + std::to_string(s.row + 1) + ":" +
                                 column_name(s.col + std::max(cols, 1) - 1) + std::to_string(s.row + std::max(rows, 1)));
    if (!s.in_cell) end_cell(s);
}

void finish_sheet(OdsState& s, Document& doc) {
    s.unit.text = (s.hidden ? "(hidden sheet)\n" : "") + render_sheet(*s.grid);
    if (s.hidden) doc.warnings.push_back("sheet " + s.unit.locator + " is hidden; it was read and marked (hidden sheet)");
    if (!s.grid->merged.empty())
        doc.warnings.push_back("sheet " + s.unit.locator + " has merged cells; each value is in the first cell of its range");
    if (s.grid->dropped > 0)
        doc.warnings.push_back("sheet " + s.unit.locator + ": only the first " + std::to_string(s.grid->max_cells) +
                               " values were read; " + std::to_string(s.grid->dropped) + " more were left out");
    doc.units.push_back(std::move(s.unit));
    s.unit = Unit{};
    s.grid.reset();
}

void start_element(XmlStream& xml, const std::string& qname, OdsState& s, const OfficeOptions& options) {
    if (qname == "style") s.style = xml.attribute("style:name");
    else if (qname == "table-properties" && xml.attribute("table:display") == "false") s.hidden_styles.insert(s.style);
    else if (qname == "table" && !s.grid) {
        s.grid = std::make_unique<SheetGrid>(options.max_sheet_cells);
        s.unit.locator = xml.attribute("table:name");
        s.hidden = s.hidden_styles.count(xml.attribute("table:style-name")) > 0;
        s.row = 0;
    } else if (qname == "table-row" && s.grid) {
        s.row_repeat = std::max(1, std::atoi(xml.attribute("table:number-rows-repeated").c_str()));
        s.col = 0;
        if (xml.is_empty()) end_row(s);
    } else if ((qname == "table-cell" || qname == "covered-table-cell") && s.grid) {
        start_cell(xml, s);
    } else if (qname == "p" && s.in_cell) {
        s.text += (s.text.empty() ? "" : "\n") + xml.text();
    }
}

}  // namespace

Status read_ods(ZipArchive& zip, const OfficeOptions& options, Document& doc) {
    auto xml = XmlStream::open(zip, "content.xml");
    if (!xml) return xml.error();
    OdsState s;
    std::size_t n_nodes = 0;
    while ((*xml)->next()) {
        if ((++n_nodes & 0xFFFF) == 0 && options.control.cancelled())
            return make_error(ErrorCode::Cancelled, "reading was cancelled", zip.path());
        const std::string name = (*xml)->name();
        if ((*xml)->is_start()) start_element(**xml, name, s, options);
        else if ((*xml)->is_end()) {
            if ((name == "table-cell" || name == "covered-table-cell") && s.in_cell) end_cell(s);
            else if (name == "table-row" && s.grid) end_row(s);
            else if (name == "table" && s.grid) finish_sheet(s, doc);
        }
    }
    if ((*xml)->failed()) return (*xml)->error();
    return {};
}

}  // namespace lectern::ingest::office
