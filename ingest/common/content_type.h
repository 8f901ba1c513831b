// What a file is, judged by its first bytes (magic numbers) and only then by its name: the
// readers Lectern has (PDF, ZIP containers of office documents, HTML, text) and the binary
// kinds it refuses (images, archives, executables, media, databases) with a name for each.
#pragma once

#include <string>
#include <string_view>

namespace lectern::ingest {

enum class ContentKind {
    Pdf,          // "%PDF-" in the first KiB
    Zip,          // a ZIP archive: DOCX, XLSX, ODT, ODS, EPUB, or another ZIP
    OleCompound,  // a Microsoft compound file: legacy .doc/.xls or an encrypted OOXML
    Html,         // markup that starts as HTML (or a .html/.xhtml name and a '<')
    Text,         // anything else without NUL bytes
    Binary,       // a known binary magic number, or NUL bytes in the first 8000 bytes
};

struct ContentType {
    ContentKind kind = ContentKind::Text;
    std::string what;  // for Binary: "PNG image", "ELF executable", "binary data"
};

// `head`: the file's first bytes (8 KiB is enough); `name`: its file name or path (the
// extension breaks ties only: ".html" for markup without a doctype).
ContentType sniff_content(std::string_view head, std::string_view name);

// Binary for a text reader: a known binary kind, a container, or NUL bytes. UTF-16 text with
// a byte order mark is text.
bool is_binary_content(std::string_view head);

}  // namespace lectern::ingest
