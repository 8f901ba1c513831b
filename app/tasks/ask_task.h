// Ask: questions about documents, multi-turn. The packed documents are the system message,
// a fixed prefix whose KV cache stays in the session, so a follow-up prefills only its own
// tokens. After each answer the conversation's KV cache can be saved as a snapshot
// (kv_snapshot_cache.h) and its key recorded in the session's task run: a session reopened
// in a new process loads it and again prefills only the new question. A snapshot is used
// only when it was made by this model and starts with exactly this session's document
// prefix; otherwise the prefix is loaded from a snapshot of the documents alone, or
// prefilled. Answers are stored as messages, streamed; a cancelled answer is kept, stopped.
// On a remote engine the whole conversation is sent each time, documents first, so the
// server's prefix cache serves a follow-up; a server whose context proves smaller than it
// said gets the documents packed again for its limit, once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "citations.h"
#include "kv_snapshot_cache.h"
#include "lectern/ingest/document.h"
#include "lectern/ingest/packing.h"
#include "local_engine.h"
#include "task_engine.h"
#include "store.h"
#include "task_context.h"
#include "llama_guard.h"
#include "task_sampling.h"

namespace lectern::app {

struct AskRequest {
    std::int64_t sessionId = 0;               // 0: a new session over `documents`
    std::vector<ingest::Document> documents;  // for a new session
    std::string question;
    // Answer the session's last question again (`question` is ignored): the earlier answer
    // stays in the session as an earlier version, and later turns see the newest one.
    bool regenerate = false;
    SamplerOptions sampling = defaultSampling(TaskKind::Ask);  // task_sampling.h
    std::int64_t maxTokens = 512;
    KvSnapshotCache* snapshots = nullptr;     // null: nothing is kept on disk
    // With a guard model open (AppCore::openGuard): the question is screened before it is
    // answered, and refused when unsafe unless answerUnsafe; the answer is screened after.
    bool answerUnsafe = false;
};

struct AskResult {
    std::int64_t sessionId = 0;
    std::string answer;
    bool stopped = false;               // cancelled: `answer` is the partial answer
    GenerateStats stats;                // of the question step (prefilledTokens: counted)
    std::int64_t prefixTokens = 0;      // BOS + system message with the documents
    std::int64_t questionTokens = 0;    // the question's own tokens (its user turn)
    std::int64_t contextPrefilled = 0;  // tokens prefilled to restore prefix and history
    std::string contextSource;          // "memory", "snapshot", "document snapshot", "prefill",
                                        // "server" (a remote engine: sent whole, its cache serving)
    std::vector<Citation> citations;
    std::vector<std::string> notes;     // units that did not fit, snapshot misses, ...
    // A guard model's verdicts (empty: not screened). refused: the question was unsafe and not
    // answered (it is stored with its verdict, and a note in the answer's place).
    std::optional<GuardVerdict> questionVerdict;
    std::optional<GuardVerdict> answerVerdict;
    bool refused = false;
};

// What an Ask in a session puts in the model's context, counted with the model's tokenizer
// before anything runs: the same packing runAsk does (for a question of up to 192 tokens;
// a longer one reserves more and may leave out more units).
struct AskPlan {
    std::int64_t nCtx = 0;
    std::int64_t prefixTokens = 0;     // BOS + system message with the documents, as prefilled
    std::int64_t historyTokens = 0;    // the earlier turns, as prefilled after the prefix
    std::int64_t questionReserve = 0;  // kept for the question
    std::int64_t answerReserve = 0;    // kept for the answer (maxTokens)
    std::vector<ingest::PackedUnit> units;  // every unit of every document, included or not
    bool fits = true;                  // every unit is in the prompt
    std::vector<std::size_t> documentTokens;  // each document's units, counted one by one
    std::int64_t used() const { return prefixTokens + historyTokens + answerReserve; }
};
Result<AskPlan> planAsk(TaskEngine& engine, Store& store, std::int64_t sessionId,
                        const std::string& question, std::int64_t maxTokens);

// What the model saw for a question of the session: the conversation exactly as its tokens
// were given to the model (control tokens by name), up to where the answer starts.
struct PromptView {
    std::string text;
    std::int64_t tokens = 0;
    std::vector<ingest::PackedUnit> units;  // which pages or files were in the context
};
Result<PromptView> askPromptView(TaskEngine& engine, Store& store, std::int64_t sessionId,
                                 std::int64_t userMessageId, std::int64_t maxTokens);

// Whether a session is Ask's (its answers can be given again and their prompts shown):
// no task run of another kind (Summarize, Review, Translate) is in it.
Result<bool> isAskSession(Store& store, std::int64_t sessionId);

Result<AskResult> runAsk(TaskEngine& engine, Store& store, const AskRequest& request,
                         const TaskContext& context);

}  // namespace lectern::app
