// SearchIndex: FTS5 queries over messages_fts and units_fts (see search_index.h).
#include "search_index.h"

#include <sstream>

namespace lectern::app {
namespace {

// Both indexes in one ranked list. snippet(): column 0, up to 16 tokens around matches.
constexpr const char* kSearchSql = R"sql(
SELECT 0, m.id, m.session_id, s.title, m.role,
       snippet(messages_fts, 0, ?1, ?2, '…', 16), messages_fts.rank
FROM messages_fts
JOIN messages m ON m.id = messages_fts.rowid
JOIN sessions s ON s.id = m.session_id
WHERE messages_fts MATCH ?3
UNION ALL
SELECT 1, u.id, u.document_id, d.title, u.locator,
       snippet(units_fts, 0, ?1, ?2, '…', 16), units_fts.rank
FROM units_fts
JOIN units u ON u.id = units_fts.rowid
JOIN documents d ON d.id = u.document_id
WHERE units_fts MATCH ?3
ORDER BY 7
LIMIT ?4
)sql";

}  // namespace

std::string plainWordsQuery(const std::string& text) {
    std::istringstream words(text);
    std::string word, query;
    while (words >> word) {
        std::string quoted = "\"";
        for (char c : word) {
            quoted += c;
            if (c == '"') quoted += '"';  // FTS5 escapes a quote by doubling it
        }
        quoted += '"';
        if (!query.empty()) query += ' ';
        query += quoted;
    }
    return query;
}

Result<std::vector<SearchHit>> SearchIndex::search(const std::string& query,
                                                   const SearchOptions& options) {
    std::string match = options.raw ? query : plainWordsQuery(query);
    if (match.find_first_not_of(" \t\n") == std::string::npos) {
        return make_error(ErrorCode::InvalidArgument, "the search query is empty");
    }
    auto stmt = m_db.query(kSearchSql, options.markBegin, options.markEnd, match,
                           static_cast<std::int64_t>(options.limit));
    if (!stmt) return stmt.error();
    std::vector<SearchHit> hits;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            // FTS5 reports a malformed query as a plain SQLITE_ERROR at step time.
            Error error = row.error();
            if (error.code == ErrorCode::Database) {
                return make_error(ErrorCode::InvalidArgument,
                                  "cannot search for this query: " + error.message, query);
            }
            return error;
        }
        if (!*row) break;
        hits.push_back(SearchHit{stmt->columnInt(0) == 0 ? SearchHit::Kind::Message
                                                         : SearchHit::Kind::Unit,
                                 stmt->columnInt(1), stmt->columnInt(2), stmt->columnText(3),
                                 stmt->columnText(4), stmt->columnText(5),
                                 stmt->columnDouble(6)});
    }
    return hits;
}

}  // namespace lectern::app
