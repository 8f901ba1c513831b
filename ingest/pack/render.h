// How documents look inside a prompt. A PDF page is <page n="12"> ... </page>; a file is
// "=== path ===" (with "(lines a-b)" for a part of it) and, for code, numbered lines
// ("12| text") so answers can cite lines; a unit of an office document or web page is
// "=== 7 Termination (¶14-20) ===", its paragraphs marked "¶14" in its text. Every block ends with '\n' and the next one
// starts with '<' or '=', so token boundaries fall between blocks.
#pragma once

#include <string>
#include <string_view>

#include "lectern/ingest/packing.h"

namespace lectern::ingest {

std::string escape_attribute(std::string_view s);

std::string document_open(const Document& doc);   // <document title="..." kind="pdf">
std::string document_close(const Document& doc);  // </document>

// The opening of a unit, or of the lines [first_line, last_line] of it when `whole` is false.
std::string unit_open(const Document& doc, const Unit& unit, bool whole,
                      std::size_t first_line, std::size_t last_line);
std::string unit_close(const Document& doc, const Unit& unit);

// The text of unit.text[begin, end) as it appears in the prompt (numbered code lines).
std::string render_body(const Document& doc, const Unit& unit, std::size_t begin,
                        std::size_t end, std::size_t first_line, const PackOptions& options);

// Line number of the last line of unit.text[begin, end) that starts at first_line.
std::size_t last_line_of(const Unit& unit, std::size_t begin, std::size_t end,
                         std::size_t first_line);

}  // namespace lectern::ingest
