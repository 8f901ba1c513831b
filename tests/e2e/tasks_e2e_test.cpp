// Summarize and Ask end to end on the tiny fixture model: a PDF too big for the context is
// summarized by map-reduce with progress per chunk; a follow-up question prefills only its
// own tokens (counted at the backend); a new engine over the same documents starts from
// the documents' KV snapshot; another document never uses it.
#include <gtest/gtest.h>

#include "ask_task.h"
#include "summarize_task.h"
#include "task_documents.h"
#include "task_fixture.h"
#include "testing/pdf_maker.h"

namespace lectern::app::e2e {
namespace {

std::string writePdf(const ingest::testing::TempDir& dir, const std::string& name, int pages) {
    ingest::testing::TestPdf pdf;
    pdf.title = "Warehouse report";
    for (int p = 0; p < pages; ++p) {
        ingest::testing::TestPage page;
        for (int i = 0; i < 3; ++i) page.paragraphs.push_back(paragraph(p * 3 + i));
        pdf.pages.push_back(page);
    }
    const std::string path = dir.file(name);
    auto s = ingest::testing::write_test_pdf(path, pdf);
    EXPECT_TRUE(s.ok()) << s.error().to_string();
    return path;
}

std::vector<ingest::Document> read(const std::vector<std::string>& paths) {
    auto d = readDocuments(paths);
    EXPECT_TRUE(d.ok()) << d.error().to_string();
    return d ? std::move(d.value()) : std::vector<ingest::Document>{};
}

TEST_F(TaskTest, PdfTooBigForTheContextIsSummarizedByMapReduce) {
    auto engine = openTiny(512);
    ASSERT_TRUE(engine);
    SummarizeRequest request;
    request.documents = read({writePdf(dir, "report.pdf", 8)});
    ASSERT_EQ(request.documents.size(), 1u);
    ASSERT_EQ(request.documents[0].units.size(), 8u);
    request.maxTokens = 12;
    request.partTokens = 8;
    request.overlapTokens = 16;
    Recorder rec;
    auto r = runSummarize(*engine, *store, request, rec.context());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_TRUE(r->mapReduce);
    EXPECT_FALSE(r->stopped);
    const std::size_t total = engine->countTokens(request.documents[0].units[0].text) * 8;
    ASSERT_GE(r->chunkTokens.size(), 3u) << "8 pages of ~" << total / 8 << " tokens in a 512-token context";
    for (std::size_t t : r->chunkTokens) EXPECT_LT(static_cast<std::int64_t>(t), engine->nCtx());
    EXPECT_EQ(r->partSummaries.size(), r->chunkTokens.size());
    // One "map" progress event before each chunk and one at the end.
    EXPECT_EQ(rec.count("map"), static_cast<int>(r->chunkTokens.size()) + 1);
    // The final summary streamed and was stored as the session's answer.
    EXPECT_EQ(rec.streamed, r->summary);
    auto messages = store->messages().list(r->sessionId);
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 2u);
    EXPECT_EQ((*messages)[1].text, r->summary);
    EXPECT_EQ((*messages)[1].status, MessageStatus::Complete);
}

TEST_F(TaskTest, SmallDocumentIsSummarizedInOnePass) {
    auto engine = openTiny(2048);
    ASSERT_TRUE(engine);
    SummarizeRequest request;
    request.documents = read({writePdf(dir, "short.pdf", 1)});
    request.maxTokens = 8;
    Recorder rec;
    auto r = runSummarize(*engine, *store, request, rec.context());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_FALSE(r->mapReduce);
    EXPECT_EQ(rec.count("map"), 0);
    EXPECT_GT(r->promptTokens, static_cast<std::int64_t>(engine->countTokens(request.documents[0].units[0].text)));
}

TEST_F(TaskTest, FollowUpQuestionPrefillsOnlyItsOwnTokens) {
    auto engine = openTiny(1024);
    ASSERT_TRUE(engine);
    KvSnapshotCache snapshots(dir.path() / "kv", 1 << 30);
    AskRequest first;
    first.documents = read({writePdf(dir, "report.pdf", 2)});
    first.question = "How many crates were shipped?";
    first.maxTokens = 6;
    first.snapshots = &snapshots;
    Recorder rec;
    auto a = runAsk(*engine, *store, first, rec.context());
    ASSERT_TRUE(a.ok()) << a.error().to_string();
    EXPECT_EQ(a->contextSource, "prefill");
    EXPECT_EQ(a->contextPrefilled, a->prefixTokens);
    EXPECT_EQ(a->stats.prefilledTokens, a->questionTokens);
    EXPECT_GT(a->prefixTokens, 200);

    AskRequest follow;
    follow.sessionId = a->sessionId;
    follow.question = "And in which quarter?";
    follow.maxTokens = 6;
    follow.snapshots = &snapshots;
    const std::int64_t before = engine->forwardedTokens();
    auto b = runAsk(*engine, *store, follow, rec.context());
    ASSERT_TRUE(b.ok()) << b.error().to_string();
    EXPECT_EQ(b->contextSource, "memory");
    EXPECT_EQ(b->contextPrefilled, 0);
    EXPECT_EQ(b->stats.prefilledTokens, b->questionTokens);
    // Its own tokens: the question's text and the turn's header and end-of-turn tokens.
    EXPECT_GE(b->questionTokens, static_cast<std::int64_t>(engine->countTokens(follow.question)));
    EXPECT_LE(b->questionTokens, static_cast<std::int64_t>(engine->countTokens(follow.question)) + 16);
    // Everything the backend ran for the follow-up: its own tokens, the answer's decoded
    // tokens, and the answer's end of turn (closing it for the next question).
    const std::int64_t decoded = static_cast<std::int64_t>(b->stats.tokens.size()) - 1;
    const std::int64_t closing = b->stats.reason == StopReason::StopToken ? 1 : 2;
    EXPECT_EQ(engine->forwardedTokens() - before, b->questionTokens + decoded + closing);

    auto messages = store->messages().list(a->sessionId);
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 4u);
    EXPECT_EQ((*messages)[2].text, follow.question);
    EXPECT_EQ((*messages)[3].text, b->answer);
}

