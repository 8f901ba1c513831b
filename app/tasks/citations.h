// Citations in the model's answers: page references ("[p. 12]", "[pp. 3-4]") and file
// references ("src/db.cpp:88"), checked against the documents the model was shown, so the
// UI and CLI link only citations that name a page or a file line that exists.
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
    bool valid = false;   // the page / file line exists in the documents
};

// Every citation in `answer`, in order, each validated against `documents`.
std::vector<Citation> findCitations(const std::string& answer,
                                    const std::vector<ingest::Document>& documents);

// Whether `documents` hold a unit for `path` with at least `line` lines.
bool fileLineExists(const std::vector<ingest::Document>& documents, const std::string& path,
                    std::int64_t line);

}  // namespace lectern::app
