// Reading PDF files: the text of each page in reading order, page labels, title, author and
// dates. Pages without a text layer are flagged and, when Tesseract and its language data are
// installed, recognized by OCR. Encrypted files give ErrorCode::NeedsPassword until opened
// with the password; corrupt or truncated files give ErrorCode::Corrupt.
#pragma once

#include <string>

#include "lectern/ingest/document.h"

namespace lectern::ingest {

struct PdfOptions {
    std::string password;           // user or owner password of an encrypted PDF
    bool ocr = true;                // recognize pages that have no text layer
    // Tesseract language(s), e.g. "deu" or "eng+deu"; empty: chosen per page (the script of
    // the document's text layer, else the script Tesseract detects on the page).
    std::string ocr_language;
    int ocr_dpi = 300;              // rendering resolution for OCR
    // Tables found on a page become Markdown tables in its text (Unit::tables); off: the text
    // is Poppler's reading order alone, a table's cells one after another.
    bool tables = true;
    ReadControl control;            // pages done, and Stop
};

Result<Document> read_pdf(const std::string& path, const PdfOptions& options = {});

// A message of Poppler's that reached another handler than the reader's own (Poppler keeps
// one handler per process; the window's viewer installs its own). Called on the thread that
// raised it: counted for the PDF this thread is reading, ignored when it reads none.
void note_pdf_message(const std::string& message);

// True when this build can run OCR in `language` (Tesseract with its traineddata present).
bool ocr_available(const std::string& language);

}  // namespace lectern::ingest