TEST_F(TaskTest, DocumentSnapshotIsReusedByANewEngineAndNeverForAnotherDocument) {
    KvSnapshotCache snapshots(dir.path() / "kv", 1 << 30);
    const auto pdfA = writePdf(dir, "a.pdf", 2);
    std::int64_t prefixA = 0;
    {
        auto engine = openTiny(1024);
        ASSERT_TRUE(engine);
        AskRequest r;
        r.documents = read({pdfA});
        r.question = "What was delayed?";
        r.maxTokens = 4;
        r.snapshots = &snapshots;
        Recorder rec;
        auto a = runAsk(*engine, *store, r, rec.context());
        ASSERT_TRUE(a.ok()) << a.error().to_string();
        prefixA = a->prefixTokens;
    }
    auto engine = openTiny(1024);
    ASSERT_TRUE(engine);
    Recorder rec;
    AskRequest same;  // a new session over the same document
    same.documents = read({pdfA});
    same.question = "Who asked for an inspection?";
    same.maxTokens = 4;
    same.snapshots = &snapshots;
    auto s = runAsk(*engine, *store, same, rec.context());
    ASSERT_TRUE(s.ok()) << s.error().to_string();
    EXPECT_EQ(s->contextSource, "document snapshot");
    EXPECT_EQ(s->prefixTokens, prefixA);
    EXPECT_EQ(s->contextPrefilled, 0);
    EXPECT_EQ(s->stats.prefilledTokens, s->questionTokens);

    // Another document: its prefix differs, so nothing saved for A may serve it.
    ingest::testing::TestPdf other;
    ingest::testing::TestPage page;
    page.paragraphs = {"An unrelated memo about the canteen menu and the opening hours of the library."};
    other.pages = {page, page};
    ASSERT_TRUE(ingest::testing::write_test_pdf(dir.file("b.pdf"), other).ok());
    AskRequest different;
    different.documents = read({dir.file("b.pdf")});
    different.question = same.question;
    different.maxTokens = 4;
    different.snapshots = &snapshots;
    auto d = runAsk(*engine, *store, different, rec.context());
    ASSERT_TRUE(d.ok()) << d.error().to_string();
    EXPECT_EQ(d->contextSource, "prefill");
    EXPECT_GT(d->contextPrefilled, 0);
    // All of B's text was prefilled: what the session kept from A is at most the shared
    // instructions before the documents, never A's text.
    EXPECT_GE(d->contextPrefilled,
              static_cast<std::int64_t>(engine->countTokens(different.documents[0].units[0].text)));
}

