// Code point range tables generated from the Unicode Character Database (see
// tools/gen_unicode_tables.py). Ranges are inclusive and sorted.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lectern::tokenizer {

struct CodepointRange {
    uint32_t first;
    uint32_t last;
};

extern const CodepointRange kLetterRanges[];
extern const size_t kLetterRanges_size;
extern const CodepointRange kNumberRanges[];
extern const size_t kNumberRanges_size;
extern const CodepointRange kWhiteSpaceRanges[];
extern const size_t kWhiteSpaceRanges_size;

}  // namespace lectern::tokenizer
