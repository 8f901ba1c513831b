// Ask over a kept document prefix, with KV snapshots of the conversation (see ask_task.h).
#include "ask_task.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "chat_turns.h"
#include "json_text.h"
#include "lectern/ingest/packing.h"
#include "lectern/ingest/text_file.h"
#include "prompts.h"
#include "task_checkpoint.h"
#include "task_documents.h"

namespace lectern::app {
namespace {

using Tokens = std::vector<std::int32_t>;

struct Conversation {
    std::int64_t sessionId = 0;
    std::vector<ingest::Document> documents;
    std::vector<MessageRecord> history;  // user and assistant turns before this question
    std::string question;
    bool regenerate = false;
    std::string system;
    Tokens prefix;
    ingest::PackResult packed;
};

// The checkpoint of the session's latest ask run: {"key", "tokenHash", "nTokens"}.
nlohmann::json lastCheckpoint(Store& store, std::int64_t sessionId) {
    auto runs = store.taskRuns().list(sessionId);
    if (!runs) return {};
    for (auto it = runs->rbegin(); it != runs->rend(); ++it) {
        if (it->kind != "ask") continue;
        auto cp = nlohmann::json::parse(it->checkpoint, nullptr, false);
        if (cp.is_object() && cp.contains("tokenHash")) return cp;
    }
    return {};
}

bool startsWith(const Tokens& tokens, const Tokens& prefix) {
    return tokens.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), tokens.begin());
}

// The session's turns as the model sees them: its user and assistant messages, where an
// answer given again (regenerate) replaces the versions before it, unless it failed or has
// no text (the conversation's kept KV cache then still ends with the earlier version).
Result<std::vector<MessageRecord>> conversationTurns(Store& store, std::int64_t sessionId) {
    auto messages = store.messages().list(sessionId);
    if (!messages) return messages.error();
    std::vector<MessageRecord> turns;
    for (auto& m : *messages) {
        if (m.role != "user" && m.role != "assistant") continue;
        if (m.role == "assistant" && !turns.empty() && turns.back().role == "assistant") {
            const bool counts = !m.text.empty() && m.status != MessageStatus::Failed;
            if (counts) turns.back() = std::move(m);
        } else {
            turns.push_back(std::move(m));
        }
    }
    return turns;
}


// Loads the session's documents and turns; `history` ends before the turn at `questionAt`
// (every turn when it is turns.size()).
Status loadConversation(Store& store, Conversation& c, const std::vector<MessageRecord>& turns,
                        std::size_t questionAt) {
    auto docs = loadSessionDocuments(store, c.sessionId);
    if (!docs) return docs.error();
    c.documents = std::move(docs.value());
    c.history.assign(turns.begin(), turns.begin() + static_cast<std::ptrdiff_t>(questionAt));
    if (questionAt < turns.size()) c.question = turns[questionAt].text;
    return {};
}

// Packs the documents into the system message, leaving room for the question and answer.
Status packConversation(const TaskEngine& engine, Conversation& c, std::int64_t maxTokens) {
    TokenizerCounter counter(engine.tokenizer());
    auto cite = citationNotes(c.documents);
    if (!cite) return cite.error();
    auto bare = renderPrompt("ask_system", {{"documents", ""}, {"citation_notes", *cite}});
    if (!bare) return bare.error();
    ingest::PackOptions po;
    po.n_ctx = static_cast<std::size_t>(engine.nCtx());
    po.reserve_system = counter.count(*bare) + 16;
    po.reserve_question = std::max<std::size_t>(256, counter.count(c.question) + 64);
    po.reserve_answer = static_cast<std::size_t>(maxTokens);
    auto packed = ingest::pack(c.documents, counter, po);
    if (!packed) return packed.error();
    c.packed = std::move(packed.value());
    auto system = renderPrompt("ask_system", {{"documents", c.packed.prompt}, {"citation_notes", *cite}});
    if (!system) return system.error();
    c.system = *system;
    // Templates that cannot render a system message alone (Llama 2) have no kept prefix.
    if (auto prefix = systemPrefixTokens(engine, c.system)) c.prefix = std::move(prefix.value());
    return {};
}

