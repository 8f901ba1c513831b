// The plain structs every reader in ingest/ produces: a Document made of Units (a PDF page,
// a source file, a text file), each with a locator the model can cite and its text in UTF-8.
// Documents carry no Poppler, libgit2 or Qt types; the UI and the store see only these.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::ingest {

// Progress and Stop of a long read: `progress(unit, done, total)` after each page of a PDF
// (total: its pages; OCR of the pages without text then counts again over those pages), each
// file of a folder (total 0: a walk does not know how many there are), or a text file (1 of
// 1 file). A reader polls `cancel` between pages or files and returns ErrorCode::Cancelled
// once it is set.
enum class ReadUnit { Pages, Files };

struct ReadControl {
    std::function<void(ReadUnit unit, std::int64_t done, std::int64_t total)> progress;
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(ReadUnit unit, std::int64_t done, std::int64_t total) const {
        if (progress) progress(unit, done, total);
    }
};

enum class DocumentKind { Pdf, CodeFolder, Text, Markdown, Docx, Odt, Xlsx, Ods, Html, Epub };

// "pdf", "code", "text", "markdown", "docx", "odt", "xlsx", "ods", "html", "epub" (the names
// lectern-cli's JSON and the store use).
const char* document_kind_name(DocumentKind kind);

// How far a unit's text can be trusted and what was done to it (PDF pages; a clean page
// has none of these).
struct UnitQuality {
    bool mis_encoded = false;        // likely wrong and not repaired: do not trust it
    std::string mis_encoded_reason;
    std::string redecoded_from;      // the legacy encoding the text was re-decoded from
    bool presentation_forms = false; // Arabic presentation forms normalized to letters
    int poppler_errors = 0;          // errors Poppler reported while reading this page
    std::string poppler_error;       // the first of them
    bool ocr_rescued = false;        // its text layer was mis-encoded; this text is OCR's
    std::string ocr_language;        // the page was recognized by OCR in this language
    int ocr_confidence = -1;         // Tesseract's mean word confidence (0-100), -1: no OCR

    // Mis-encoded, Poppler errors, or OCR below 60 % confidence.
    bool unreliable() const;
    // For the user and the prompt: "re-decoded from windows-1251; OCR (rus, 91 %)"; "" if clean.
    std::string describe() const;
    // For the prompt, when unreliable: the kinds of problem only ("likely mis-encoded").
    std::string prompt_note() const;
};

// A rectangle on a PDF page, in points from the page's top left corner.
struct TableBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A table found on a PDF page. In the unit's text it is a Markdown table in its place in the
// reading order, inside <table n="2"> ... </table>, so an answer can cite "[p. 12, table 2]".
struct Table {
    int number = 0;          // 1-based, on its page
    bool continued = false;  // continues the last table of the previous page
    int header_rows = 0;
    std::vector<std::vector<std::string>> cells;  // rows of cells as printed ("(712,455)")
    std::vector<std::vector<TableBox>> boxes;     // each cell's box; zero for an empty cell
    TableBox box;
};

// Where a unit came from, in the terms the model cites: a page or a file.
struct Unit {
    std::string locator;   // "page 12" for PDFs, the relative path for files
    std::string text;      // UTF-8; PDF pages normalized to '\n' line ends
    int page = 0;          // 1-based page number (PDF), 0 otherwise
    std::string label;     // the page label printed on the page ("xii"), when it differs
    std::string path;      // relative path of a file unit ("src/db.cpp"), empty for pages
    std::string language;  // programming language of a code file ("cpp"), empty otherwise
    bool no_text_layer = false;  // a PDF page with no extractable text
    bool recognized = false;     // its text comes from OCR
    // Flow documents (DOCX, ODT, HTML, EPUB): the paragraphs this unit holds, numbered
    // 1.. through the document and marked "¶N" in its text; 0 when the unit has none.
    int first_paragraph = 0;
    int last_paragraph = 0;
    UnitQuality quality;
    std::vector<Table> tables;   // PDF pages: the tables found on it
};

struct Metadata {
    std::string title;
    std::string author;
    std::int64_t created = 0;   // seconds since the epoch, 0 when unknown
    std::int64_t modified = 0;  // seconds since the epoch, 0 when unknown
    std::string encoding;       // detected text encoding ("UTF-8", "UTF-16LE", "windows-1252")
    std::string language;       // the document's declared language ("en", "de-CH"), when known
};

// A file of a code folder that could not be ingested (unreadable, vanished...).
struct FileError {
    std::string path;  // relative to the folder
    Error error;
};

struct Document {
    std::string id;    // SHA-256 (hex) of the document's bytes: stable across runs and paths
    DocumentKind kind = DocumentKind::Text;
    std::string path;  // as given by the caller
    Metadata metadata;
    std::vector<Unit> units;
    std::vector<std::string> warnings;  // for the user: "pages 3-9 have no text layer"
    std::vector<std::string> tree;      // code folders: every included file, sorted, '/'-separated
    std::vector<FileError> file_errors; // code folders: files that failed, the rest ingested
};

// "3", "3-9", "1, 4-6, 9": a compact list of 1-based page numbers (sorted ascending).
std::string format_page_ranges(const std::vector<int>& pages);

}  // namespace lectern::ingest
