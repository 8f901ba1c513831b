// One entry point for any path: a PDF, a folder of code, or a text/Markdown file.
#pragma once

#include <string>

#include "lectern/ingest/code_folder.h"
#include "lectern/ingest/document.h"
#include "lectern/ingest/office.h"
#include "lectern/ingest/pdf.h"

namespace lectern::ingest {

// The version of what the readers extract. Raised whenever a reader's text for the same bytes
// changes (page verdicts and repairs, tables, new formats), so that a store can read again a
// document it kept from an older reader.
inline constexpr int kReaderVersion = 1;

struct IngestOptions {
    PdfOptions pdf;
    CodeFolderOptions code;
    OfficeOptions office;  // DOCX, XLSX, ODT, ODS, EPUB and HTML
    ReadControl control;  // given to whichever reader the path needs (pages or files)
};

// Picks the reader from the file system (a folder) or the file's first bytes: %PDF-, a ZIP
// container of an office document, HTML markup, text. A binary file (an image, an archive,
// an executable, NUL bytes) is Unsupported: "unsupported document type: PNG image".
// Errors: those of the readers, Cancelled when options.control's flag was set.
Result<Document> read_path(const std::string& path, const IngestOptions& options = {});

// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace lectern::ingest
