// Reading office documents and web pages: DOCX and ODT (paragraphs, headings, numbered
// lists, tables, notes, tracked changes, comments), XLSX and ODS (one unit per sheet, its
// used range as a Markdown table, numbers as displayed), HTML (the main text) and EPUB (one
// unit per chapter in spine order). What cannot be read is refused by its content: binary
// files as Unsupported, truncated containers as Corrupt, encrypted ones as NeedsPassword.
#pragma once

#include <cstdint>
#include <string>

#include "lectern/ingest/document.h"

namespace lectern::ingest {

// How tracked changes of a DOCX are shown: marked "[+inserted+]" / "[-deleted-]" with a note
// of who and when after the paragraph, or the text as if every change were accepted, or as
// it was before any of them.
enum class TrackedChanges { Marked, Accepted, Original };

// "marked", "accepted", "original".
const char* tracked_changes_name(TrackedChanges mode);

struct OfficeOptions {
    TrackedChanges changes = TrackedChanges::Marked;
    // Uncompressed bytes one document may expand to (all parts read together).
    std::uint64_t max_expanded_bytes = std::uint64_t{128} << 20;
    // Bytes of text one document may produce: a small file can name a long text many times
    // (a note cited on every line, a cell repeated a million times). Past it: Unsupported.
    std::uint64_t max_text_bytes = std::uint64_t{256} << 20;
    // Non-empty cells kept per sheet; the rest are left out with a warning.
    std::size_t max_sheet_cells = 500'000;
    ReadControl control;  // one file of one (progress), and Stop between parts
};

// A ZIP container (DOCX, XLSX, ODT, ODS, EPUB), told apart by its parts. Another ZIP is
// Unsupported; a truncated one Corrupt.
Result<Document> read_office(const std::string& path, const OfficeOptions& options = {});

// An HTML page: its main text with headings, lists and tables, boilerplate left out.
Result<Document> read_html(const std::string& path, const OfficeOptions& options = {});

}  // namespace lectern::ingest
