// Review: a code review of a packed folder or of a git diff. The code goes to the model
// with its line numbers (one prompt, or one per chunk when it does not fit); the findings
// are parsed from lines "path:line: severity: message" and each citation is checked
// against the lines the model was shown (review_findings.h). Each chunk's output is
// checkpointed: the same review asked again after a stop, a failure or a killed process
// continues the unfinished run from the first chunk not yet reviewed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lectern/ingest/document.h"
#include "local_engine.h"
#include "review_findings.h"
#include "store.h"
#include "task_context.h"
#include "task_sampling.h"

namespace lectern::app {

struct ReviewRequest {
    std::vector<ingest::Document> documents;
    ShownLines shown;              // empty: every line of every file (shownLinesOf)
    bool alreadyNumbered = false;  // a git diff's units carry their own line numbers
    std::string what = "code";     // "code", "diff": named in the request
    SamplerOptions sampling = defaultSampling(TaskKind::Review);  // task_sampling.h
    std::int64_t maxTokens = 1024; // per prompt
};

struct ReviewResult {
    std::int64_t sessionId = 0;
    std::string output;             // the model's text, all chunks
    std::vector<Finding> findings;  // parsed, each verified or not
    std::size_t prompts = 0;        // 1, or the number of chunks
    std::string firstPrompt;        // the first user message (what the model was shown)
    bool stopped = false;
    std::size_t resumedPrompts = 0; // chunks whose output came from an unfinished run
    std::vector<std::string> notes; // e.g. a checkpoint that could not be saved
};

Result<ReviewResult> runReview(TaskEngine& engine, Store& store, const ReviewRequest& request,
                               const TaskContext& context);

}  // namespace lectern::app
