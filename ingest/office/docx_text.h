// The text of DOCX paragraphs and tables as the model reads them: runs in order, tracked
// changes marked "[+...+]" / "[-...-]" (or accepted, or the original), footnote and endnote
// marks "[^1]" / "[^e1]" with their text after the paragraph, comments after the paragraph
// that ends their range ("(comment by Bob Lee on "thirty days": ...)"), and tables as
// Markdown tables.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "lectern/ingest/office.h"
#include "office/docx_numbering.h"
#include "office/flow.h"
#include "office/read_limits.h"

namespace lectern::ingest::office {

struct DocxComment {
    std::string author;
    std::string text;
};

// What the renderer needs across paragraphs (notes, open comment ranges) and counts for the
// document's warnings.
struct DocxContext {
    TrackedChanges mode = TrackedChanges::Marked;
    DocxStyles styles;
    DocxNumbering numbering;
    std::map<std::string, pugi::xml_node> footnotes, endnotes;  // by w:id
    std::map<std::string, DocxComment> comments;                 // by w:id
    // A comment's range is where it starts in `annotated`: the text since the first comment
    // still open began (cleared when none is open), so a run is kept once, however many
    // ranges hold it.
    std::map<std::string, std::size_t> open_comments;            // id -> offset in annotated
    std::string annotated;
    std::set<std::string> comments_done;
    // A note cited again prints its first mark; its text follows the first citation only.
    std::map<std::string, std::string> footnote_marks, endnote_marks;  // by w:id
    ReadLimits limits{0};
    int n_footnotes = 0, n_endnotes = 0;
    int n_insertions = 0, n_deletions = 0, n_comments = 0;
};

// Appends the blocks of a body (w:body, a header, a table cell's content) to `out`; stops
// early once context.limits has failed (too deep, too much text).
void render_docx_body(const pugi::xml_node& body, DocxContext& context, std::vector<Block>& out);

// The plain text of a node's paragraphs, joined by spaces (notes, comments, headers), with
// insertions and deletions taken as accepted (Marked, Accepted) or original (Original).
std::string docx_plain_text(const pugi::xml_node& node, TrackedChanges mode);

}  // namespace lectern::ingest::office
