// Citations in the model's answers: page references ("[p. 12]", "[pp. 3-4]"), file
// references ("src/db.cpp:88") and, for office documents and web pages, paragraph and
// section references ("[¶14]", "[§7.2]", "[contract.docx ¶14]"), checked against the
// documents the model was shown, so the UI and CLI link only citations that exist.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lectern/ingest/document.h"

namespace lectern::app {

struct Citation {
    std::string text;     // as written in the answer
    int page = 0;         // a page citation's (first) page, 0 for a file citation
    std::string path;     // a file citation's path
    std::int64_t line = 0;
    std::string document; // the document a paragraph/section citation names, empty for any
    int paragraph = 0;    // "[¶14]": 14
    std::string section;  // "[§7.2]": "7.2"
    int table = 0;        // "[p. 12, table 2]": 2 (a table found on the page; 0: the page)
    bool valid = false;   // the page / file line / paragraph / section exists in the documents
};

// Whether `unit` of `doc` holds what a paragraph or section citation names (false for page
// and file citations).
bool unitCitedBy(const ingest::Document& doc, const ingest::Unit& unit, const Citation& citation);

// The line (1-based) of `unit`'s text where the paragraph or section a citation names opens
// ("¶14 ..." for [¶14], "¶15 7.2 ..." or "## 7.2 ..." for [§7.2]); 0 when no line does, and
// for page and file citations.
int citedLine(const ingest::Unit& unit, const Citation& citation);

// Every citation in `answer`, in order, each validated against `documents`.
std::vector<Citation> findCitations(const std::string& answer,
                                    const std::vector<ingest::Document>& documents);

// A citation as a reader outside Lectern needs it, naming the document: "report.pdf p. 12",
// "report.pdf p. 12, table 2", "contract.docx ¶14", "src/db.cpp:88". A page, paragraph or
// section is given the file name of the (first) document that holds it; an invalid one
// keeps its text.
std::string citationLabel(const Citation& citation, const std::vector<ingest::Document>& documents);

// `answer` with each of its citations written as "[label]" (citationLabel); file:line ones
// are already labels and stay.
std::string labelCitations(const std::string& answer, const std::vector<ingest::Document>& documents);

// Whether `documents` hold a unit for `path` with at least `line` lines.
bool fileLineExists(const std::vector<ingest::Document>& documents, const std::string& path,
                    std::int64_t line);

}  // namespace lectern::app
