// Reading plain text and Markdown files: the encoding is detected (UTF-8, UTF-16 with a BOM,
// else a legacy encoding guessed by uchardet and checked for plausibility, with Windows-1252
// as the fallback) and the text converted to UTF-8 as one unit.
#pragma once

#include <string>
#include <string_view>

#include "lectern/ingest/document.h"

namespace lectern::ingest {

struct DecodedText {
    std::string text;      // UTF-8, without a BOM
    // The encoding the text was read in: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252",
    // "windows-1250", "windows-1251", "KOI8-R", "ISO-8859-7", "windows-1253", "windows-1256",
    // "GB18030" (also for GBK and GB2312), "Big5", "Shift_JIS", "EUC-JP", "EUC-KR", ...
    std::string encoding;
    // No encoding could be decided (no guess, or no guess gave plausible text): the bytes
    // were read as windows-1252 and the text may be wrong.
    bool encoding_uncertain = false;
};

// Detects the encoding of `bytes` and converts them to UTF-8. Never fails on content: bytes
// that are neither UTF-8 nor BOM-marked UTF-16 are decoded in the legacy encoding uchardet
// guesses when the result is plausible text, else read as Windows-1252 with
// `encoding_uncertain` set. Pure ASCII is UTF-8. A UTF-16 file of odd length is Corrupt.
Result<DecodedText> decode_text(std::string_view bytes);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

Result<Document> read_text_file(const std::string& path);

}  // namespace lectern::ingest
