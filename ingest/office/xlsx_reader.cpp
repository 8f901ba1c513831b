// read_xlsx: xl/workbook.xml names the sheets in order (and which are hidden); each sheet is
// streamed (XmlStream) into a SheetGrid, its values as displayed: shared and inline
// strings, numbers through their cell's number format, formulas by their cached value (a
// formula without one is written "=SUM(B2:B3) (not calculated)"). Hidden sheets are kept,
// marked "(hidden sheet)", and named in a warning: what is hidden can still matter. Row
// numbers are clamped to the sheet's limits; the text kept counts against ReadLimits.
#include <cstdlib>
#include <set>

#include "office/number_format.h"
#include "office/ooxml_parts.h"
#include "office/readers.h"
#include "office/sheet_grid.h"
#include "office/xml_stream.h"

namespace lectern::ingest::office {
namespace {

struct Workbook {
    std::vector<std::string> shared_strings;
    std::vector<int> xf_format;             // cellXfs index -> numFmtId
    std::map<int, std::string> format_code; // custom numFmtId -> code
    bool date1904 = false;
    std::set<std::string> unrendered;       // format codes shown as raw values
};

std::string si_text(const pugi::xml_node& si) {
    std::string out = si.child("t").text().get();
    for (auto r : si.children("r")) out += r.child("t").text().get();
    return out;
}

Status load_shared_parts(ZipArchive& zip, const std::vector<Relationship>& rels, Workbook& book) {
    for (const auto& r : rels) {
        if (!zip.has(r.target)) continue;
        if (r.type == "sharedStrings") {
            auto xml = load_xml(zip, r.target);
            if (!xml) return xml.error();
            for (auto si : (*xml)->child("sst").children("si")) book.shared_strings.push_back(si_text(si));
        } else if (r.type == "styles") {
            auto xml = load_xml(zip, r.target);
            if (!xml) return xml.error();
            const auto styles = (*xml)->child("styleSheet");
            for (auto f : styles.child("numFmts").children("numFmt"))
                book.format_code[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").as_string();
            for (auto xf : styles.child("cellXfs").children("xf"))
                book.xf_format.push_back(xf.attribute("numFmtId").as_int());
        }
    }
    return {};
}

struct Cell {
    int row = 0, col = 0;
    std::string type, style, value, formula, inline_text;
    bool has_value = false, has_formula = false;
};

std::string cell_text(const Cell& c, Workbook& book) {
    if (!c.has_value && c.inline_text.empty()) {
        if (!c.has_formula) return {};
        return "=" + (c.formula.empty() ? std::string("(shared formula)") : c.formula) + " (not calculated)";
    }
    if (c.type == "s") {
        const auto i = static_cast<std::size_t>(std::strtoul(c.value.c_str(), nullptr, 10));
        return i < book.shared_strings.size() ? book.shared_strings[i] : std::string();
    }
    if (c.type == "inlineStr") return c.inline_text;
    if (c.type == "b") return c.value == "1" ? "TRUE" : "FALSE";
    if (c.type == "str" || c.type == "e" || c.type == "d") return c.value;
    char* end = nullptr;
    const double v = std::strtod(c.value.c_str(), &end);
    if (end == c.value.c_str()) return c.value;
    const std::size_t xf = c.style.empty() ? 0 : std::strtoul(c.style.c_str(), nullptr, 10);
    const int id = xf < book.xf_format.size() ? book.xf_format[xf] : 0;
    const auto custom = book.format_code.find(id);
    const std::string code = custom == book.format_code.end() ? std::string() : custom->second;
    if (auto shown = format_cell_number(v, id, code, book.date1904)) return *shown;
    book.unrendered.insert(code.empty() ? "built-in format " + std::to_string(id) : code);
    return c.value;
}

void start_element(XmlStream& xml, const std::string& name, Cell& cell, int& row, bool& in_cell,
                   SheetGrid& grid) {
    if (name == "row") {
        const std::string r = xml.attribute("r");
        row = r.empty() ? advance(row, 1, kMaxSheetRows) : parse_clamped(r, 1, kMaxSheetRows, 1) - 1;
        cell.col = -1;
    } else if (name == "c") {
        const int prev_col = cell.col;
        cell = Cell{};
        cell.row = row;
        cell.col = advance(prev_col, 1, kMaxSheetColumns);
        int r = 0, c = 0;
        if (parse_cell_ref(xml.attribute("r"), r, c)) { cell.row = r; cell.col = c; }
        cell.type = xml.attribute("t");
        cell.style = xml.attribute("s");
        in_cell = !xml.is_empty();
    } else if (in_cell && name == "v") {
        cell.value = xml.text();
        cell.has_value = true;
    } else if (in_cell && name == "f") {
        cell.formula = xml.text();
        cell.has_formula = true;
    } else if (in_cell && name == "t") {
        cell.inline_text += xml.text();
    } else if (name == "mergeCell") {
        grid.merged.push_back(xml.attribute("ref"));
    }
}

Status read_sheet(ZipArchive& zip, const std::string& part, Workbook& book, SheetGrid& grid,
                  const ReadControl& control) {
    auto xml = XmlStream::open(zip, part);
    if (!xml) return xml.error();
    Cell cell;
    int row = -1;
    bool in_cell = false, in_phonetic = false;
    std::size_t n_nodes = 0;
    while ((*xml)->next() && !grid.limits.failed()) {
        if ((++n_nodes & 0xFFFF) == 0 && control.cancelled())
            return make_error(ErrorCode::Cancelled, "reading was cancelled", zip.path());
        const bool start = (*xml)->is_start();
        if (!start && !(*xml)->is_end()) continue;
        const std::string name = (*xml)->name();
        if (name == "rPh") { in_phonetic = start && !(*xml)->is_empty(); continue; }
        if (start && !in_phonetic) {
            start_element(**xml, name, cell, row, in_cell, grid);
            if (name == "c" && !in_cell) grid.set(cell.row, cell.col, cell_text(cell, book));
        } else if (!start && name == "c" && in_cell) {
            in_cell = false;
            grid.set(cell.row, cell.col, cell_text(cell, book));
        }
    }
    if ((*xml)->failed()) return (*xml)->error();
    return grid.limits.status(zip.path());
}

}  // namespace

Status read_xlsx(ZipArchive& zip, const OfficeOptions& options, Document& doc) {
    const std::string main = "xl/workbook.xml";
    auto wb = load_xml(zip, main);
    if (!wb) return wb.error();
    auto rels = relationships(zip, main);
    if (!rels) return rels.error();
    Workbook book;
    LECTERN_TRY(load_shared_parts(zip, *rels, book));
    LECTERN_TRY(read_core_properties(zip, doc.metadata));
    const auto workbook = (*wb)->child("workbook");
    const std::string d1904 = workbook.child("workbookPr").attribute("date1904").as_string();
    book.date1904 = d1904 == "1" || d1904 == "true";
    ReadLimits limits(options.max_text_bytes);
    for (auto sheet : workbook.child("sheets").children("sheet")) {
        if (options.control.cancelled()) return make_error(ErrorCode::Cancelled, "reading was cancelled", zip.path());
        const std::string name = sheet.attribute("name").as_string();
        const std::string rid = sheet.attribute("r:id").as_string();
        std::string part;
        for (const auto& r : *rels)
            if (r.id == rid) part = r.target;
        if (part.empty() || !zip.has(part)) {
            doc.warnings.push_back("sheet " + name + " has no worksheet part (a chart sheet?); left out");
            continue;
        }
        SheetGrid grid(options.max_sheet_cells, limits);
        LECTERN_TRY(read_sheet(zip, part, book, grid, options.control));
        Unit unit;
        unit.locator = name;
        const std::string state = sheet.attribute("state").as_string();
        const bool hidden = state == "hidden" || state == "veryHidden";
        if (hidden) unit.text = "(hidden sheet)\n";
        unit.text += render_sheet(grid);
        add_sheet_warnings(name, grid, hidden, doc.warnings);
        doc.units.push_back(std::move(unit));
    }
    if (!book.unrendered.empty()) {
        std::string list;
        for (const auto& f : book.unrendered) list += (list.empty() ? "" : ", ") + f;
        doc.warnings.push_back("some numbers are shown as stored, not as displayed (number formats not rendered: " + list + ")");
    }
    return {};
}

}  // namespace lectern::ingest::office
