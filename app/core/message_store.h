// Messages of a session: role, text, token counts, timings and how the turn ended.
// A reply being generated is written as it streams (see message_stream.h) with status
// 'streaming'; one left in that state by a process that died is marked 'stopped' the next
// time the store is opened, keeping its partial text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "database.h"

namespace lectern::app {

enum class MessageStatus { Complete, Stopped, Failed, Streaming };

const char* messageStatusName(MessageStatus status);
Result<MessageStatus> parseMessageStatus(const std::string& name);

struct MessageRecord {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    std::string role;  // "system", "user", "assistant"
    std::string text;
    std::optional<std::int64_t> promptTokens;
    std::optional<std::int64_t> completionTokens;
    std::optional<double> prefillMs;
    std::optional<double> tokensPerS;  // decode speed
    MessageStatus status = MessageStatus::Complete;
    std::int64_t created = 0;  // Unix ms
    std::int64_t updated = 0;
    // A guard model's verdict, as JSON ({"verdict": "unsafe", "categories": ["S1"], ...});
    // empty when the message was not screened.
    std::string guard;
};

// A finished message with only a role and a text (a user turn, an imported reply).
MessageRecord makeMessage(std::int64_t sessionId, std::string role, std::string text);

class MessageStream;

class MessageStore {
public:
    explicit MessageStore(Database& db) : m_db(db) {}

    // Appends a finished message (a user turn, an imported reply) and touches its session.
    Result<std::int64_t> add(const MessageRecord& message);
    Result<MessageRecord> get(std::int64_t id);
    // In the order they were written.
    Result<std::vector<MessageRecord>> list(std::int64_t sessionId);
    Status remove(std::int64_t id);
    // Records a guard model's verdict (JSON) on a message.
    Status setGuard(std::int64_t id, const std::string& verdictJson);

    // Starts a reply that is written as it is generated.
    Result<MessageStream> beginStream(std::int64_t sessionId, const std::string& role,
                                      std::optional<std::int64_t> promptTokens = {});

    // Marks 'stopped' every 'streaming' message whose writer process has ended; returns
    // how many. Run when the store opens.
    Result<int> recoverAbandoned();

private:
    Database& m_db;
};

}  // namespace lectern::app
