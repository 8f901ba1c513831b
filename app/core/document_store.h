// Documents and their extracted units (pages, files, sections). A document is keyed by
// the SHA-256 of its bytes and extracted once: adding the same bytes again returns the
// stored document instead of a second copy, unless the stored units were extracted by an
// older reader: then they are replaced in place (the document keeps its id and sessions),
// except while a task run over them may still resume (its checkpoint counts their segments).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "database.h"

namespace lectern::app {

struct DocumentRecord {
    std::int64_t id = 0;
    std::string path;
    std::string sha256;    // hex of the file's bytes
    std::string kind;      // "pdf", "text", "markdown", "code"
    std::string title;
    std::string metadata = "{}";  // JSON object
    std::int64_t created = 0;     // Unix ms
    int readerVersion = 0;        // ingest::kReaderVersion of the reader that made the units
};

struct UnitRecord {
    std::int64_t id = 0;
    std::int64_t documentId = 0;
    int ordinal = 0;       // position in the document, from 0
    std::string locator;   // what a citation names: "12" (a page label), "src/db.cpp"
    std::string text;
    std::optional<std::int64_t> tokens;  // counted with the model's tokenizer, when known
};

struct AddedDocument {
    std::int64_t id = 0;
    bool existed = false;   // the same bytes were already stored; nothing was added
    bool replaced = false;  // ...by an older reader: its units and metadata were replaced
};

class DocumentStore {
public:
    explicit DocumentStore(Database& db) : m_db(db) {}

    // Stores a document and its units in one transaction (ordinals are taken from the
    // units' order). `document.created` of 0 means now.
    Result<AddedDocument> add(const DocumentRecord& document, const std::vector<UnitRecord>& units);
    Result<std::optional<DocumentRecord>> findBySha256(const std::string& sha256);
    Result<DocumentRecord> get(std::int64_t id);
    Result<std::vector<DocumentRecord>> list();
    Result<std::vector<UnitRecord>> units(std::int64_t documentId);
    Status setUnitTokens(std::int64_t unitId, std::int64_t tokens);
    // Removes a document, its units and its links to sessions.
    Status remove(std::int64_t id);

private:
    Database& m_db;
};

}  // namespace lectern::app
