// Resuming a task that works chunk by chunk (Summarize's parts, Review's chunks): what
// identifies its run, and the texts of the chunks its checkpoint says are done.
#pragma once

#include <cstddef>
#include <optional>
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

// When a checkpoint could not be saved, the task goes on (its answer is still worth having)
// but says in `notes` that a stop or crash from now on starts over. Call with the status of
// the save; a failure is noted once.
void noteCheckpointSave(const Status& saved, std::vector<std::string>& notes);

// Ends a task run, and the message streaming its answer, as Failed when the task leaves by
// an error path: a run must never stay "running" after its task returned. The guard holds
// the answer's stream, so the stream is still there when the guard ends it. release() once
// the task has finished them itself.
class RunFailureGuard {
public:
    RunFailureGuard(Store& store, std::int64_t runId) : m_store(store), m_runId(runId) {}
    ~RunFailureGuard();
    RunFailureGuard(const RunFailureGuard&) = delete;
    RunFailureGuard& operator=(const RunFailureGuard&) = delete;
    MessageStream& holdStream(MessageStream stream) { return m_stream.emplace(std::move(stream)); }
    void release() { m_armed = false; }

private:
    Store& m_store;
    std::int64_t m_runId;
    std::optional<MessageStream> m_stream;
    bool m_armed = true;
};

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
