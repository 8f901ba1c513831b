// XlsxMaker (see office_maker.h): a workbook, its sheets, shared strings and number-format
// styles written as Excel writes them (cells in row elements, numbers in <v>, text through
// the shared string table, custom formats from id 164 on).
#include <cstdio>
#include <map>

#include "testing/office_maker.h"

namespace lectern::ingest::testing {
namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

int row_of(const std::string& ref) {
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
    return std::stoi(ref.substr(i));
}

pugi::xml_node main_root(pugi::xml_document& doc, const char* name) {
    auto r = doc.append_child(name);
    r.append_attribute("xmlns") = kMain;
    r.append_attribute("xmlns:r") = kRel;
    return r;
}

std::string rels(const std::vector<std::pair<std::string, std::string>>& targets) {
    pugi::xml_document doc;
    auto r = doc.append_child("Relationships");
    r.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
    for (std::size_t i = 0; i < targets.size(); ++i) {
        auto rel = r.append_child("Relationship");
        rel.append_attribute("Id") = ("rId" + std::to_string(i + 1)).c_str();
        rel.append_attribute("Type") = (std::string(kRel) + "/" + targets[i].first).c_str();
        rel.append_attribute("Target") = targets[i].second.c_str();
    }
    return xml_string(doc);
}

// As Excel stores a number: the shortest digits that read back the same ("1234.5678").
std::string stored_number(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", value);
    return buf;
}

}  // namespace

int XlsxMaker::sheet(const std::string& name, bool hidden) {
    Sheet s;
    s.name = name;
    s.hidden = hidden;
    sheets_.push_back(std::move(s));
    return static_cast<int>(sheets_.size()) - 1;
}

int XlsxMaker::style(int num_fmt_id, const std::string& code) {
    styles_.emplace_back(num_fmt_id, code);
    return static_cast<int>(styles_.size()) - 1;
}

void XlsxMaker::number(int sheet, const std::string& ref, double value, int style) {
    Cell c;
    c.ref = ref;
    c.value = stored_number(value);
    c.style = style;
    sheets_[static_cast<std::size_t>(sheet)].cells.push_back(c);
}

void XlsxMaker::text(int sheet, const std::string& ref, const std::string& value) {
    Cell c;
    c.ref = ref;
    c.xml_type = "s";
    c.value = std::to_string(strings_.size());
    strings_.push_back(value);
    sheets_[static_cast<std::size_t>(sheet)].cells.push_back(c);
}

void XlsxMaker::inline_text(int sheet, const std::string& ref, const std::string& value) {
    Cell c;
    c.ref = ref;
    c.xml_type = "inlineStr";
    c.inline_value = value;
    c.has_value = false;
    sheets_[static_cast<std::size_t>(sheet)].cells.push_back(c);
}

void XlsxMaker::formula(int sheet, const std::string& ref, const std::string& formula,
                        std::optional<double> cached, int style) {
    Cell c;
    c.ref = ref;
    c.formula = formula;
    c.style = style;
    c.has_value = cached.has_value();
    if (cached) c.value = stored_number(*cached);
    sheets_[static_cast<std::size_t>(sheet)].cells.push_back(c);
}

void XlsxMaker::merge(int sheet, const std::string& range) {
    sheets_[static_cast<std::size_t>(sheet)].merged.push_back(range);
}

void XlsxMaker::empty_rows(int sheet, int first, int count) {
    sheets_[static_cast<std::size_t>(sheet)].empty_first = first;
    sheets_[static_cast<std::size_t>(sheet)].empty_count = count;
}

std::string XlsxMaker::sheet_xml(const Sheet& sheet) const {
    pugi::xml_document doc;
    auto ws = main_root(doc, "worksheet");
    auto data = ws.append_child("sheetData");
    std::map<int, std::vector<const Cell*>> rows;
    for (const auto& c : sheet.cells) rows[row_of(c.ref)].push_back(&c);
    for (const auto& [r, cells] : rows) {
        auto row = data.append_child("row");
        row.append_attribute("r") = r;
        for (const Cell* c : cells) {
            auto cell = row.append_child("c");
            cell.append_attribute("r") = c->ref.c_str();
            if (c->style) cell.append_attribute("s") = c->style;
            if (!c->xml_type.empty()) cell.append_attribute("t") = c->xml_type.c_str();
            if (!c->formula.empty()) cell.append_child("f").text() = c->formula.c_str();
            if (c->has_value) cell.append_child("v").text() = c->value.c_str();
            if (!c->inline_value.empty()) cell.append_child("is").append_child("t").text() = c->inline_value.c_str();
        }
    }
    for (int i = 0; i < sheet.empty_count; ++i) {
        auto row = data.append_child("row");
        row.append_attribute("r") = sheet.empty_first + i;
        row.append_attribute("spans") = "1:3";
    }
    if (!sheet.merged.empty()) {
        auto merged = ws.append_child("mergeCells");
        for (const auto& m : sheet.merged) merged.append_child("mergeCell").append_attribute("ref") = m.c_str();
    }
    return xml_string(doc);
}

Status XlsxMaker::write(const std::string& path) const {
    pugi::xml_document wb;
    auto sheets = main_root(wb, "workbook").append_child("sheets");
    std::vector<std::pair<std::string, std::string>> targets;
    ZipParts parts;
    for (std::size_t i = 0; i < sheets_.size(); ++i) {
        auto s = sheets.append_child("sheet");
        s.append_attribute("name") = sheets_[i].name.c_str();
        s.append_attribute("sheetId") = static_cast<int>(i + 1);
        if (sheets_[i].hidden) s.append_attribute("state") = "hidden";
        s.append_attribute("r:id") = ("rId" + std::to_string(i + 1)).c_str();
        const std::string name = "worksheets/sheet" + std::to_string(i + 1) + ".xml";
        targets.emplace_back("worksheet", name);
        parts.emplace_back("xl/" + name, sheet_xml(sheets_[i]));
    }
    targets.emplace_back("sharedStrings", "sharedStrings.xml");
    targets.emplace_back("styles", "styles.xml");
    pugi::xml_document sst;
    auto sst_root = main_root(sst, "sst");
    for (const auto& s : strings_) sst_root.append_child("si").append_child("t").text() = s.c_str();
    pugi::xml_document styles;
    auto sheet_styles = main_root(styles, "styleSheet");
    auto fmts = sheet_styles.append_child("numFmts");
    auto xfs = sheet_styles.append_child("cellXfs");
    for (const auto& [id, code] : styles_) {
        if (!code.empty()) {
            auto f = fmts.append_child("numFmt");
            f.append_attribute("numFmtId") = id;
            f.append_attribute("formatCode") = code.c_str();
        }
        xfs.append_child("xf").append_attribute("numFmtId") = id;
    }
    parts.emplace_back("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    parts.emplace_back("_rels/.rels", rels({{"officeDocument", "xl/workbook.xml"}}));
    parts.emplace_back("xl/workbook.xml", xml_string(wb));
    parts.emplace_back("xl/_rels/workbook.xml.rels", rels(targets));
    parts.emplace_back("xl/sharedStrings.xml", xml_string(sst));
    parts.emplace_back("xl/styles.xml", xml_string(styles));
    return write_zip(path, parts);
}

}  // namespace lectern::ingest::testing
