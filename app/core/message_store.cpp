// MessageStore: the messages table (see message_store.h).
#include "message_store.h"

#include "message_stream.h"
#include "abandoned_work.h"
#include "process_identity.h"

namespace lectern::app {
namespace {

constexpr const char* kSelectMessage =
    "SELECT id, session_id, role, text, prompt_tokens, completion_tokens, prefill_ms, "
    "tokens_per_s, status, created, updated, guard FROM messages";

Result<MessageRecord> readMessage(const Statement& row) {
    auto status = parseMessageStatus(row.columnText(8));
    if (!status) return status.error();
    return MessageRecord{row.columnInt(0),           row.columnInt(1),
                         row.columnText(2),          row.columnText(3),
                         row.columnOptionalInt(4),   row.columnOptionalInt(5),
                         row.columnOptionalDouble(6), row.columnOptionalDouble(7),
                         *status,                    row.columnInt(9),
                         row.columnInt(10),          row.columnText(11)};
}

}  // namespace

const char* messageStatusName(MessageStatus status) {
    switch (status) {
    case MessageStatus::Complete: return "complete";
    case MessageStatus::Stopped: return "stopped";
    case MessageStatus::Failed: return "failed";
    case MessageStatus::Streaming: return "streaming";
    }
    return "failed";
}

Result<MessageStatus> parseMessageStatus(const std::string& name) {
    for (MessageStatus status : {MessageStatus::Complete, MessageStatus::Stopped,
                                 MessageStatus::Failed, MessageStatus::Streaming}) {
        if (name == messageStatusName(status)) return status;
    }
    return make_error(ErrorCode::Corrupt, "unknown message status", name);
}

MessageRecord makeMessage(std::int64_t sessionId, std::string role, std::string text) {
    MessageRecord message;
    message.sessionId = sessionId;
    message.role = std::move(role);
    message.text = std::move(text);
    return message;
}

Status MessageStore::setGuard(std::int64_t id, const std::string& verdictJson) {
    return m_db.execute("UPDATE messages SET guard = ? WHERE id = ?", verdictJson, id);
}

Result<std::int64_t> MessageStore::add(const MessageRecord& message) {
    auto tx = Transaction::begin(m_db);
    if (!tx) return tx.error();
    std::int64_t now = nowMs();
    std::int64_t created = message.created ? message.created : now;
    LECTERN_TRY(m_db.execute(
        "INSERT INTO messages (session_id, role, text, prompt_tokens, completion_tokens, "
        "prefill_ms, tokens_per_s, status, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        message.sessionId, message.role, message.text, message.promptTokens,
        message.completionTokens, message.prefillMs, message.tokensPerS,
        messageStatusName(message.status), created, created));
    std::int64_t id = m_db.lastInsertRowid();
    LECTERN_TRY(m_db.execute("UPDATE sessions SET updated = ? WHERE id = ?", now,
                             message.sessionId));
    LECTERN_TRY(tx->commit());
    return id;
}

Result<MessageRecord> MessageStore::get(std::int64_t id) {
    auto stmt = m_db.query(std::string(kSelectMessage) + " WHERE id = ?", id);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return make_error(ErrorCode::NotFound, "no such message", std::to_string(id));
    return readMessage(*stmt);
}

Result<std::vector<MessageRecord>> MessageStore::list(std::int64_t sessionId) {
    auto stmt = m_db.query(std::string(kSelectMessage) + " WHERE session_id = ? ORDER BY id",
                           sessionId);
    if (!stmt) return stmt.error();
    std::vector<MessageRecord> messages;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        auto message = readMessage(*stmt);
        if (!message) return message.error();
        messages.push_back(std::move(*message));
    }
    return messages;
}

Status MessageStore::remove(std::int64_t id) {
    LECTERN_TRY(m_db.execute("DELETE FROM messages WHERE id = ?", id));
    if (m_db.changes() == 0) {
        return make_error(ErrorCode::NotFound, "no such message", std::to_string(id));
    }
    return {};
}

Result<MessageStream> MessageStore::beginStream(std::int64_t sessionId, const std::string& role,
                                                std::optional<std::int64_t> promptTokens) {
    std::int64_t now = nowMs();
    LECTERN_TRY(m_db.execute(
        "INSERT INTO messages (session_id, role, text, prompt_tokens, status, writer, created, "
        "updated) VALUES (?, ?, '', ?, 'streaming', ?, ?, ?)",
        sessionId, role, promptTokens, currentWriterToken(), now, now));
    return MessageStream(m_db, m_db.lastInsertRowid());
}

Result<int> MessageStore::recoverAbandoned() {
    return stopAbandonedRows(m_db, "messages", "streaming");
}

}  // namespace lectern::app
