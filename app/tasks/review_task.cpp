// Review over packed, line-numbered code (see review_task.h).
#include "review_task.h"

#include <nlohmann/json.hpp>

#include "lectern/ingest/packing.h"
#include "prompts.h"
#include "task_checkpoint.h"
#include "task_documents.h"

namespace lectern::app {
namespace {

Result<std::vector<std::string>> reviewInputs(const TaskEngine& engine, const ReviewRequest& request,
                                              const std::string& system) {
    TokenizerCounter counter(engine.tokenizer());
    auto bare = renderPrompt("review_request", {{"what", request.what}, {"code", ""}});
    if (!bare) return bare.error();
    ingest::PackOptions po;
    po.n_ctx = static_cast<std::size_t>(engine.nCtx());
    po.reserve_system = counter.count(system) + counter.count(*bare) + 32;
    po.reserve_answer = static_cast<std::size_t>(request.maxTokens);
    po.number_code_lines = !request.alreadyNumbered;
    auto packed = ingest::pack(request.documents, counter, po);
    if (!packed) return packed.error();
    std::vector<std::string> inputs;
    if (packed->fits) {
        inputs.push_back(packed->prompt);
    } else {
        for (const auto& chunk : packed->chunks) inputs.push_back(chunk.text);
    }
    return inputs;
}

// What identifies a review run for resuming it.
nlohmann::json runParams(const TaskEngine& engine, const ReviewRequest& request, std::size_t prompts) {
    return nlohmann::json{{"what", request.what}, {"documents", documentIds(request.documents)},
                          {"model", engine.modelName()}, {"ctx", engine.nCtx()},
                          {"prompts", prompts}, {"max_tokens", request.maxTokens}};
}

}  // namespace

Result<ReviewResult> runReview(TaskEngine& engine, Store& store, const ReviewRequest& request,
                               const TaskContext& ctx) {
    ReviewResult out;
    auto system = renderPrompt("review_system", {});
    if (!system) return system.error();
    auto inputs = reviewInputs(engine, request, *system);
    if (!inputs) return inputs.error();
    out.prompts = inputs->size();
    // A review of several chunks stopped earlier with the same parameters is continued.
    auto run = startOrResumeRun(store,
                                {"review", runParams(engine, request, inputs->size()), "outputs", inputs->size(),
                                 inputs->size() > 1, "Review", "Review the " + request.what + ".",
                                 engine.modelName()},
                                request.documents);
    if (!run) return run.error();
    RunFailureGuard failed(store, run->runId);
    out.sessionId = run->sessionId;
    std::vector<std::string> outputs = std::move(run->done);  // of the chunks done
    out.resumedPrompts = outputs.size();
    auto begun = store.messages().beginStream(out.sessionId, "assistant");
    if (!begun) return begun.error();
    MessageStream& stream = failed.holdStream(std::move(begun.value()));
    // The chunks reviewed before: shown and stored again, so the answer holds the whole review.
    for (const std::string& text : outputs) {
        out.output += text + "\n";
        (void)stream.append(text + "\n");
        ctx.emitText(text + "\n");
    }
    for (std::size_t i = outputs.size(); i < inputs->size() && !out.stopped; ++i) {
        ctx.report(Phase::Review, static_cast<std::int64_t>(i), static_cast<std::int64_t>(inputs->size()));
        auto user = renderPrompt("review_request", {{"what", request.what}, {"code", (*inputs)[i]}});
        if (!user) return user.error();
        if (i == outputs.size()) out.firstPrompt = *user;
        const std::vector<ChatMessage> messages{{"system", *system}, {"user", *user}};
        auto prompt = engine.renderChat(messages, true);
        if (!prompt) return prompt.error();
        GenerateRequest gr;
        gr.maxTokens = std::min<std::int64_t>(request.maxTokens, engine.nCtx() - static_cast<std::int64_t>(prompt->size()));
        gr.sampling = request.sampling;
        gr.cancel = ctx.cancel;
        gr.onText = [&](std::string_view piece) {
            (void)stream.append(piece);
            ctx.emitText(piece);
        };
        gr.onDecode = [&](std::int64_t d, std::int64_t t) { ctx.report(Phase::Decode, d, t); };
        auto g = engine.complete(*prompt, gr);
        if (!g) return g.error();
        out.output += g->text + "\n";
        out.stopped = g->cancelled;
        if (!out.stopped) {
            outputs.push_back(g->text);
            noteCheckpointSave(saveCheckpointTexts(store, run->runId, "outputs", outputs), out.notes);
        }
        if (!out.stopped && i + 1 < inputs->size()) {
            (void)stream.append("\n");
            ctx.emitText("\n");
        }
    }
    const ShownLines shown = request.shown.empty() ? shownLinesOf(request.documents) : request.shown;
    out.findings = parseFindings(out.output, shown);
    LECTERN_TRY(stream.finish(out.stopped ? MessageStatus::Stopped : MessageStatus::Complete));
    failed.release();
    LECTERN_TRY(store.taskRuns().finish(run->runId, out.stopped ? TaskRunStatus::Stopped : TaskRunStatus::Complete));
    return out;
}

}  // namespace lectern::app
