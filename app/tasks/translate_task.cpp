// Translate, checkpointed after every segment (see translate_task.h).
#include "translate_task.h"

#include <nlohmann/json.hpp>

#include "prompts.h"
#include "task_documents.h"

namespace lectern::app {
namespace {

struct Progress {
    std::size_t next = 0;
    std::vector<std::string> outputs;
    Glossary glossary;
};

Result<Progress> readCheckpoint(const std::string& text, std::size_t segmentCount) {
    const auto cp = nlohmann::json::parse(text, nullptr, false);
    Progress p;
    if (!cp.is_object() || !cp.contains("next")) return p;  // nothing done yet
    try {
        p.next = cp.at("next").get<std::size_t>();
        p.outputs = cp.at("outputs").get<std::vector<std::string>>();
        p.glossary = cp.at("glossary").get<Glossary>();
    } catch (const nlohmann::json::exception& e) {
        return make_error(ErrorCode::Corrupt, "a translation checkpoint is malformed", e.what());
    }
    if (p.next != p.outputs.size() || p.next > segmentCount)
        return make_error(ErrorCode::Corrupt, "a translation checkpoint does not match the document");
    return p;
}

std::string checkpointJson(const Progress& p) {
    return nlohmann::json{{"next", p.next}, {"outputs", p.outputs}, {"glossary", p.glossary}}.dump();
}

// Starts a new run, or takes over the unfinished one for this document and language.
Result<Progress> startOrResume(LocalEngine& engine, Store& store, const TranslateRequest& request,
                               std::size_t segmentCount, TranslateResult& out) {
    auto unfinished = findUnfinishedTranslation(store, request.document.id, request.language);
    if (!unfinished) return unfinished.error();
    if (*unfinished) {
        const auto& run = **unfinished;
        auto p = readCheckpoint(run.checkpoint, segmentCount);
        if (!p) return p.error();
        LECTERN_TRY(store.taskRuns().resume(run.id));
        out.sessionId = run.sessionId;
        out.runId = run.id;
        return p;
    }
    auto session = createTaskSession(store, "Translation into " + request.language,
                                     engine.options().modelPath, {request.document});
    if (!session) return session.error();
    out.sessionId = *session;
    const nlohmann::json params{{"document", request.document.id}, {"language", request.language},
                                {"segments", segmentCount}};
    auto run = store.taskRuns().start(out.sessionId, "translate", params.dump());
    if (!run) return run.error();
    out.runId = *run;
    LECTERN_TRY(store.messages().add(makeMessage(out.sessionId, "user", "Translate into " + request.language + ".")));
    return Progress{};
}

// One segment's translation, or nothing when cancelled.
Result<std::optional<std::string>> translateSegment(LocalEngine& engine, const TranslateRequest& request,
                                                    const TranslateSegment& segment, Progress& p,
                                                    const TaskContext& ctx) {
    auto system = renderPrompt("translate_system", {{"language", request.language},
                                                    {"glossary", glossaryText(p.glossary)}});
    if (!system) return system.error();
    const std::vector<ChatMessage> messages{{"system", *system}, {"user", segment.text}};
    auto prompt = engine.renderChat(messages, true);
    if (!prompt) return prompt.error();
    std::int64_t maxTokens = request.maxOutputTokens > 0
                                 ? request.maxOutputTokens
                                 : 2 * static_cast<std::int64_t>(engine.countTokens(segment.text)) + 64;
    maxTokens = std::min(maxTokens, engine.nCtx() - static_cast<std::int64_t>(prompt->size()));
    if (maxTokens < 1)
        return make_error(ErrorCode::InvalidArgument, "a segment does not fit the context with its glossary",
                          "use a larger --ctx");
    GenerateRequest gr;
    gr.maxTokens = maxTokens;
    gr.cancel = ctx.cancel;
    auto g = engine.complete(*prompt, gr);
    if (!g) return g.error();
    if (g->cancelled) return std::optional<std::string>();
    return std::optional<std::string>(takeGlossaryLines(g->text, p.glossary));
}

}  // namespace

Result<std::optional<TaskRunRecord>> findUnfinishedTranslation(Store& store, const std::string& sha,
                                                               const std::string& language) {
    auto sessions = store.sessions().list();
    if (!sessions) return sessions.error();
    for (const auto& s : *sessions) {
        auto run = store.taskRuns().latestUnfinished(s.id, "translate");
        if (!run) return run.error();
        if (!*run) continue;
        const auto params = nlohmann::json::parse((*run)->params, nullptr, false);
        if (params.is_object() && params.value("document", std::string()) == sha &&
            params.value("language", std::string()) == language)
            return *run;
    }
    return std::optional<TaskRunRecord>();
}

Result<TranslateResult> runTranslate(LocalEngine& engine, Store& store, const TranslateRequest& request,
                                     const TaskContext& ctx) {
    if (request.language.empty()) return make_error(ErrorCode::InvalidArgument, "no target language");
    const auto segments = segmentDocument(request.document,
                                          [&](std::string_view t) { return engine.countTokens(t); },
                                          static_cast<std::size_t>(request.maxSegmentTokens));
    TranslateResult out;
    out.segmentCount = segments.size();
    auto progress = startOrResume(engine, store, request, segments.size(), out);
    if (!progress) return progress.error();
    Progress& p = *progress;
    out.resumedFrom = p.next;
    if (p.next > 0) ctx.emit(assembleTranslation(segments, p.outputs));
    for (; p.next < segments.size(); ++p.next) {
        ctx.report("segment", static_cast<std::int64_t>(p.next), static_cast<std::int64_t>(segments.size()));
        auto text = ctx.cancelled() ? Result<std::optional<std::string>>(std::optional<std::string>())
                                    : translateSegment(engine, request, segments[p.next], p, ctx);
        if (!text) {
            (void)store.taskRuns().finish(out.runId, TaskRunStatus::Failed);
            return text.error();
        }
        if (!*text) {
            out.stopped = true;
            break;
        }
        const bool first = p.outputs.empty();
        p.outputs.push_back(**text);
        ++out.translatedNow;
        // The checkpoint holds this segment before anything else happens.
        LECTERN_TRY(store.taskRuns().saveCheckpoint(out.runId, checkpointJson({p.next + 1, p.outputs, p.glossary})));
        const auto& seg = segments[p.next];
        std::string piece = first ? "" : "\n\n";
        if (seg.startsUnit && seg.page > 0) piece += "--- page " + std::to_string(seg.page) + " ---\n\n";
        ctx.emit(piece + **text);
    }
    out.segments = p.outputs;
    out.glossary = p.glossary;
    out.text = assembleTranslation(segments, p.outputs);
    if (out.stopped) {
        LECTERN_TRY(store.taskRuns().finish(out.runId, TaskRunStatus::Stopped));
        return out;
    }
    ctx.report("segment", static_cast<std::int64_t>(segments.size()), static_cast<std::int64_t>(segments.size()));
    auto reply = makeMessage(out.sessionId, "assistant", out.text);
    LECTERN_TRY(store.messages().add(reply));
    LECTERN_TRY(store.taskRuns().finish(out.runId, TaskRunStatus::Complete));
    return out;
}

}  // namespace lectern::app
