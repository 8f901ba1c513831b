// A reply written to the store while it is generated. Text is buffered and committed every
// `flushInterval` (and at the end), so a process killed mid-generation loses at most that
// much of the reply; the message stays 'streaming' until finish(). Destroying a stream
// that was not finished marks the message 'stopped'. A stream borrows the store's
// connection: destroy it before the Store.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "database.h"
#include "message_store.h"

namespace lectern::app {

struct GenerationMetrics {
    std::optional<std::int64_t> promptTokens;
    std::optional<std::int64_t> completionTokens;
    std::optional<double> prefillMs;
    std::optional<double> tokensPerS;
};

class MessageStream {
public:
    static constexpr std::chrono::milliseconds kDefaultFlushInterval{250};

    MessageStream(Database& db, std::int64_t messageId,
                  std::chrono::milliseconds flushInterval = kDefaultFlushInterval);
    MessageStream(MessageStream&& other) noexcept;
    MessageStream& operator=(MessageStream&&) = delete;
    MessageStream(const MessageStream&) = delete;
    ~MessageStream();

    std::int64_t messageId() const { return m_id; }
    const std::string& text() const { return m_text; }
    void setFlushInterval(std::chrono::milliseconds interval) { m_flushInterval = interval; }

    // Adds generated text; commits when the flush interval has passed since the last commit.
    Status append(std::string_view piece, std::optional<std::int64_t> completionTokens = {});
    // Commits the text generated so far.
    Status flush();
    // Commits the final text, metrics and status (Complete, Stopped or Failed).
    Status finish(MessageStatus status, const GenerationMetrics& metrics = {});

private:
    Database* m_db = nullptr;
    std::int64_t m_id = 0;
    std::string m_text;
    std::optional<std::int64_t> m_completionTokens;
    bool m_dirty = false;
    bool m_finished = false;
    std::chrono::milliseconds m_flushInterval;
    std::chrono::steady_clock::time_point m_lastFlush;
};

}  // namespace lectern::app
