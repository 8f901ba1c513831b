// Translate stopped halfway resumes from its SQLite checkpoint and finishes with every
// segment exactly once: the first run is cancelled when segment k is about to start, the
// second run (a new engine, as after a restart) translates only k..n-1.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "task_documents.h"
#include "task_fixture.h"
#include "translate_task.h"

namespace lectern::app::e2e {
namespace {

constexpr int kParagraphs = 6;
constexpr int kStopAt = 3;

ingest::Document textDocument(const ingest::testing::TempDir& dir) {
    std::string text;
    for (int i = 0; i < kParagraphs; ++i) text += paragraph(i) + "\n\n";
    auto d = readDocuments({dir.write("memo.txt", text)});
    EXPECT_TRUE(d.ok());
    return d->front();
}

}  // namespace

// A run of `request` on a new engine of `model` (as after a restart), stopped as segment
// `stopAt` is about to start (-1: not stopped).
Result<TranslateResult> TaskTest::translateOnNewEngine(const TranslateRequest& request, std::int64_t stopAt,
                                                       const std::string& model) {
    auto engine = openTiny(512, model);
    if (!engine) return make_error(ErrorCode::Internal, "the fixture model did not open");
    Recorder rec;
    if (stopAt >= 0) rec.cancelAt("translate", stopAt);
    return runTranslate(*engine, *store, request, rec.context());
}

namespace {

TEST_F(TaskTest, TranslationStoppedHalfwayResumesAndFinishesEverySegmentOnce) {
    TranslateRequest request;
    request.document = textDocument(dir);
    request.language = "German";
    request.maxOutputTokens = 6;
    std::int64_t runId = 0;
    {
        auto r = translateOnNewEngine(request, kStopAt);
        ASSERT_TRUE(r.ok()) << r.error().to_string();
        EXPECT_TRUE(r->stopped);
        EXPECT_EQ(r->segmentCount, static_cast<std::size_t>(kParagraphs));
        EXPECT_EQ(r->translatedNow, static_cast<std::size_t>(kStopAt));
        runId = r->runId;
        auto run = store->taskRuns().get(runId);
        ASSERT_TRUE(run.ok());
        EXPECT_EQ(run->status, TaskRunStatus::Stopped);
        EXPECT_EQ(nlohmann::json::parse(run->checkpoint)["next"].get<int>(), kStopAt);
    }
    auto engine = openTiny(512);
    ASSERT_TRUE(engine);
    Recorder rec;
    auto r = runTranslate(*engine, *store, request, rec.context());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_FALSE(r->stopped);
    EXPECT_EQ(r->runId, runId);
    EXPECT_EQ(r->resumedFrom, static_cast<std::size_t>(kStopAt));
    EXPECT_EQ(r->translatedNow, static_cast<std::size_t>(kParagraphs - kStopAt));
    ASSERT_EQ(r->segments.size(), static_cast<std::size_t>(kParagraphs));
    // The second run asked for segments kStopAt.. only, each once.
    std::vector<std::int64_t> started;
    for (const auto& [phase, done] : rec.progress)
        if (phase == "translate" && done < kParagraphs) started.push_back(done);
    EXPECT_EQ(started, (std::vector<std::int64_t>{3, 4, 5}));
    // The output holds the segments in order, separated as paragraphs, nothing twice.
    std::string expected;
    for (std::size_t i = 0; i < r->segments.size(); ++i) expected += (i ? "\n\n" : "") + r->segments[i];
    EXPECT_EQ(r->text, expected);
    auto run = store->taskRuns().get(runId);
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->status, TaskRunStatus::Complete);
    EXPECT_EQ(nlohmann::json::parse(run->checkpoint)["outputs"].size(), static_cast<std::size_t>(kParagraphs));
    // A finished translation is not resumed: the same request starts a new run.
    auto again = findUnfinishedTranslation(*store, {request.document.id, request.language, engine->modelId(),
                                                    request.maxSegmentTokens, r->segmentCount});
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->run.has_value());
    EXPECT_FALSE(again->otherSettings);
}

// A rerun with another segmentation or another model must not map the old outputs onto
// different segments: it starts a new run and says so, and the stopped run stays
// resumable with its own settings.
TEST_F(TaskTest, TranslationWithOtherSettingsStartsANewRunAndSaysSo) {
    TranslateRequest request;
    request.document = textDocument(dir);
    request.language = "German";
    request.maxOutputTokens = 4;
    std::int64_t stoppedRun = 0;
    {
        auto r = translateOnNewEngine(request, kStopAt);
        ASSERT_TRUE(r.ok()) << r.error().to_string();
        ASSERT_TRUE(r->stopped);
        EXPECT_TRUE(r->notes.empty());
        stoppedRun = r->runId;
    }
    const auto expectNewRun = [&](const TranslateResult& r) {
        EXPECT_NE(r.runId, stoppedRun);
        EXPECT_EQ(r.resumedFrom, 0u);
        EXPECT_EQ(r.translatedNow, r.segmentCount);
        ASSERT_EQ(r.notes.size(), 1u);
        EXPECT_NE(r.notes[0].find("another model or segmentation"), std::string::npos) << r.notes[0];
    };
    {
        // Smaller segments: sentences of one paragraph become segments of their own.
        TranslateRequest finer = request;
        finer.maxSegmentTokens = 24;
        auto r = translateOnNewEngine(finer);
        ASSERT_TRUE(r.ok()) << r.error().to_string();
        EXPECT_GT(r->segmentCount, static_cast<std::size_t>(kParagraphs));
        expectNewRun(*r);
    }
    {
        auto r = translateOnNewEngine(request, -1, otherTinyModel());
        ASSERT_TRUE(r.ok()) << r.error().to_string();
        expectNewRun(*r);
    }
    auto r = translateOnNewEngine(request);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->runId, stoppedRun);
    EXPECT_EQ(r->resumedFrom, static_cast<std::size_t>(kStopAt));
}

// A language name that is not UTF-8 is kept with U+FFFD in the run's key; the same name
// given again still finds its run.
TEST_F(TaskTest, TranslationIntoALanguageNamedInALegacyEncodingResumes) {
    TranslateRequest request;
    request.document = textDocument(dir);
    request.language = "Fran\xe7" "ais";
    request.maxOutputTokens = 4;
    auto stopped = translateOnNewEngine(request, kStopAt);
    ASSERT_TRUE(stopped.ok()) << stopped.error().to_string();
    ASSERT_TRUE(stopped->stopped);
    auto r = translateOnNewEngine(request);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->runId, stopped->runId);
    EXPECT_EQ(r->resumedFrom, static_cast<std::size_t>(kStopAt));
    EXPECT_TRUE(r->notes.empty());
}

}  // namespace
}  // namespace lectern::app::e2e
