// Summarize in one pass or by map-reduce over packed chunks (see summarize_task.h).
#include "summarize_task.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "lectern/ingest/packing.h"
#include "prompts.h"
#include "task_checkpoint.h"
#include "task_documents.h"

namespace lectern::app {
namespace {

struct Summarizer {
    TaskEngine& engine;
    const SummarizeRequest& request;
    const TaskContext& ctx;
    std::string system;

    // One generation over [system, user]; streams only when `stream` is set.
    Result<GenerateStats> run(const std::string& user, std::int64_t maxTokens,
                              const std::function<void(std::string_view)>& stream) {
        const std::vector<ChatMessage> messages{{"system", system}, {"user", user}};
        auto prompt = engine.renderChat(messages, true);
        if (!prompt) return prompt.error();
        if (static_cast<std::int64_t>(prompt->size()) + maxTokens > engine.nCtx())
            return make_error(ErrorCode::Internal, "a summary prompt does not fit the context",
                              std::to_string(prompt->size()) + " tokens");
        GenerateRequest gr;
        gr.maxTokens = maxTokens;
        gr.sampling = request.sampling;
        gr.cancel = ctx.cancel;
        gr.onText = stream;
        if (stream) {
            gr.onPrefill = [this](std::int64_t d, std::int64_t t) { ctx.report(Phase::Prefill, d, t); };
            gr.onDecode = [this](std::int64_t d, std::int64_t t) { ctx.report(Phase::Decode, d, t); };
        }
        return engine.complete(*prompt, gr);
    }

    std::size_t overhead(const std::string& name, const std::map<std::string, std::string>& values) const {
        auto bare = renderPrompt(name, values);
        return engine.countTokens(system) + engine.countTokens(bare ? *bare : "") + 32;
    }
};

std::string joinParts(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i)
        out += "Part " + std::to_string(i + 1) + ": " + parts[i] + "\n\n";
    return out;
}

// Combines part summaries in groups that fit one prompt until one prompt holds them all.
Result<std::vector<std::string>> reduceRounds(Summarizer& s, std::vector<std::string> parts,
                                              std::size_t budget, SummarizeResult& out) {
    while (parts.size() > 1 && s.engine.countTokens(joinParts(parts, 0, parts.size())) > budget) {
        std::vector<std::string> next;
        for (std::size_t from = 0; from < parts.size();) {
            std::size_t to = from + 1;
            while (to < parts.size() && s.engine.countTokens(joinParts(parts, from, to + 1)) <= budget) ++to;
            if (to - from == 1 && to < parts.size()) ++to;  // always merge at least two
            auto text = renderPrompt("summarize_reduce", {{"language", s.request.language},
                                                          {"summaries", joinParts(parts, from, to)}});
            if (!text) return text.error();
            auto g = s.run(*text, s.request.partTokens, {});
            if (!g) return g.error();
            if (g->cancelled) return make_error(ErrorCode::Cancelled, "summarizing was cancelled");
            next.push_back(g->text);
            from = to;
        }
        parts = std::move(next);
        ++out.reduceRounds;
        s.ctx.report(Phase::Reduce, out.reduceRounds, out.reduceRounds);
    }
    return parts;
}

// Packs for one pass, with chunks (within a map prompt's budget) when the whole does not fit.
Result<ingest::PackResult> packForSummary(Summarizer& s) {
    const SummarizeRequest& request = s.request;
    TokenizerCounter counter(s.engine.tokenizer());
    ingest::PackOptions po;
    po.n_ctx = static_cast<std::size_t>(s.engine.nCtx());
    po.reserve_system = s.overhead("summarize_whole", {{"language", request.language}, {"documents", ""}});
    po.reserve_answer = static_cast<std::size_t>(request.maxTokens);
    const std::size_t mapOverhead = s.overhead("summarize_map", {{"index", "999"}, {"count", "999"}, {"chunk", ""}});
    const std::int64_t chunkBudget = s.engine.nCtx() - static_cast<std::int64_t>(mapOverhead) - request.partTokens;
    if (chunkBudget < 64) return make_error(ErrorCode::InvalidArgument, "the context is too small to summarize in parts");
    po.chunk_tokens = static_cast<std::size_t>(chunkBudget);
    // Packing allows an overlap of at most a quarter of a chunk.
    po.overlap_tokens = std::min(static_cast<std::size_t>(request.overlapTokens), po.chunk_tokens / 4);
    return ingest::pack(request.documents, counter, po);
}

// Map (one summary per chunk, checkpointed; those in out.partSummaries are done) and reduce
// rounds; returns the final prompt's user message, or Cancelled (out.partSummaries keeps what
// was done).
Result<std::string> mapReduce(Summarizer& s, const ingest::PackResult& packed, Store& store,
                              std::int64_t runId, SummarizeResult& out) {
    const SummarizeRequest& request = s.request;
    out.mapReduce = true;
    const auto n = static_cast<std::int64_t>(packed.chunks.size());
    for (const auto& chunk : packed.chunks) out.chunkTokens.push_back(chunk.tokens);
    for (auto i = static_cast<std::int64_t>(out.partSummaries.size()); i < n; ++i) {
        s.ctx.report(Phase::Map, i, n);
        const auto& chunk = packed.chunks[static_cast<std::size_t>(i)];
        auto text = renderPrompt("summarize_map", {{"index", std::to_string(i + 1)},
                                                   {"count", std::to_string(n)}, {"chunk", chunk.text}});
        if (!text) return text.error();
        auto g = s.run(*text, request.partTokens, {});
        if (!g) return g.error();
        if (g->cancelled) return make_error(ErrorCode::Cancelled, "summarizing was cancelled");
        out.partSummaries.push_back(g->text);
        noteCheckpointSave(saveCheckpointTexts(store, runId, "parts", out.partSummaries), out.notes);
    }
    s.ctx.report(Phase::Map, n, n);
    const std::size_t reduceBudget = static_cast<std::size_t>(s.engine.nCtx() - request.maxTokens) -
                                     s.overhead("summarize_reduce", {{"language", request.language}, {"summaries", ""}});
    auto parts = reduceRounds(s, out.partSummaries, reduceBudget, out);
    if (!parts) return parts.error();
    return renderPrompt("summarize_reduce", {{"language", request.language},
                                             {"summaries", joinParts(*parts, 0, parts->size())}});
}

// What identifies a summary run for resuming it: the documents, the model, the language and
// the chunking (which the context size decides).
nlohmann::json runParams(const TaskEngine& engine, const SummarizeRequest& request,
                         const ingest::PackResult& packed) {
    return nlohmann::json{{"language", request.language}, {"documents", documentIds(request.documents)},
                          {"model", engine.modelId()}, {"ctx", engine.nCtx()},
                          {"chunks", packed.chunks.size()},
                          {"part_tokens", request.partTokens}, {"overlap_tokens", request.overlapTokens}};
}

// The system message, which tells how to cite the paragraphs of office documents when the
// documents hold any.
Result<std::string> summarySystem(const SummarizeRequest& request) {
    auto cite = citationNotes(request.documents);
    if (!cite) return cite.error();
    return renderPrompt("summarize_system", {{"citation_notes", *cite}});
}

}  // namespace