// A cancelled summary keeps the part summaries made, as a stopped answer. The same summary
// asked again continues the run: the two parts are kept, only the other chunks are
// summarized, in the same session. Another language is another run.
TEST_F(TaskTest, CancelledSummaryKeepsThePartsDoneAndResumesFromThem) {
    auto engine = openTiny(512);
    ASSERT_TRUE(engine);
    SummarizeRequest request;
    request.documents = read({writePdf(dir, "report.pdf", 8)});
    request.maxTokens = 8;
    request.partTokens = 6;
    Recorder rec;
    rec.cancelAt("map", 2);  // before the third chunk
    auto r = runSummarize(*engine, *store, request, rec.context());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_TRUE(r->stopped);
    ASSERT_EQ(r->partSummaries.size(), 2u);
    EXPECT_NE(r->summary.find("Part 2: "), std::string::npos);
    auto messages = store->messages().list(r->sessionId);
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 2u);
    EXPECT_EQ((*messages)[1].status, MessageStatus::Stopped);

    Recorder second;
    auto resumed = runSummarize(*engine, *store, request, second.context());
    ASSERT_TRUE(resumed.ok()) << resumed.error().to_string();
    EXPECT_FALSE(resumed->stopped);
    EXPECT_EQ(resumed->sessionId, r->sessionId);
    EXPECT_EQ(resumed->resumedParts, 2u);
    ASSERT_EQ(resumed->partSummaries.size(), resumed->chunkTokens.size());
    EXPECT_EQ(resumed->partSummaries[0], r->partSummaries[0]);
    EXPECT_EQ(resumed->partSummaries[1], r->partSummaries[1]);
    EXPECT_EQ(second.first("map"), 2);  // the first chunk it summarizes is the third
    expectOneCompleteRun(resumed->sessionId);

    request.language = "German";
    Recorder third;
    auto other = runSummarize(*engine, *store, request, third.context());
    ASSERT_TRUE(other.ok()) << other.error().to_string();
    EXPECT_NE(other->sessionId, r->sessionId);
    EXPECT_EQ(other->resumedParts, 0u);
}

TEST_F(TaskTest, CancelledAnswerIsKeptAsStopped) {
    auto engine = openTiny(1024);
    ASSERT_TRUE(engine);
    AskRequest request;
    request.documents = read({writePdf(dir, "report.pdf", 1)});
    request.question = "What happened?";
    request.maxTokens = 40;
    Recorder rec;
    rec.cancelAt("decode", 3);
    auto a = runAsk(*engine, *store, request, rec.context());
    ASSERT_TRUE(a.ok()) << a.error().to_string();
    if (a->stats.reason == StopReason::StopToken && a->stats.tokens.size() < 3)
        GTEST_SKIP() << "the model ended its answer before the third token";
    EXPECT_TRUE(a->stopped);
    EXPECT_EQ(a->stats.tokens.size(), 3u);
    EXPECT_EQ(a->answer, rec.streamed);
    auto messages = store->messages().list(a->sessionId);
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 2u);
    EXPECT_EQ((*messages)[1].status, MessageStatus::Stopped);
    EXPECT_EQ((*messages)[1].text, a->answer);
}

