// Resuming a task that works chunk by chunk (Summarize's parts, Review's chunks): what
// identifies its run, and the texts of the chunks its checkpoint says are done.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lectern/engine/result.h"
#include "lectern/ingest/document.h"
#include "store.h"

namespace lectern::app {

// The documents' ids (SHA-256 of their bytes), in order.
nlohmann::json documentIds(const std::vector<ingest::Document>& documents);

// The strings under `key` of a checkpoint (an empty checkpoint has none). Corrupt when the
// checkpoint is not an object holding an array of strings there, or holds more than `most`.
Result<std::vector<std::string>> checkpointTexts(const std::string& checkpoint, const std::string& key,
                                                 std::size_t most);

// Saves `texts` under `key` as the run's checkpoint (what checkpointTexts reads back).
Status saveCheckpointTexts(Store& store, std::int64_t runId, const std::string& key,
                           const std::vector<std::string>& texts);

// A chunked task's run: taken over from a stopped or failed run of `kind` with exactly these
// parameters (when `resumable`), else started in a new session holding the documents, with
// the user's request as its first message.
struct ChunkedRun {
    std::int64_t runId = 0;
    std::int64_t sessionId = 0;
    std::vector<std::string> done;  // the checkpoint's texts of the chunks done (resumed)
};

struct ChunkedRunSpec {
    std::string kind;              // "summarize", "review"
    nlohmann::json params;         // what identifies the run
    std::string checkpointKey;     // "parts", "outputs"
    std::size_t chunks = 0;
    bool resumable = false;        // only tasks of several chunks are
    std::string title;             // of a new session
    std::string request;           // its user message
    std::string model;
};

Result<ChunkedRun> startOrResumeRun(Store& store, const ChunkedRunSpec& spec,
                                    const std::vector<ingest::Document>& documents);

}  // namespace lectern::app
