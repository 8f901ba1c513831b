// Writes small purpose-made office documents for ingest's tests and benchmark: ZIP
// containers through libzip and their XML parts through pugixml, the libraries the readers
// use, so a test states its document as calls ("a paragraph numbered at level 1, a tracked
// insertion by Jane Doe") rather than as hand-typed XML.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::ingest::testing {

using ZipParts = std::vector<std::pair<std::string, std::string>>;  // (name, bytes)

// A ZIP of `parts` in order; a part named "mimetype" is stored uncompressed (ODF, EPUB).
Status write_zip(const std::string& path, const ZipParts& parts);

// The document as XML text, with its declaration.
std::string xml_string(const pugi::xml_document& doc);

class DocxMaker {
public:
    DocxMaker();
    // Appends a paragraph; `style` is a style id ("Heading1", "Title") or empty.
    pugi::xml_node paragraph(const std::string& style = {});
    pugi::xml_node heading(const std::string& text, int level);
    void run(pugi::xml_node p, const std::string& text);
    void insertion(pugi::xml_node p, const std::string& text, const std::string& author, const std::string& date);
    void deletion(pugi::xml_node p, const std::string& text, const std::string& author, const std::string& date);
    void footnote(pugi::xml_node p, const std::string& text);
    // `annotated` is written as a run inside the comment's range.
    void comment(pugi::xml_node p, const std::string& annotated, const std::string& author,
                 const std::string& text);
    // A list definition: one numFmt and lvlText per level ("decimal", "%1."); returns numId.
    int add_list(const std::vector<std::pair<std::string, std::string>>& levels, int start = 1);
    // A second w:num over the abstract list of `num_id`, restarting level 0 at `start`.
    int restart_list(int num_id, int start);
    void number(pugi::xml_node p, int num_id, int ilvl);
    void table(const std::vector<std::vector<std::string>>& rows, int header_rows);
    void header(const std::string& text);
    void footer(const std::string& text);
    std::string title, author;

    Status write(const std::string& path) const;

private:
    pugi::xml_document document_, numbering_, footnotes_, comments_;
    pugi::xml_node body_;
    std::vector<std::string> headers_, footers_;
    int next_note_ = 1, next_comment_ = 0, next_num_ = 1;
};

class XlsxMaker {
public:
    // Adds a sheet; returns its index.
    int sheet(const std::string& name, bool hidden = false);
    // A style for a number format: a built-in id, or a custom code (given an id from 164).
    int style(int num_fmt_id, const std::string& code = {});
    void number(int sheet, const std::string& ref, double value, int style = 0);
    void text(int sheet, const std::string& ref, const std::string& value);        // shared string
    void inline_text(int sheet, const std::string& ref, const std::string& value);
    void formula(int sheet, const std::string& ref, const std::string& formula,
                 std::optional<double> cached, int style = 0);
    void merge(int sheet, const std::string& range);
    // Rows with no cells, from row `first` (1-based) on: how sheets look past their data.
    void empty_rows(int sheet, int first, int count);

    Status write(const std::string& path) const;

private:
    struct Cell { std::string ref, xml_type, value, formula, inline_value; int style = 0; bool has_value = true; };
    struct Sheet { std::string name; bool hidden; std::vector<Cell> cells; std::vector<std::string> merged;
                   int empty_first = 0, empty_count = 0; };
    std::string sheet_xml(const Sheet& sheet) const;
    std::vector<Sheet> sheets_;
    std::vector<std::string> strings_;
    std::vector<std::pair<int, std::string>> styles_{{0, {}}};  // (numFmtId, custom code)
};

}  // namespace lectern::ingest::testing
