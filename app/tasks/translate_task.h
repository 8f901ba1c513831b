// Translate: a document translated segment by segment into a chosen language, keeping its
// paragraph and page structure, with a glossary of names and terms carried from segment to
// segment. After each segment the task run's checkpoint (SQLite) records the translations
// so far and the glossary, so Stop or a crash resumes at the first untranslated segment:
// running the same document into the same language again, with the same model and the same
// segmentation, continues the unfinished run. With another model or segmentation the old
// outputs would not line up with the new segments: a new run starts, and a note says so.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lectern/ingest/document.h"
#include "local_engine.h"
#include "store.h"
#include "task_context.h"
#include "task_sampling.h"
#include "translate_segments.h"

namespace lectern::app {

struct TranslateRequest {
    ingest::Document document;
    std::string language;                // "German", "de", ...
    std::int64_t maxSegmentTokens = 256; // source tokens per segment
    SamplerOptions sampling = defaultSampling(TaskKind::Translate);  // task_sampling.h
    std::int64_t maxOutputTokens = 0;    // per segment; 0: 2 x the segment + 64
};

struct TranslateResult {
    std::int64_t sessionId = 0;
    std::int64_t runId = 0;
    std::string text;                  // the translation so far, structure kept
    std::vector<std::string> segments; // one translation per segment done
    std::size_t segmentCount = 0;
    std::size_t resumedFrom = 0;       // segments done before this run
    std::size_t translatedNow = 0;     // segments this run generated
    bool stopped = false;
    Glossary glossary;
    std::vector<std::string> notes;    // e.g. an unfinished run not resumed, and why
};

// What identifies a translation run: only a run with all of these equal is resumed.
struct TranslationKey {
    std::string documentSha256;
    std::string language;
    std::string model;            // TaskEngine::modelId(): the file's identity
    std::int64_t segmentTokens = 0;
    std::size_t segments = 0;
};

struct UnfinishedTranslation {
    std::optional<TaskRunRecord> run;  // the run to resume, with exactly this key
    bool otherSettings = false;        // an unfinished run of the document and language exists,
                                       // made with another model or segmentation
};

Result<UnfinishedTranslation> findUnfinishedTranslation(Store& store, const TranslationKey& key);

Result<TranslateResult> runTranslate(TaskEngine& engine, Store& store,
                                     const TranslateRequest& request, const TaskContext& context);

}  // namespace lectern::app
