// Lam-alef ligatures whose ToUnicode map gives two letters. Poppler puts a right-to-left line
// into logical order glyph by glyph, and also reverses the letters one glyph maps to: the
// ligature "لا" (lam, alef) comes out "ال", turning "السلام" into "السالم". The page's words
// with their character boxes tell such pairs apart from a lam and an alef drawn as two glyphs:
// Poppler splits one glyph's advance evenly between its letters, so the two halves have the
// same width and touch. (Two glyphs of exactly equal width would pass for one: real Arabic
// fonts do not draw lam and alef that alike.) Where the reversed reading of a word is also
// the reading of a word drawn without a pair, the text is left as it is.
#pragma once

#include <string>

namespace poppler {
class page;
}

namespace lectern::ingest {

// `text`: the page's text as read (in logical order). Returns it with each such pair put back
// in order; unchanged when the page has none.
std::string fix_ligature_order(const poppler::page& page, std::string text);

}  // namespace lectern::ingest
