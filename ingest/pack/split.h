// Cutting a unit into pieces small enough for a chunk, at natural boundaries where possible:
// paragraphs (blank lines) in pages and text files, top-level blocks (a line at column 0
// after a blank line or a closing brace) in code; a piece still too large is halved at the
// line nearest its middle, then at a space, then at a character boundary.
#pragma once

#include <cstddef>
#include <vector>

#include "lectern/ingest/packing.h"

namespace lectern::ingest {

struct CountedPiece {
    Piece piece;
    std::size_t tokens = 0;  // count of the piece's rendered body
};

// Pieces of documents[ref.document].units[ref.unit], in order, covering all of its text.
// Every piece's rendered body counts at most max_tokens (>= 1) tokens.
std::vector<CountedPiece> split_unit(const Document& doc, UnitRef ref,
                                     const TokenCounter& counter, std::size_t max_tokens,
                                     const PackOptions& options);

}  // namespace lectern::ingest
