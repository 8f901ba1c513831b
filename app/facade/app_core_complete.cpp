// AppCore's plain completions (see app_core.h): a client's own prompt, rendered or encoded
// with the open model's tokenizer, run on the engine's one session so that a prompt that
// repeats the previous one's start prefills only what is new.
#include "app_core.h"

namespace lectern::app {
namespace {

Status checkIds(std::span<const std::int32_t> ids, const Tokenizer& tokenizer) {
    for (const std::int32_t id : ids)
        if (id < 0 || id >= tokenizer.n_vocab())
            return make_error(ErrorCode::InvalidArgument,
                              "token id " + std::to_string(id) + " is outside the vocabulary of " +
                                  std::to_string(tokenizer.n_vocab()));
    return {};
}

Result<std::vector<std::int32_t>> promptOf(const LocalEngine& engine, const CompletionRequest& request) {
    std::vector<std::int32_t> ids;
    if (!request.messages.empty()) {
        auto rendered = engine.renderChat(request.messages, true);
        if (!rendered) return rendered.error();
        ids = std::move(rendered.value());
    } else if (!request.promptIds.empty()) {
        ids = request.promptIds;
    } else if (!request.prompt.empty()) {
        // A raw prompt is the client's own text: BOS as the tokenizer adds it, and special-token
        // text ("<|eot_id|>") read as the token, as servers of Llama models read it.
        ids = engine.tokenizer().encode(request.prompt, request.addBos && engine.tokenizer().bos_id() >= 0, true);
    }
    if (ids.empty()) return make_error(ErrorCode::InvalidArgument, "the prompt is empty");
    LECTERN_TRY(checkIds(ids, engine.tokenizer()));
    return ids;
}

}  // namespace

JobId AppCore::renderPrompt(CompletionRequest request) {
    return m_runner->submit([this, request = std::move(request)](JobContext&) -> Result<std::any> {
        if (!m_engine) return noModel();
        auto ids = promptOf(*m_engine, request);
        if (!ids) return ids.error();
        return std::any(std::move(ids.value()));
    });
}

JobId AppCore::detokenize(std::vector<std::int32_t> ids) {
    return m_runner->submit([this, ids = std::move(ids)](JobContext&) -> Result<std::any> {
        if (!m_engine) return noModel();
        LECTERN_TRY(checkIds(ids, m_engine->tokenizer()));
        return std::any(m_engine->tokenizer().decode(ids));
    });
}

JobId AppCore::complete(CompletionRequest request) {
    return m_runner->submit([this, request = std::move(request)](JobContext& job) -> Result<std::any> {
        if (!m_engine) return noModel();
        auto prompt = promptOf(*m_engine, request);
        if (!prompt) return prompt.error();
        const auto nPrompt = static_cast<std::int64_t>(prompt->size());
        const std::int64_t nCtx = m_engine->nCtx();
        const std::int64_t room = nCtx - nPrompt;
        if (room < 1 || request.maxTokens > room)
            return make_error(ErrorCode::InvalidArgument,
                              "this model's context is " + std::to_string(nCtx) + " tokens; the request needs " +
                                  std::to_string(nPrompt) + " for the prompt and " +
                                  std::to_string(std::max<std::int64_t>(request.maxTokens, 1)) + " for the completion");
        job.progress(Phase::Prefill, ProgressUnit::Tokens, 0, nPrompt);
        GenerateRequest g;
        g.maxTokens = request.maxTokens > 0 ? request.maxTokens : room;
        g.sampling = request.sampling;
        g.stopStrings = request.stop;
        g.ignoreEos = request.ignoreEos;
        g.cancel = job.cancelFlag();
        g.onText = [&job](std::string_view text) { job.token(text); };
        g.onPrefill = [&job](std::int64_t done, std::int64_t total) {
            job.progress(Phase::Prefill, ProgressUnit::Tokens, done, total);
        };
        auto stats = m_engine->complete(prompt.value(), g);
        if (!stats) return stats.error();
        if (stats->cancelled) return make_error(ErrorCode::Cancelled, "stopped");
        CompletionResult out;
        out.text = std::move(stats->text);
        out.promptTokens = stats->promptTokens;
        out.cachedTokens = stats->promptTokens - stats->prefilledTokens;
        const auto stops = m_engine->stopIds();
        out.completionTokens = static_cast<std::int64_t>(stats->tokens.size());
        if (!request.ignoreEos && !stats->tokens.empty() &&
            std::find(stops.begin(), stops.end(), stats->tokens.back()) != stops.end())
            --out.completionTokens;
        out.contextFull = stats->reason == StopReason::ContextFull;
        out.finish = stats->reason == StopReason::MaxTokens || out.contextFull ? FinishReason::Length
                                                                                : FinishReason::Stop;
        out.prefillMs = stats->prefillMs;
        out.firstTokenMs = stats->firstTokenMs;
        return std::any(std::move(out));
    });
}

}  // namespace lectern::app
