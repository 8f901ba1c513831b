// Checkpoints of chunked tasks (see task_checkpoint.h).
#include "task_checkpoint.h"

#include "json_text.h"
#include "task_documents.h"

namespace lectern::app {

nlohmann::json documentIds(const std::vector<ingest::Document>& documents) {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& d : documents) ids.push_back(d.id);
    return ids;
}

Result<std::vector<std::string>> checkpointTexts(const std::string& checkpoint, const std::string& key,
                                                 std::size_t most) {
    const auto j = nlohmann::json::parse(checkpoint, nullptr, false);
    if (!j.is_object()) return make_error(ErrorCode::Corrupt, "a task checkpoint is not a JSON object");
    std::vector<std::string> texts;
    if (!j.contains(key)) return texts;
    if (!j[key].is_array()) return make_error(ErrorCode::Corrupt, "a task checkpoint's " + key + " is not a list");
    for (const auto& t : j[key]) {
        if (!t.is_string()) return make_error(ErrorCode::Corrupt, "a task checkpoint's " + key + " holds something not text");
        texts.push_back(t.get<std::string>());
    }
    if (texts.size() > most)
        return make_error(ErrorCode::Corrupt, "a task checkpoint holds more " + key + " than the task has chunks");
    return texts;
}

Status saveCheckpointTexts(Store& store, std::int64_t runId, const std::string& key,
                           const std::vector<std::string>& texts) {
    return store.taskRuns().saveCheckpoint(runId, dumpJson(nlohmann::json{{key, texts}}));
}

void noteCheckpointSave(const Status& saved, std::vector<std::string>& notes) {
    static constexpr std::string_view kNote = "could not save the task's checkpoint";
    if (saved) return;
    for (const auto& n : notes)
        if (n.starts_with(kNote)) return;
    notes.push_back(std::string(kNote) + " (" + saved.error().to_string() + "): if it is stopped now, it will start over");
}

RunFailureGuard::~RunFailureGuard() {
    if (!m_armed) return;
    // Best effort: the task is already returning an error, which is what the user sees.
    if (m_stream) (void)m_stream->finish(MessageStatus::Failed);  // before the stream goes
    (void)m_store.taskRuns().finish(m_runId, TaskRunStatus::Failed);
}

Result<ChunkedRun> startOrResumeRun(Store& store, const ChunkedRunSpec& spec,
                                    const std::vector<ingest::Document>& documents) {
    ChunkedRun run;
    const std::string params = dumpJson(spec.params);
    if (spec.resumable) {
        // (A run still going in another process is left to it; a killed process's run was
        // marked stopped when the store was opened.)
        auto found = store.taskRuns().latestResumable(spec.kind, params);
        if (!found) return found.error();
        if (*found) {
            auto done = checkpointTexts((*found)->checkpoint, spec.checkpointKey, spec.chunks);
            if (!done) return done.error();
            LECTERN_TRY(store.taskRuns().resume((*found)->id));
            run.runId = (*found)->id;
            run.sessionId = (*found)->sessionId;
            run.done = std::move(*done);
            return run;
        }
    }
    auto session = createTaskSession(store, spec.title, spec.model, documents);
    if (!session) return session.error();
    run.sessionId = *session;
    LECTERN_TRY(store.messages().add(makeMessage(run.sessionId, "user", spec.request)));
    auto id = store.taskRuns().start(run.sessionId, spec.kind, params);
    if (!id) return id.error();
    run.runId = *id;
    return run;
}

}  // namespace lectern::app
