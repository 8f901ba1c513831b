// Translate: a document translated segment by segment into a chosen language, keeping its
// paragraph and page structure, with a glossary of names and terms carried from segment to
// segment. After each segment the task run's checkpoint (SQLite) records the translations
// so far and the glossary, so Stop or a crash resumes at the first untranslated segment:
// running the same document and language again continues the unfinished run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lectern/ingest/document.h"
#include "local_engine.h"
#include "store.h"
#include "task_context.h"
#include "translate_segments.h"

namespace lectern::app {

struct TranslateRequest {
    ingest::Document document;
    std::string language;                // "German", "de", ...
    std::int64_t maxSegmentTokens = 256; // source tokens per segment
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
};

// The unfinished translation of `documentSha256` into `language`, if one exists.
Result<std::optional<TaskRunRecord>> findUnfinishedTranslation(Store& store,
                                                               const std::string& documentSha256,
                                                               const std::string& language);

Result<TranslateResult> runTranslate(LocalEngine& engine, Store& store,
                                     const TranslateRequest& request, const TaskContext& context);

}  // namespace lectern::app
