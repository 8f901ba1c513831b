// Translate, checkpointed after every segment (see translate_task.h).
#include "translate_task.h"

#include <nlohmann/json.hpp>

#include "json_text.h"
#include "lectern/engine/tokenizer.h"
#include "prompts.h"
#include "task_checkpoint.h"
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
    return dumpJson(nlohmann::json{{"next", p.next}, {"outputs", p.outputs}, {"glossary", p.glossary}});
}

nlohmann::json keyJson(const TranslationKey& key) {
    return nlohmann::json{{"document", key.documentSha256}, {"language", key.language}, {"model", key.model},
                          {"segment_tokens", key.segmentTokens}, {"segments", key.segments}};
}

// Starts a new run, or takes over the unfinished one with the same key.
Result<Progress> startOrResume(TaskEngine& engine, Store& store, const TranslateRequest& request,
                               std::size_t segmentCount, TranslateResult& out) {
    // The language as the store keeps it (JSON text: bytes that are not UTF-8 become U+FFFD).
    const TranslationKey key{request.document.id, valid_utf8(request.language), engine.modelId(),
                             request.maxSegmentTokens, segmentCount};
    auto unfinished = findUnfinishedTranslation(store, key);
    if (!unfinished) return unfinished.error();
    if (unfinished->otherSettings && !unfinished->run)
        out.notes.push_back("an unfinished translation of this document into " + request.language +
                            " was made with another model or segmentation (or by an earlier version of "
                            "Lectern): its segments would not line up, so it is left as it was and a new one "
                            "starts");
    if (unfinished->run) {
        const auto& run = *unfinished->run;
        auto p = readCheckpoint(run.checkpoint, segmentCount);
        if (!p) return p.error();
        LECTERN_TRY(store.taskRuns().resume(run.id));
        out.sessionId = run.sessionId;
        out.runId = run.id;
        return p;
    }
    auto session = createTaskSession(store, "Translation into " + request.language,
                                     engine.modelName(), {request.document});
    if (!session) return session.error();
    out.sessionId = *session;
    // The request first, so that no error path leaves a run started and unguarded.
    LECTERN_TRY(store.messages().add(makeMessage(out.sessionId, "user", "Translate into " + request.language + ".")));
    auto run = store.taskRuns().start(out.sessionId, "translate", dumpJson(keyJson(key)));
    if (!run) return run.error();
    out.runId = *run;
    return Progress{};
}

// One segment's translation, or nothing when cancelled.
Result<std::optional<std::string>> translateSegment(TaskEngine& engine, const TranslateRequest& request,
                                                    const TranslateSegment& segment, Progress& p,
                                                    const TaskContext& ctx) {
    auto marks = paragraphMarks(request.document);
    if (!marks) return marks.error();
    auto system = renderPrompt("translate_system", {{"language", request.language},
                                                    {"glossary", glossaryText(p.glossary)},
                                                    {"paragraph_marks", *marks}});
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
    gr.sampling = request.sampling;
    gr.cancel = ctx.cancel;
    auto g = engine.complete(*prompt, gr);
    if (!g) return g.error();
    if (g->cancelled) return std::optional<std::string>();
    return std::optional<std::string>(takeGlossaryLines(g->text, p.glossary));
}

}  // namespace

Result<UnfinishedTranslation> findUnfinishedTranslation(Store& store, const TranslationKey& key) {
    auto sessions = store.sessions().list();
    if (!sessions) return sessions.error();
    const nlohmann::json wanted = keyJson(key);
    UnfinishedTranslation found;
    for (const auto& s : *sessions) {
        auto run = store.taskRuns().latestUnfinished(s.id, "translate");
        if (!run) return run.error();
        if (!*run) continue;
        const auto params = nlohmann::json::parse((*run)->params, nullptr, false);
        if (!params.is_object() || params.value("document", std::string()) != key.documentSha256 ||
            params.value("language", std::string()) != key.language)
            continue;
        if (params == wanted) {
            found.run = *run;
            return found;
        }
        found.otherSettings = true;
    }
    return found;
}

Result<TranslateResult> runTranslate(TaskEngine& engine, Store& store, const TranslateRequest& request,
                                     const TaskContext& ctx) {
    if (request.language.empty()) return make_error(ErrorCode::InvalidArgument, "no target language");
    const auto segments = segmentDocument(request.document,
                                          [&](std::string_view t) { return engine.countTokens(t); },
                                          static_cast<std::size_t>(request.maxSegmentTokens));
    TranslateResult out;
    out.segmentCount = segments.size();
    auto progress = startOrResume(engine, store, request, segments.size(), out);
    if (!progress) return progress.error();
    RunFailureGuard failed(store, out.runId);
    Progress& p = *progress;
    out.resumedFrom = p.next;
    if (p.next > 0) ctx.emitText(assembleTranslation(segments, p.outputs));
    for (; p.next < segments.size(); ++p.next) {
        ctx.report(Phase::Translate, static_cast<std::int64_t>(p.next), static_cast<std::int64_t>(segments.size()));
        auto text = ctx.cancelled() ? Result<std::optional<std::string>>(std::optional<std::string>())
                                    : translateSegment(engine, request, segments[p.next], p, ctx);
        if (!text) return text.error();
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
        ctx.emitText(piece + **text);
    }
    out.segments = p.outputs;
    out.glossary = p.glossary;
    out.text = assembleTranslation(segments, p.outputs);
    if (out.stopped) {
        failed.release();
        LECTERN_TRY(store.taskRuns().finish(out.runId, TaskRunStatus::Stopped));
        return out;
    }
    ctx.report(Phase::Translate, static_cast<std::int64_t>(segments.size()), static_cast<std::int64_t>(segments.size()));
    auto reply = makeMessage(out.sessionId, "assistant", out.text);
    LECTERN_TRY(store.messages().add(reply));
    failed.release();
    LECTERN_TRY(store.taskRuns().finish(out.runId, TaskRunStatus::Complete));
    return out;
}

}  // namespace lectern::app
