// Documents for the tasks: read from paths with ingest/, kept in the store (so a session
// reopened later has them without reading the files again), and read back from the store
// as ingest Documents for packing. Also the tokenizer as packing counts with it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lectern/engine/tokenizer.h"
#include "lectern/ingest/document.h"
#include "lectern/ingest/packing.h"
#include "store.h"

namespace lectern::app {

class TokenizerCounter final : public ingest::TokenCounter {
public:
    explicit TokenizerCounter(const Tokenizer& tokenizer) : m_tokenizer(tokenizer) {}
    std::size_t count(std::string_view text) const override { return m_tokenizer.count(text); }

private:
    const Tokenizer& m_tokenizer;
};

// Reads every path (PDF, text, code folder), reporting pages or files to `control` and
// stopping when its flag is set; an encrypted PDF is opened with its entry in `passwords`.
// `ocrLanguage`: Tesseract's languages for pages without a text layer ("deu+eng"); empty:
// chosen per page from its script. Errors: those of ingest::read_path (Cancelled and
// NeedsPassword among them).
Result<std::vector<ingest::Document>> readDocuments(const std::vector<std::string>& paths,
                                                    const ingest::ReadControl& control = {},
                                                    const std::map<std::string, std::string>& passwords = {},
                                                    const std::string& ocrLanguage = {});

// Stores a document and its units (or finds the same bytes stored before); returns its id.
Result<std::int64_t> storeDocument(Store& store, const ingest::Document& document);

// The document as it was stored, rebuilt for packing (locators, pages, labels, paths).
Result<ingest::Document> loadDocument(Store& store, std::int64_t documentId);
Result<std::vector<ingest::Document>> loadSessionDocuments(Store& store, std::int64_t sessionId);

// A new session titled after its documents, holding them. Returns the session id.
Result<std::int64_t> createTaskSession(Store& store, const std::string& kind,
                                       const std::string& model,
                                       const std::vector<ingest::Document>& documents);

}  // namespace lectern::app