Result<Conversation> prepare(TaskEngine& engine, Store& store, const AskRequest& request) {
    Conversation c;
    c.sessionId = request.sessionId;
    c.regenerate = request.regenerate;
    if (c.sessionId == 0) {
        if (request.regenerate) return make_error(ErrorCode::InvalidArgument, "there is no question to answer again");
        auto id = createTaskSession(store, "Ask", engine.modelName(), request.documents);
        if (!id) return id.error();
        c.sessionId = *id;
    }
    auto turns = conversationTurns(store, c.sessionId);
    if (!turns) return turns.error();
    std::size_t questionAt = turns->size();
    if (request.regenerate) {
        auto ask = isAskSession(store, c.sessionId);
        if (!ask) return ask.error();
        if (!*ask) return make_error(ErrorCode::InvalidArgument, "only an answer to a question can be given again");
        while (questionAt > 0 && (*turns)[questionAt - 1].role != "user") --questionAt;
        if (questionAt == 0) return make_error(ErrorCode::InvalidArgument, "there is no question to answer again");
        --questionAt;
    }
    LECTERN_TRY(loadConversation(store, c, *turns, questionAt));
    if (!request.regenerate) c.question = request.question;
    LECTERN_TRY(packConversation(engine, c, request.maxTokens));
    return c;
}

// prefix + each earlier turn, re-encoded from the stored text.
Result<Tokens> historyTokens(const TaskEngine& engine, const Conversation& c) {
    Tokens all = c.prefix;
    auto eot = endOfTurnTokens(engine);
    if (!eot) return eot.error();
    for (const auto& m : c.history) {
        if (m.role == "user") {
            auto t = userTurnTokens(engine, m.text);
            if (!t) return t.error();
            all.insert(all.end(), t->begin(), t->end());
        } else {
            const auto t = engine.tokenizer().encode(m.text);
            all.insert(all.end(), t.begin(), t.end());
            all.insert(all.end(), eot->begin(), eot->end());
        }
    }
    return all;
}

// Brings the session to prefix + history: from memory, a conversation snapshot, a snapshot
// of the documents alone, or by prefilling.
Status restoreConversation(LocalEngine& engine, Store& store, KvSnapshotCache* snapshots,
                           const Conversation& c, AskResult& out, const TaskContext& ctx) {
    Session& session = engine.session();
    // The kept conversation and its snapshot end with the answer being given again.
    const auto cp = c.regenerate ? nlohmann::json() : lastCheckpoint(store, c.sessionId);
    if (cp.is_object() && session.n_past() == cp.value("nTokens", std::int64_t{-1}) &&
        KvSnapshotCache::tokenHash(session.tokens()) == cp.value("tokenHash", std::string()) &&
        startsWith(session.tokens(), c.prefix)) {
        out.contextSource = "memory";
        return {};
    }
    if (snapshots && cp.is_object() && cp.contains("key")) {
        auto l = snapshots->loadKey(engine.modelId(), cp["key"].get<std::string>(), session);
        if (!l) return l.error();
        if (l->loaded && startsWith(session.tokens(), c.prefix)) {
            out.contextSource = "snapshot";
            return {};
        }
        if (l->loaded) LECTERN_TRY(session.truncate(0));
        out.notes.push_back("conversation snapshot not used: " +
                            (l->loaded ? std::string("other documents") : l->reason));
    }
    bool prefixLoaded = false;
    if (snapshots && session.common_prefix(c.prefix) < static_cast<std::int64_t>(c.prefix.size())) {
        auto l = snapshots->load(engine.modelId(), c.prefix, session);
        if (!l) return l.error();
        prefixLoaded = l->loaded;
        if (!l->loaded) out.notes.push_back("document snapshot not used: " + l->reason);
    }
    auto all = historyTokens(engine, c);
    if (!all) return all.error();
    auto n = engine.setContent(*all, [&](std::int64_t d, std::int64_t t) { ctx.report(Phase::Prefill, d, t); },
                               ctx.cancel);
    if (!n) return n.error();
    out.contextPrefilled = *n;
    out.contextSource = prefixLoaded ? "document snapshot" : (*n == 0 ? "memory" : "prefill");
    if (snapshots && *n >= static_cast<std::int64_t>(c.prefix.size())) {
        auto saved = snapshots->save(engine.modelId(), session, static_cast<std::int64_t>(c.prefix.size()));
        if (!saved) out.notes.push_back("document snapshot not saved: " + saved.error().to_string());
    }
    return {};
}

// Ends the answer's turn in the session (the last sampled token was not decoded) so the
// next question appends only its own tokens.
Status closeTurn(LocalEngine& engine, const GenerateStats& g) {
    auto eot = endOfTurnTokens(engine);
    if (!eot) return eot.error();
    Tokens closing;
    if (g.reason != StopReason::StopToken) closing.push_back(g.tokens.back());
    closing.insert(closing.end(), eot->begin(), eot->end());
    Session& s = engine.session();
    if (s.n_past() + static_cast<std::int64_t>(closing.size()) > s.n_ctx())
        return make_error(ErrorCode::InvalidArgument, "the conversation fills the context");
    auto r = s.prefill(closing);
    if (!r) return r.error();
    return {};
}

