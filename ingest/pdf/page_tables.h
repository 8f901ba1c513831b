// The tables of a PDF page put in the page's text as Markdown tables inside
// <table n="K"> ... </table> (table_finder.h finds them), where the page's reading order has
// them; the prose around them keeps its order, in one column or several.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/ingest/document.h"

namespace poppler {
class page;
}

namespace lectern::ingest {

struct PageText {
    std::string text;           // the page's text with its tables in place
    std::vector<Table> tables;  // numbered 1.. in the order they appear in the text
    bool unplaced = false;      // tables were found but the words could not be matched to the text
};

// Finding tables needs the page's words and boxes, which Poppler lays out as long again as
// the text. Pages without tables keep Poppler's text, and so do pages of one column with
// tables (the tables put where their words are); pages of several columns with tables are
// read from their words, column by column. Which comes first is guessed from the page before:
// tables come in runs (the statements, a schedule), and so does prose. After a page with
// tables the words are read first, and a page that can be read line by line (left-to-right
// text, no prose side by side) and has tables or a single column is read from them alone;
// a page is laid out twice where a run of tables begins, or ends on a page of columns.
struct TableHistory {
    bool last_had_tables = false;
    bool words_first() const { return last_had_tables; }
    void note(bool tables) { last_had_tables = tables; }
};

// A cheap look at the page's text: whether it may hold a table at all (three lines or more
// with at least as many figures as words, as Poppler's reading order prints a table's cells
// and rows). Prose pages, figures in their sentences or not, are not laid out again.
bool may_hold_table(std::string_view text);

// The page's text with its tables. `poppler_text` gives Poppler's text of the page (tidied),
// used for pages without tables and for right-to-left pages, whose tables are put where
// their words are in it.
PageText read_page_text(const poppler::page& page, const std::function<std::string()>& poppler_text,
                        TableHistory& history);

// Marks each page's first table as continuing the previous page's last one where the page
// opens with it (nothing but a short line before it) and both have as many columns; its tag
// then reads <table n="1" continued="from page 4">.
void mark_continued_tables(std::vector<Unit>& pages);

}  // namespace lectern::ingest
