// Reading plain text and Markdown files: the encoding is detected (UTF-8, UTF-16 with a BOM,
// else a legacy 8-bit fallback, Windows-1252) and the text converted to UTF-8 as one unit.
#pragma once

#include <string>
#include <string_view>

#include "lectern/ingest/document.h"

namespace lectern::ingest {

struct DecodedText {
    std::string text;      // UTF-8, without a BOM
    std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252"
};

// Detects the encoding of `bytes` and converts them to UTF-8. Never fails on content: bytes
// that are neither UTF-8 nor BOM-marked UTF-16 are read as Windows-1252 (a superset of
// Latin-1 for printable text). A UTF-16 file of odd length is Corrupt.
Result<DecodedText> decode_text(std::string_view bytes);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

Result<Document> read_text_file(const std::string& path);

}  // namespace lectern::ingest
