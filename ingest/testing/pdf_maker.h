// Writes small purpose-made PDFs for ingest's tests and benchmark with cairo and Pango
// (Pango shapes Arabic and Chinese; cairo records the text so readers can extract it).
// A page can also be painted as an image of its text, a page without a text layer.
#pragma once

#include <string>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::ingest::testing {

// A table drawn as report generators draw one: the first column's cells left-aligned (and
// wrapped within its width), the others right-aligned, each row's cells on one baseline
// (a wrapped label takes more lines below). No grid; optional rules.
struct TestTable {
    std::vector<std::vector<std::string>> rows;  // UTF-8 cells, "" for an empty one
    std::vector<double> widths;                  // of each column, in points
    int header_rows = 1;                         // drawn in bold
    bool rules = false;                          // a line above and below the header
    std::string font = "DejaVu Sans 9";
};

// One thing on a page: a paragraph, or a table when `table.rows` is not empty.
struct TestBlock {
    std::string paragraph;
    TestTable table;
};

struct TestPage {
    std::vector<std::string> paragraphs;  // UTF-8, laid out top to bottom
    std::vector<TestBlock> blocks;        // used instead of `paragraphs` when not empty
    std::vector<TestBlock> across;        // drawn across the page above the columns
    std::string font = "DejaVu Sans 11";  // a Pango font description
    int columns = 1;                      // 2: the paragraphs are split over two columns
    bool as_image = false;                // painted as a bitmap: no text layer
    std::string label;                    // a page label ("ii"), none when empty
};

struct TestPdf {
    std::vector<TestPage> pages;
    std::string title;
    std::string author;
    std::string created;  // "YYYY-MM-DDThh:mm:ss", none when empty
};

Status write_test_pdf(const std::string& path, const TestPdf& pdf);

// Frees Pango's, cairo's and fontconfig's process-wide font caches (so leak checkers see a
// clean exit). Call once, after the last write_test_pdf.
void release_font_caches();

}  // namespace lectern::ingest::testing
