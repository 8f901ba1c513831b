// A flow document (DOCX, ODT, HTML, EPUB chapter) as the readers build it: blocks in reading
// order, each a heading, a paragraph, a list item or a table already in Markdown, with the
// notes that follow it (footnotes, comments, changes). make_flow_units turns the blocks into
// Units: one per top-level section, paragraphs numbered "¶N" through the document.
#pragma once

#include <string>
#include <vector>

#include "lectern/ingest/document.h"

namespace lectern::ingest::office {

struct Block {
    int heading = 0;                  // 1-6 for a heading, 0 for body text
    std::string text;                 // Markdown without the heading's '#'s
    std::vector<std::string> notes;   // lines printed right after the block
};

// Paragraphs per unit when a document has no headings to cut it at.
inline constexpr int kParagraphsPerUnit = 40;

// Appends the units of `blocks` to doc.units. A unit starts at every heading of the
// shallowest level the blocks use (its locator is the heading's text); text before the first
// heading, or a document without headings, is cut every kParagraphsPerUnit paragraphs
// (locator "¶1-40").
// `next_paragraph` carries the ¶ count across calls (EPUB chapters). With `single_locator`
// set, all the blocks make one unit of that name (an EPUB chapter).
void make_flow_units(const std::vector<Block>& blocks, Document& doc, int& next_paragraph,
                     const std::string& single_locator = {});

// Collapses runs of white space to one space and trims the ends (XML text, HTML text).
std::string collapse_space(const std::string& text);

}  // namespace lectern::ingest::office
