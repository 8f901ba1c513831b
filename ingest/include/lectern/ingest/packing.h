// Packing documents into one prompt under a token budget, with locators the model can cite
// (<page n="12"> ... </page> for PDFs; "=== path ===" and numbered lines for code; a header
// per text file). Counts come from the model's tokenizer through TokenCounter and are exact:
// every reported total is the tokenizer's count of the final text, never a sum of parts
// (BPE counts are not additive across boundaries). When the whole does not fit, the prompt
// holds the leading units that fit, the rest are listed as not fitting, and the documents are
// also cut into chunks with overlap for map-reduce, at page, paragraph or function
// boundaries where possible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/ingest/document.h"

namespace lectern::ingest {

// The model's tokenizer as packing sees it (ingest does not depend on the engine).
class TokenCounter {
public:
    virtual ~TokenCounter() = default;
    virtual std::size_t count(std::string_view text) const = 0;
};

struct PackOptions {
    std::size_t n_ctx = 131072;          // the model's context size in tokens
    std::size_t reserve_system = 0;      // tokens kept for the system prompt
    std::size_t reserve_question = 0;    // tokens kept for the question / instruction
    std::size_t reserve_answer = 0;      // tokens kept for the answer
    std::size_t overlap_tokens = 0;      // content repeated between consecutive chunks
    std::size_t chunk_tokens = 0;        // budget of one chunk; 0 = the whole budget
    bool number_code_lines = true;       // "12| code" in code units
};

// One unit of one document.
struct UnitRef {
    std::size_t document = 0;
    std::size_t unit = 0;
    bool operator==(const UnitRef&) const = default;
};

struct PackedUnit {
    UnitRef ref;
    std::string locator;
    std::size_t tokens = 0;  // count of the unit's rendered block (tag or header included)
    bool included = false;   // in PackResult::prompt
};

// A part of a unit: the whole unit, or a run of its paragraphs, lines or functions.
struct Piece {
    UnitRef ref;
    std::size_t begin = 0;       // byte range in Unit::text
    std::size_t end = 0;
    std::size_t first_line = 1;  // 1-based line of `begin` in the unit (for code line numbers)
};

struct Chunk {
    std::string text;            // the rendered chunk, ready to put in a prompt
    std::size_t tokens = 0;      // count of `text`
    std::vector<Piece> pieces;   // in order; the first `n_overlap` repeat the previous chunk
    std::size_t n_overlap = 0;
    std::size_t overlap_tokens = 0;  // count of the repeated pieces' text (unrendered)
};

struct PackResult {
    std::size_t budget = 0;              // n_ctx minus the reserves
    std::string prompt;                  // the documents that fit, with locators
    std::size_t total_tokens = 0;        // count of `prompt`, <= budget
    std::vector<PackedUnit> units;       // every unit of every document, in order
    std::vector<UnitRef> did_not_fit;    // exactly the units missing from `prompt`
    bool fits = true;                    // the whole was packed
    std::vector<Chunk> chunks;           // when !fits: every unit, cut to the chunk budget
};

// Fails with InvalidArgument when the reserves leave no budget, when (the whole not fitting)
// the chunk budget cannot hold a unit's headers, or the overlap is over a quarter of it.
Result<PackResult> pack(const std::vector<Document>& documents, const TokenCounter& counter,
                        const PackOptions& options);

// The rendered block of a whole unit (what PackedUnit::tokens counts).
std::string render_unit(const Document& document, const Unit& unit, const PackOptions& options);

}  // namespace lectern::ingest