void saveConversation(LocalEngine& engine, Store& store, KvSnapshotCache* snapshots,
                      const Conversation& c, std::int64_t runId, AskResult& out) {
    Session& s = engine.session();
    nlohmann::json cp{{"tokenHash", KvSnapshotCache::tokenHash(s.tokens())}, {"nTokens", s.n_past()}};
    const auto previous = lastCheckpoint(store, c.sessionId);
    if (snapshots) {
        auto key = snapshots->save(engine.modelId(), s, s.n_past());
        if (key) {
            cp["key"] = *key;
            const auto old = previous.is_object() ? previous.value("key", std::string()) : std::string();
            const auto prefixKey = KvSnapshotCache::keyFor(engine.modelId(), s.options().kv_type, c.prefix);
            if (!old.empty() && old != *key && old != prefixKey) (void)snapshots->remove(old);
        } else {
            out.notes.push_back("conversation snapshot not saved: " + key.error().to_string());
        }
    }
    auto saved = store.taskRuns().saveCheckpoint(runId, dumpJson(cp));
    if (!saved) out.notes.push_back("the conversation's KV cache key was not recorded (" + saved.error().to_string() +
                                    "): the next question in a new process prefills the documents again");
}

// The whole conversation rendered by the template, ending where the answer starts.
Result<Tokens> renderedConversation(const TaskEngine& engine, const Conversation& c,
                                    const std::string& question) {
    std::vector<ChatMessage> messages{{"system", c.system}};
    for (const auto& m : c.history) messages.push_back({m.role, m.text});
    messages.push_back({"user", question});
    return engine.renderChat(messages, true);
}

// The whole conversation as one prompt, ending where the answer starts: the kept prefix,
// the earlier turns and the question where the template renders turn by turn (the very
// tokens a local session holds after prefilling them), else the template's rendering.
// `questionTokens`, if given, gets the question's own count (appendable templates only).
Result<Tokens> wholeConversation(const TaskEngine& engine, const Conversation& c, bool appendable,
                                 std::int64_t* questionTokens = nullptr) {
    if (!appendable) return renderedConversation(engine, c, c.question);
    auto all = historyTokens(engine, c);
    if (!all) return all.error();
    auto question = userTurnTokens(engine, c.question);
    if (!question) return question.error();
    if (questionTokens) *questionTokens = static_cast<std::int64_t>(question->size());
    all->insert(all->end(), question->begin(), question->end());
    return all;
}

Status checkFits(std::int64_t kept, std::size_t prompt, std::int64_t nCtx) {
    if (kept + static_cast<std::int64_t>(prompt) + 2 > nCtx)
        return make_error(ErrorCode::InvalidArgument, "the conversation fills the context",
                          "start a new session or use a larger --ctx");
    return {};
}

// A server whose context turned out smaller than it said refused the prompt; packs the
// documents again for the limit it gave and asks once more.
Result<GenerateStats> completeRepackedOnce(TaskEngine& engine, Conversation& c, const AskRequest& request,
                                           bool appendable, const GenerateRequest& gr, AskResult& out) {
    LECTERN_TRY(packConversation(engine, c, request.maxTokens));
    auto prompt = wholeConversation(engine, c, appendable, &out.questionTokens);
    if (!prompt) return prompt.error();
    LECTERN_TRY(checkFits(0, prompt->size(), engine.nCtx()));
    out.prefixTokens = static_cast<std::int64_t>(c.prefix.size());
    out.notes.push_back(contextShrankNote(engine.nCtx()));
    return engine.complete(*prompt, gr);
}

}  // namespace

