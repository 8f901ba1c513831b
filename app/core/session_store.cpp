// SessionStore: the sessions and session_documents tables (see session_store.h).
#include "session_store.h"

namespace lectern::app {

Result<std::int64_t> SessionStore::create(const std::string& title, const std::string& model) {
    std::int64_t now = nowMs();
    LECTERN_TRY(m_db.execute(
        "INSERT INTO sessions (title, model, created, updated) VALUES (?, ?, ?, ?)", title,
        model, now, now));
    return m_db.lastInsertRowid();
}

Result<SessionRecord> SessionStore::get(std::int64_t id) {
    auto stmt = m_db.query("SELECT id, title, model, created, updated FROM sessions WHERE id = ?",
                           id);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return make_error(ErrorCode::NotFound, "no such session", std::to_string(id));
    SessionRecord session{stmt->columnInt(0), stmt->columnText(1), stmt->columnText(2),
                          stmt->columnInt(3), stmt->columnInt(4), {}};
    auto documents = documentIds(id);
    if (!documents) return documents.error();
    session.documentIds = std::move(*documents);
    return session;
}

Result<std::vector<SessionRecord>> SessionStore::list() {
    auto stmt = m_db.query(
        "SELECT id, title, model, created, updated FROM sessions ORDER BY updated DESC, id DESC");
    if (!stmt) return stmt.error();
    std::vector<SessionRecord> sessions;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        sessions.push_back(SessionRecord{stmt->columnInt(0), stmt->columnText(1),
                                         stmt->columnText(2), stmt->columnInt(3),
                                         stmt->columnInt(4), {}});
    }
    for (SessionRecord& session : sessions) {
        auto documents = documentIds(session.id);
        if (!documents) return documents.error();
        session.documentIds = std::move(*documents);
    }
    return sessions;
}

Status SessionStore::rename(std::int64_t id, const std::string& title) {
    LECTERN_TRY(m_db.execute("UPDATE sessions SET title = ?, updated = ? WHERE id = ?", title,
                             nowMs(), id));
    return requireChanged(id);
}

Status SessionStore::setModel(std::int64_t id, const std::string& model) {
    LECTERN_TRY(m_db.execute("UPDATE sessions SET model = ?, updated = ? WHERE id = ?", model,
                             nowMs(), id));
    return requireChanged(id);
}

Status SessionStore::touch(std::int64_t id) {
    LECTERN_TRY(m_db.execute("UPDATE sessions SET updated = ? WHERE id = ?", nowMs(), id));
    return requireChanged(id);
}

Status SessionStore::attachDocument(std::int64_t sessionId, std::int64_t documentId) {
    // Attaching twice keeps the first position.
    LECTERN_TRY(m_db.execute(
        "INSERT OR IGNORE INTO session_documents (session_id, document_id, ordinal) "
        "VALUES (?1, ?2, (SELECT count(*) FROM session_documents WHERE session_id = ?1))",
        sessionId, documentId));
    return {};
}

Status SessionStore::remove(std::int64_t id) {
    LECTERN_TRY(m_db.execute("DELETE FROM sessions WHERE id = ?", id));
    return requireChanged(id);
}

Status SessionStore::requireChanged(std::int64_t id) {
    if (m_db.changes() == 0) {
        return make_error(ErrorCode::NotFound, "no such session", std::to_string(id));
    }
    return {};
}

Result<std::vector<std::int64_t>> SessionStore::documentIds(std::int64_t sessionId) {
    auto stmt = m_db.query(
        "SELECT document_id FROM session_documents WHERE session_id = ? ORDER BY ordinal",
        sessionId);
    if (!stmt) return stmt.error();
    std::vector<std::int64_t> ids;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        ids.push_back(stmt->columnInt(0));
    }
    return ids;
}

}  // namespace lectern::app