Result<SummarizePlan> planSummarize(TaskEngine& engine, const SummarizeRequest& request) {
    auto system = summarySystem(request);
    if (!system) return system.error();
    const TaskContext none;
    Summarizer s{engine, request, none, *system};
    auto packed = packForSummary(s);
    if (!packed) return packed.error();
    SummarizePlan plan;
    plan.mapReduce = !packed->fits;
    plan.chunks = packed->fits ? 0 : packed->chunks.size();
    return plan;
}

Result<SummarizeResult> runSummarize(TaskEngine& engine, Store& store,
                                     const SummarizeRequest& request, const TaskContext& ctx) {
    SummarizeResult out;
    auto system = summarySystem(request);
    if (!system) return system.error();
    Summarizer s{engine, request, ctx, *system};
    auto packed = packForSummary(s);
    if (!packed) return packed.error();
    // A map-reduce run stopped earlier over the same documents and settings is continued.
    auto run = startOrResumeRun(store,
                                {"summarize", runParams(engine, request, *packed), "parts", packed->chunks.size(),
                                 !packed->fits, "Summary", "Summarize in " + request.language + ".",
                                 engine.modelName()},
                                request.documents);
    if (!run) return run.error();
    RunFailureGuard failed(store, run->runId);
    out.sessionId = run->sessionId;
    out.partSummaries = std::move(run->done);
    out.resumedParts = out.partSummaries.size();
    auto begun = store.messages().beginStream(out.sessionId, "assistant");
    if (!begun) return begun.error();
    MessageStream& stream = failed.holdStream(std::move(begun.value()));
    auto stop = [&](std::string partial) -> Result<SummarizeResult> {
        out.stopped = true;
        out.summary = std::move(partial);
        LECTERN_TRY(stream.finish(MessageStatus::Stopped));
        failed.release();
        LECTERN_TRY(store.taskRuns().finish(run->runId, TaskRunStatus::Stopped));
        return out;
    };
    auto finalUser = packed->fits ? renderPrompt("summarize_whole", {{"language", request.language},
                                                                     {"documents", packed->prompt}})
                                  : mapReduce(s, *packed, store, run->runId, out);
    if (!finalUser) {
        if (finalUser.error().code == ErrorCode::Cancelled)
            return stop(joinParts(out.partSummaries, 0, out.partSummaries.size()));
        return finalUser.error();
    }
    auto g = s.run(*finalUser, request.maxTokens, [&](std::string_view piece) {
        (void)stream.append(piece);
        ctx.emitText(piece);
    });
    if (!g) return g.error();
    if (g->cancelled) return stop(g->text);
    out.summary = g->text;
    out.promptTokens = g->promptTokens;
    GenerationMetrics metrics{g->promptTokens, static_cast<std::int64_t>(g->tokens.size()), g->prefillMs, g->tokensPerS};
    LECTERN_TRY(stream.finish(MessageStatus::Complete, metrics));
    failed.release();
    LECTERN_TRY(store.taskRuns().finish(run->runId, TaskRunStatus::Complete));
    return out;
}

}  // namespace lectern::app