Result<AskResult> runAsk(TaskEngine& engine, Store& store, const AskRequest& request,
                         const TaskContext& ctx) {
    if (request.question.empty() && !request.regenerate)
        return make_error(ErrorCode::InvalidArgument, "an empty question");
    if (!ingest::is_valid_utf8(request.question))
        return make_error(ErrorCode::Corrupt, "the question is not valid UTF-8 text",
                          "Lectern reads questions as UTF-8; check the terminal's encoding");
    AskResult out;
    auto conv = prepare(engine, store, request);
    if (!conv) return conv.error();
    Conversation& c = *conv;
    out.sessionId = c.sessionId;
    out.prefixTokens = static_cast<std::int64_t>(c.prefix.size());
    // Templates that render turn by turn (Llama 3) append the question to the kept
    // conversation; others (Llama 2 folds the system message into the first question) render
    // it all, and the session keeps the longest common prefix (the documents come first).
    // A remote engine keeps nothing here: it sends the whole conversation, documents first,
    // and the server's prefix cache (vLLM's, Lectern's) serves what it has seen.
    const bool appendable = turnsAreAppendable(engine);
    LocalEngine* local = engine.local();
    const bool kept = local && appendable;
    Tokens prompt;
    // Stopped while the documents were prefilled: the question is stored with an empty
    // answer marked stopped, as when Stop comes before the first answer token.
    bool stoppedEarly = false;
    if (kept) {
        const Status restored = restoreConversation(*local, store, request.snapshots, c, out, ctx);
        stoppedEarly = !restored && restored.error().code == ErrorCode::Cancelled;
        if (!restored && !stoppedEarly) return restored.error();
        auto question = userTurnTokens(engine, c.question);
        if (!question) return question.error();
        prompt = std::move(question.value());
        out.questionTokens = static_cast<std::int64_t>(prompt.size());
    } else {
        auto full = wholeConversation(engine, c, appendable, &out.questionTokens);
        if (!full) return full.error();
        prompt = std::move(full.value());
        out.contextSource = local ? "prefill" : "server";
    }
    const std::int64_t before = kept ? local->session().n_past() : 0;
    LECTERN_TRY(checkFits(before, prompt.size(), engine.nCtx()));
    // Undoes what the answer added to a kept KV cache.
    const auto truncateBack = [&]() -> Status { return local ? local->session().truncate(before) : Status{}; };

    if (!c.regenerate) LECTERN_TRY(store.messages().add(makeMessage(c.sessionId, "user", c.question)));
    auto run = store.taskRuns().start(c.sessionId, "ask", dumpJson(nlohmann::json{{"question", c.question}}));
    if (!run) return run.error();
    RunFailureGuard failed(store, *run);
    auto begun = store.messages().beginStream(c.sessionId, "assistant");
    if (!begun) return begun.error();
    MessageStream& stream = failed.holdStream(std::move(begun.value()));
    GenerateRequest gr;
    gr.maxTokens = request.maxTokens;
    gr.sampling = request.sampling;
    gr.cancel = ctx.cancel;
    gr.onText = [&](std::string_view piece) {
        (void)stream.append(piece);
        ctx.emitText(piece);
    };
    gr.onPrefill = [&](std::int64_t d, std::int64_t t) { ctx.report(Phase::Prefill, d, t); };
    gr.onDecode = [&](std::int64_t d, std::int64_t t) { ctx.report(Phase::Decode, d, t); };
    GenerateStats nothing;
    nothing.cancelled = true;
    Result<GenerateStats> g = nothing;
    if (!stoppedEarly) g = kept ? local->continueWith(prompt, gr) : engine.complete(prompt, gr);
    if (!g && engine.contextShrank()) g = completeRepackedOnce(engine, c, request, appendable, gr, out);
    if (!g) {
        // The error is what the user needs to hear; a failed truncate leaves the KV cache
        // longer than the conversation, which the next question's common prefix undoes.
        (void)truncateBack();
        return g.error();
    }
    // What the final packing (after a repack, if there was one) left out.
    if (!c.packed.fits)
        out.notes.push_back(std::to_string(c.packed.did_not_fit.size()) +
                            " pages or files did not fit the context and were left out");
    out.stats = *g;
    out.answer = g->text;
    out.stopped = g->cancelled;
    if (!local) {
        // What the server read anew besides the question (the rest came from its cache).
        out.contextPrefilled = std::max<std::int64_t>(0, g->prefilledTokens - out.questionTokens);
    }
    if (g->tokens.empty() && c.regenerate) {
        // Stopped before its first token: the earlier version stays the answer.
        LECTERN_TRY(truncateBack());
        const std::int64_t empty = stream.messageId();
        LECTERN_TRY(stream.finish(MessageStatus::Stopped));
        failed.release();
        LECTERN_TRY(store.messages().remove(empty));
        LECTERN_TRY(store.taskRuns().finish(*run, TaskRunStatus::Stopped));
        return out;
    }
    if (g->tokens.empty()) {
        LECTERN_TRY(truncateBack());
    } else if (auto closed = kept ? closeTurn(*local, *g) : Status{}; !closed) {
        out.notes.push_back(closed.error().to_string());
    }
    GenerationMetrics metrics{g->promptTokens, static_cast<std::int64_t>(g->tokens.size()), g->prefillMs,
                              g->tokensPerS};
    LECTERN_TRY(stream.finish(out.stopped ? MessageStatus::Stopped : MessageStatus::Complete, metrics));
    failed.release();
    if (kept && !g->tokens.empty()) saveConversation(*local, store, request.snapshots, c, *run, out);
    LECTERN_TRY(store.taskRuns().finish(*run, out.stopped ? TaskRunStatus::Stopped : TaskRunStatus::Complete));
    out.citations = findCitations(out.answer, c.documents);
    return out;
}

