// Writes small purpose-made PDFs for ingest's tests and benchmark with cairo and Pango
// (Pango shapes Arabic and Chinese; cairo records the text so readers can extract it).
// A page can also be painted as an image of its text, a page without a text layer.
#pragma once

#include <string>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::ingest::testing {

struct TestPage {
    std::vector<std::string> paragraphs;  // UTF-8, laid out top to bottom
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
