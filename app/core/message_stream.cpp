// MessageStream: a reply committed piece by piece as it is generated (see message_stream.h).
#include "message_stream.h"

namespace lectern::app {

MessageStream::MessageStream(Database& db, std::int64_t messageId,
                             std::chrono::milliseconds flushInterval)
    : m_db(&db),
      m_id(messageId),
      m_flushInterval(flushInterval),
      m_lastFlush(std::chrono::steady_clock::now()) {}

MessageStream::MessageStream(MessageStream&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_id(other.m_id),
      m_text(std::move(other.m_text)),
      m_completionTokens(other.m_completionTokens),
      m_dirty(other.m_dirty),
      m_finished(other.m_finished),
      m_flushInterval(other.m_flushInterval),
      m_lastFlush(other.m_lastFlush) {}

MessageStream::~MessageStream() {
    // A stream dropped without finish() (an error path, an exception in a caller) keeps its
    // text and is marked stopped; errors cannot be reported from here.
    if (m_db && !m_finished) (void)finish(MessageStatus::Stopped);
}

Status MessageStream::append(std::string_view piece, std::optional<std::int64_t> completionTokens) {
    if (m_finished) {
        return make_error(ErrorCode::InvalidArgument, "the message is already finished",
                          "message " + std::to_string(m_id));
    }
    m_text.append(piece);
    if (completionTokens) m_completionTokens = completionTokens;
    m_dirty = true;
    if (std::chrono::steady_clock::now() - m_lastFlush >= m_flushInterval) return flush();
    return {};
}

Status MessageStream::flush() {
    if (!m_dirty) return {};
    LECTERN_TRY(m_db->execute(
        "UPDATE messages SET text = ?, completion_tokens = ?, updated = ? WHERE id = ?", m_text,
        m_completionTokens, nowMs(), m_id));
    m_dirty = false;
    m_lastFlush = std::chrono::steady_clock::now();
    return {};
}

Status MessageStream::finish(MessageStatus status, const GenerationMetrics& metrics) {
    if (status == MessageStatus::Streaming) {
        return make_error(ErrorCode::InvalidArgument, "a message cannot finish as streaming");
    }
    if (m_finished) {
        return make_error(ErrorCode::InvalidArgument, "the message is already finished",
                          "message " + std::to_string(m_id));
    }
    std::optional<std::int64_t> completion = metrics.completionTokens
                                                 ? metrics.completionTokens
                                                 : m_completionTokens;
    auto tx = Transaction::begin(*m_db);
    if (!tx) return tx.error();
    std::int64_t now = nowMs();
    LECTERN_TRY(m_db->execute(
        "UPDATE messages SET text = ?, status = ?, writer = NULL, updated = ?, "
        "prompt_tokens = coalesce(?, prompt_tokens), completion_tokens = ?, prefill_ms = ?, "
        "tokens_per_s = ? WHERE id = ?",
        m_text, messageStatusName(status), now, metrics.promptTokens, completion,
        metrics.prefillMs, metrics.tokensPerS, m_id));
    LECTERN_TRY(m_db->execute(
        "UPDATE sessions SET updated = ? WHERE id = (SELECT session_id FROM messages WHERE id = ?)",
        now, m_id));
    LECTERN_TRY(tx->commit());
    m_finished = true;
    m_dirty = false;
    return {};
}

}  // namespace lectern::app