namespace {

// Tokens as text, control tokens by name ("<|eot_id|>"): what the model was given.
std::string tokensAsText(const Tokenizer& tokenizer, const Tokens& tokens) {
    std::string text;
    for (const std::int32_t id : tokens) {
        std::string piece = tokenizer.token_bytes(id);
        text += piece.empty() ? tokenizer.token_text(id) : piece;
    }
    return valid_utf8(text);
}

}  // namespace

Result<AskPlan> planAsk(TaskEngine& engine, Store& store, std::int64_t sessionId,
                        const std::string& question, std::int64_t maxTokens) {
    Conversation c;
    c.sessionId = sessionId;
    auto turns = conversationTurns(store, sessionId);
    if (!turns) return turns.error();
    LECTERN_TRY(loadConversation(store, c, *turns, turns->size()));
    c.question = question;
    LECTERN_TRY(packConversation(engine, c, maxTokens));
    AskPlan plan;
    plan.nCtx = engine.nCtx();
    plan.prefixTokens = static_cast<std::int64_t>(
        c.prefix.empty() ? engine.tokenizer().count(c.system) : c.prefix.size());
    if (turnsAreAppendable(engine)) {
        auto all = historyTokens(engine, c);
        if (!all) return all.error();
        plan.historyTokens = static_cast<std::int64_t>(all->size() - c.prefix.size());
    } else if (!c.history.empty()) {
        // Rendered whole (Llama 2): the earlier turns are what the conversation adds.
        std::vector<ChatMessage> messages{{"system", c.system}};
        for (const auto& m : c.history) messages.push_back({m.role, m.text});
        auto rendered = engine.renderChat(messages, false);
        if (!rendered) return rendered.error();
        plan.historyTokens = static_cast<std::int64_t>(rendered->size()) - plan.prefixTokens;
    }
    plan.questionReserve = static_cast<std::int64_t>(
        std::max<std::size_t>(256, engine.tokenizer().count(question) + 64));
    plan.answerReserve = maxTokens;
    plan.units = std::move(c.packed.units);
    plan.fits = c.packed.fits;
    TokenizerCounter counter(engine.tokenizer());
    for (const auto& d : c.documents) {
        std::size_t n = 0;
        for (const auto& u : d.units) n += counter.count(u.text);
        plan.documentTokens.push_back(n);
    }
    return plan;
}

Result<PromptView> askPromptView(TaskEngine& engine, Store& store, std::int64_t sessionId,
                                 std::int64_t userMessageId, std::int64_t maxTokens) {
    auto turns = conversationTurns(store, sessionId);
    if (!turns) return turns.error();
    std::size_t at = 0;
    while (at < turns->size() && !((*turns)[at].id == userMessageId && (*turns)[at].role == "user")) ++at;
    if (at == turns->size()) return make_error(ErrorCode::NotFound, "no such question in this session");
    Conversation c;
    c.sessionId = sessionId;
    LECTERN_TRY(loadConversation(store, c, *turns, at));
    LECTERN_TRY(packConversation(engine, c, maxTokens));
    auto tokens = wholeConversation(engine, c, turnsAreAppendable(engine));
    if (!tokens) return tokens.error();
    PromptView view;
    view.text = tokensAsText(engine.tokenizer(), *tokens);
    view.tokens = static_cast<std::int64_t>(tokens->size());
    view.units = std::move(c.packed.units);
    return view;
}

// Whether the session holds Ask's conversation (not a summary, review or translation, whose
// user message is an instruction): no task run of another kind.
Result<bool> isAskSession(Store& store, std::int64_t sessionId) {
    auto runs = store.taskRuns().list(sessionId);
    if (!runs) return runs.error();
    for (const auto& r : *runs)
        if (r.kind != "ask") return false;
    return true;
}

}  // namespace lectern::app