TEST_F(TaskTest, Llama2TemplateAsksByRenderingAndKeepsTheCommonPrefix) {
    auto engine = openTiny(1024, std::string(LECTERN_TEST_DATA) + "/gguf/llama2-tiny-mha-F16.gguf");
    ASSERT_TRUE(engine);
    AskRequest first;
    first.documents = read({writePdf(dir, "report.pdf", 1)});
    first.question = "How many crates?";
    first.maxTokens = 4;
    Recorder rec;
    auto a = runAsk(*engine, *store, first, rec.context());
    ASSERT_TRUE(a.ok()) << a.error().to_string();
    EXPECT_EQ(a->stats.prefilledTokens, a->stats.promptTokens);
    AskRequest follow;
    follow.sessionId = a->sessionId;
    follow.question = "Which quarter?";
    follow.maxTokens = 4;
    auto b = runAsk(*engine, *store, follow, rec.context());
    ASSERT_TRUE(b.ok()) << b.error().to_string();
    // The documents and the first exchange stay in the session; only what follows the
    // longest common prefix is prefilled.
    EXPECT_GT(b->stats.promptTokens, a->stats.promptTokens);
    EXPECT_LT(b->stats.prefilledTokens * 2, b->stats.promptTokens);
}

}  // namespace

// The report of 8 pages summarized in a 512-token context: map-reduce over several chunks.
Result<SummarizeResult> TaskTest::summarizeEightPages() {
    auto engine = openTiny(512);
    if (!engine) return make_error(ErrorCode::Internal, "the fixture model did not open");
    SummarizeRequest request;
    request.documents = read({writePdf(dir, "report.pdf", 8)});
    request.maxTokens = 8;
    request.partTokens = 6;
    Recorder rec;
    return runSummarize(*engine, *store, request, rec.context());
}

namespace {

// A checkpoint the store refuses (here a trigger stands in for a full disk) does not stop
// the summary, but the result says that resume is lost.
TEST_F(TaskTest, SummaryWhoseCheckpointCannotBeSavedSaysSo) {
    ASSERT_TRUE(store->database()
                    .exec("CREATE TRIGGER refuse_checkpoints BEFORE UPDATE OF checkpoint ON task_runs "
                          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
                    .ok());
    auto r = summarizeEightPages();
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ASSERT_TRUE(r->mapReduce);
    EXPECT_FALSE(r->stopped);
    ASSERT_EQ(r->notes.size(), 1u);
    EXPECT_NE(r->notes[0].find("could not save the task's checkpoint"), std::string::npos) << r->notes[0];
    EXPECT_NE(r->notes[0].find("start over"), std::string::npos) << r->notes[0];
}

// A summary that fails after its answer began (here a map prompt, overridden in the config
// folder, that no longer fits the context) leaves neither its run nor its answer "running".
TEST_F(TaskTest, SummaryThatFailsAfterItStartedIsMarkedFailed) {
    dir.write("config/prompts/summarize_map.txt", "{{chunk}}\n\n{{chunk}}\n\n{{chunk}}");
    ::setenv("LECTERN_CONFIG_DIR", dir.file("config").c_str(), 1);
    auto r = summarizeEightPages();
    ::unsetenv("LECTERN_CONFIG_DIR");
    ASSERT_FALSE(r.ok());
    auto sessions = store->sessions().list();
    ASSERT_TRUE(sessions.ok());
    ASSERT_EQ(sessions->size(), 1u);
    auto runs = store->taskRuns().list(sessions->front().id);
    ASSERT_TRUE(runs.ok());
    ASSERT_EQ(runs->size(), 1u);
    EXPECT_EQ((*runs)[0].status, TaskRunStatus::Failed);
    auto messages = store->messages().list(sessions->front().id);
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 2u);
    EXPECT_EQ((*messages)[1].status, MessageStatus::Failed);
}

}  // namespace
}  // namespace lectern::app::e2e
