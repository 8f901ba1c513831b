// A session as a reader sees it: its documents and messages, rendered as Markdown or
// JSON (for `lectern-cli sessions show/export` and the UI's export). Also the JSON form
// of search hits, so the CLI and a future HTTP API print the same fields.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store.h"

namespace lectern::app {

struct SessionTranscript {
    SessionRecord session;
    std::vector<DocumentRecord> documents;
    std::vector<MessageRecord> messages;
};

Result<SessionTranscript> loadTranscript(Store& store, std::int64_t sessionId);

// "# Title", the model and documents, then one "## Role" section per message with its
// status (when not complete) and metrics.
std::string transcriptMarkdown(const SessionTranscript& transcript);

nlohmann::json sessionJson(const SessionRecord& session);
nlohmann::json documentJson(const DocumentRecord& document);
nlohmann::json messageJson(const MessageRecord& message);
nlohmann::json transcriptJson(const SessionTranscript& transcript);
nlohmann::json searchHitJson(const SearchHit& hit);

// Local time "YYYY-MM-DD HH:MM" of a Unix-ms timestamp.
std::string formatTimestamp(std::int64_t unixMs);

}  // namespace lectern::app
