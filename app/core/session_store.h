// Sessions: one conversation or task over a set of documents, with the model it used.
// Deleting a session deletes its messages, task runs and document links (not the
// documents, which other sessions may share).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "database.h"

namespace lectern::app {

struct SessionRecord {
    std::int64_t id = 0;
    std::string title;
    std::string model;       // the model file or folder the session ran with
    std::int64_t created = 0;  // Unix ms
    std::int64_t updated = 0;  // Unix ms: last message or change
    std::vector<std::int64_t> documentIds;  // in the order they were attached
};

class SessionStore {
public:
    explicit SessionStore(Database& db) : m_db(db) {}

    Result<std::int64_t> create(const std::string& title, const std::string& model);
    Result<SessionRecord> get(std::int64_t id);
    // Most recently updated first.
    Result<std::vector<SessionRecord>> list();
    Status rename(std::int64_t id, const std::string& title);
    Status setModel(std::int64_t id, const std::string& model);
    Status touch(std::int64_t id);
    Status attachDocument(std::int64_t sessionId, std::int64_t documentId);
    Status remove(std::int64_t id);

private:
    Status requireChanged(std::int64_t id);
    Result<std::vector<std::int64_t>> documentIds(std::int64_t sessionId);

    Database& m_db;
};

}  // namespace lectern::app
