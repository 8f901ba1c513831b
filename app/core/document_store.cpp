// DocumentStore: the documents and units tables (see document_store.h).
#include "document_store.h"

namespace lectern::app {
namespace {

constexpr const char* kSelectDocument =
    "SELECT id, path, sha256, kind, title, metadata, created, reader_version FROM documents";

DocumentRecord readDocument(const Statement& row) {
    DocumentRecord d;
    d.id = row.columnInt(0);
    d.path = row.columnText(1);
    d.sha256 = row.columnText(2);
    d.kind = row.columnText(3);
    d.title = row.columnText(4);
    d.metadata = row.columnText(5);
    d.created = row.columnInt(6);
    d.readerVersion = static_cast<int>(row.columnInt(7));
    return d;
}

}  // namespace

Result<AddedDocument> DocumentStore::add(const DocumentRecord& document,
                                         const std::vector<UnitRecord>& units) {
    auto tx = Transaction::begin(m_db);
    if (!tx) return tx.error();
    auto existing = findBySha256(document.sha256);
    if (!existing) return existing.error();
    AddedDocument added;
    if (*existing) {
        added.id = (*existing)->id;
        added.existed = true;
        if ((*existing)->readerVersion >= document.readerVersion) return added;
        // A run over the old text that may still resume (a translation stopped half way) keeps
        // it: its checkpoint counts the old text's segments.
        auto resumable = m_db.queryInt(
            "SELECT count(*) FROM task_runs WHERE status IN ('running', 'stopped', 'failed') AND "
            "(session_id IN (SELECT session_id FROM session_documents WHERE document_id = ?) OR "
            "instr(params, ?) > 0)",
            added.id, document.sha256);
        if (!resumable) return resumable.error();
        if (*resumable > 0) return added;
        // Read again by a newer reader: the new units replace the old in place, so sessions
        // that hold the document see the better text (the full-text index follows by trigger).
        added.replaced = true;
        LECTERN_TRY(m_db.execute(
            "UPDATE documents SET kind = ?, title = ?, metadata = ?, reader_version = ? WHERE id = ?",
            document.kind, document.title, document.metadata, document.readerVersion, added.id));
        LECTERN_TRY(m_db.execute("DELETE FROM units WHERE document_id = ?", added.id));
    } else {
        LECTERN_TRY(m_db.execute(
            "INSERT INTO documents (path, sha256, kind, title, metadata, created, reader_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            document.path, document.sha256, document.kind, document.title, document.metadata,
            document.created ? document.created : nowMs(), document.readerVersion));
        added.id = m_db.lastInsertRowid();
    }
    const std::int64_t id = added.id;

    auto insert = m_db.prepare(
        "INSERT INTO units (document_id, ordinal, locator, text, tokens) VALUES (?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    for (size_t i = 0; i < units.size(); ++i) {
        const UnitRecord& unit = units[i];
        LECTERN_TRY(insert->bindAll(id, static_cast<std::int64_t>(i), unit.locator, unit.text,
                                    unit.tokens));
        LECTERN_TRY(insert->run());
        insert->reset();
    }
    LECTERN_TRY(tx->commit());
    return added;
}

Result<std::optional<DocumentRecord>> DocumentStore::findBySha256(const std::string& sha256) {
    auto stmt = m_db.query(std::string(kSelectDocument) + " WHERE sha256 = ?", sha256);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<DocumentRecord>();
    return std::optional<DocumentRecord>(readDocument(*stmt));
}

Result<DocumentRecord> DocumentStore::get(std::int64_t id) {
    auto stmt = m_db.query(std::string(kSelectDocument) + " WHERE id = ?", id);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return make_error(ErrorCode::NotFound, "no such document", std::to_string(id));
    return readDocument(*stmt);
}

Result<std::vector<DocumentRecord>> DocumentStore::list() {
    auto stmt = m_db.query(std::string(kSelectDocument) + " ORDER BY id");
    if (!stmt) return stmt.error();
    std::vector<DocumentRecord> documents;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        documents.push_back(readDocument(*stmt));
    }
    return documents;
}

Result<std::vector<UnitRecord>> DocumentStore::units(std::int64_t documentId) {
    auto stmt = m_db.query(
        "SELECT id, document_id, ordinal, locator, text, tokens FROM units "
        "WHERE document_id = ? ORDER BY ordinal",
        documentId);
    if (!stmt) return stmt.error();
    std::vector<UnitRecord> units;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        units.push_back(UnitRecord{stmt->columnInt(0), stmt->columnInt(1),
                                   static_cast<int>(stmt->columnInt(2)), stmt->columnText(3),
                                   stmt->columnText(4), stmt->columnOptionalInt(5)});
    }
    return units;
}

Status DocumentStore::setUnitTokens(std::int64_t unitId, std::int64_t tokens) {
    LECTERN_TRY(m_db.execute("UPDATE units SET tokens = ? WHERE id = ?", tokens, unitId));
    if (m_db.changes() == 0) {
        return make_error(ErrorCode::NotFound, "no such unit", std::to_string(unitId));
    }
    return {};
}

Status DocumentStore::remove(std::int64_t id) {
    LECTERN_TRY(m_db.execute("DELETE FROM documents WHERE id = ?", id));
    if (m_db.changes() == 0) {
        return make_error(ErrorCode::NotFound, "no such document", std::to_string(id));
    }
    return {};
}

}  // namespace lectern::app
