// Summarize: one pass when the documents fit the context; otherwise map-reduce: the packed
// chunks (with overlap) are summarized one by one (progress per chunk), then the part
// summaries are combined, in several rounds when they do not fit one prompt. The final
// summary streams and is stored as the session's answer; a cancelled run keeps what it had.
// The part summaries are checkpointed: summarizing the same documents again (same model,
// language and part settings) after a stop, a failure or a killed process continues the
// unfinished run in its session from the first chunk not yet summarized.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lectern/ingest/document.h"
#include "local_engine.h"
#include "store.h"
#include "task_context.h"
#include "task_sampling.h"

namespace lectern::app {

struct SummarizeRequest {
    std::vector<ingest::Document> documents;
    std::string language = "English";
    SamplerOptions sampling = defaultSampling(TaskKind::Summarize);  // task_sampling.h
    std::int64_t maxTokens = 512;          // the final summary
    std::int64_t partTokens = 128;         // each chunk's summary (map) or group's (reduce)
    std::int64_t overlapTokens = 64;       // repeated between consecutive chunks
};

struct SummarizeResult {
    std::int64_t sessionId = 0;
    std::string summary;                    // final (or, when stopped, what there was)
    bool stopped = false;
    bool mapReduce = false;
    std::vector<std::size_t> chunkTokens;   // each chunk's token count (map-reduce)
    std::vector<std::string> partSummaries; // one per chunk
    std::size_t resumedParts = 0;           // part summaries taken from an unfinished run
    int reduceRounds = 0;                   // rounds before the final one
    std::int64_t promptTokens = 0;          // of the final prompt
    std::vector<std::string> notes;         // e.g. a checkpoint that could not be saved
};

// How Summarize would read the documents, before it runs: in one pass, or map-reduce over
// `chunks` chunks (the packing runSummarize does).
struct SummarizePlan {
    bool mapReduce = false;
    std::size_t chunks = 0;  // 0 for one pass
};
Result<SummarizePlan> planSummarize(TaskEngine& engine, const SummarizeRequest& request);

Result<SummarizeResult> runSummarize(TaskEngine& engine, Store& store,
                                     const SummarizeRequest& request, const TaskContext& context);

}  // namespace lectern::app
