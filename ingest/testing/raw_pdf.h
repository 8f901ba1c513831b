// Writes PDFs object by object, for tests that need what cairo never produces: fonts that
// are not embedded and use a predefined CJK CMap, simple fonts whose bytes are a legacy 8-bit
// encoding shown through WinAnsiEncoding, ToUnicode maps to Arabic presentation forms. Each
// page is one content stream; the xref table is computed.
#pragma once

#include <string>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::ingest::testing {

struct RawPage {
    std::string content;    // the content stream ("BT /F1 12 Tf 72 700 Td (...) Tj ET")
    std::string resources;  // the resource dictionary, e.g. "<< /Font << /F1 10 0 R >> >>"
};

struct RawPdf {
    std::vector<RawPage> pages;
    // Further objects, numbered from 10 in order ("<< /Type /Font ... >>", or a stream's
    // dictionary and data written as "<< ... >>\nstream\n...\nendstream").
    std::vector<std::string> objects;
    std::string catalog_extra;  // added to the catalog, e.g. "/Lang (ru-RU)"
};

// A stream object's text: its dictionary (with /Length) and data.
std::string raw_stream(const std::string& data, const std::string& dictionary_extra = {});
// `text` as a PDF literal string "(...)", with ( ) \ and bytes >= 0x80 escaped.
std::string pdf_literal(const std::string& bytes);

Status write_raw_pdf(const std::string& path, const RawPdf& pdf);

// Adds `entries` ("/Lang (ru-RU)") to the catalog of the PDF at `path` by an incremental
// update, as an editor saving a change does: the file is appended to, never rewritten.
// For PDFs with a classic xref table (cairo's, write_raw_pdf's).
Status append_to_catalog(const std::string& path, const std::string& entries);

}  // namespace lectern::ingest::testing
