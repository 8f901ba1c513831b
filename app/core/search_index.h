// Full-text search (FTS5) over messages and document units, best matches first (bm25).
// By default the query is plain words, all of which must appear (each word is quoted, so
// "db.cpp" or "C++" are not FTS5 syntax errors); `raw` passes FTS5 query syntax through
// (phrases, OR, NEAR, prefix*).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "database.h"

namespace lectern::app {

struct SearchHit {
    enum class Kind { Message, Unit };
    Kind kind = Kind::Message;
    std::int64_t id = 0;        // message id or unit id
    std::int64_t ownerId = 0;   // session id (message) or document id (unit)
    std::string ownerTitle;     // session title or document title
    std::string where;          // message role, or unit locator
    std::string snippet;        // the matching passage, matches between the markers
    double rank = 0;            // bm25: lower is better
};

struct SearchOptions {
    int limit = 20;
    bool raw = false;
    std::string markBegin = "[";
    std::string markEnd = "]";
};

// "db.cpp error" -> "\"db.cpp\" \"error\"". Empty when the text has no words.
std::string plainWordsQuery(const std::string& text);

class SearchIndex {
public:
    explicit SearchIndex(Database& db) : m_db(db) {}

    // InvalidArgument for an empty query or malformed FTS5 syntax (raw).
    Result<std::vector<SearchHit>> search(const std::string& query,
                                          const SearchOptions& options = {});

private:
    Database& m_db;
};

}  // namespace lectern::app
