// One entry point for any path: a PDF, a folder of code, or a text/Markdown file.
#pragma once

#include <string>

#include "lectern/ingest/code_folder.h"
#include "lectern/ingest/document.h"
#include "lectern/ingest/pdf.h"

namespace lectern::ingest {

struct IngestOptions {
    PdfOptions pdf;
    CodeFolderOptions code;
    ReadControl control;  // given to whichever reader the path needs (pages or files)
};

// Picks the reader from the file system (a folder) or the file's first bytes (%PDF-).
// Errors: those of the readers, Cancelled when options.control's flag was set.
Result<Document> read_path(const std::string& path, const IngestOptions& options = {});

// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace lectern::ingest
