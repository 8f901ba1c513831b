// AppCore, the application core the CLI, the window and the server share, on the tiny
// Llama 3.1 fixture: Stop through AppCore::cancel (no signal) reaches the engine's
// per-layer check, a stopped job keeps its partial answer and leaves the engine usable,
// sampling is carried from the request (a seed reproduces an answer; greedy is exact
// against the golden), and the input defects found on reading stay fixed: a question
// that is not UTF-8, a file name that is not UTF-8, a context past the trained one.
#include <condition_variable>
#include <mutex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app_core.h"
#include "cpu/golden_data.h"
#include "json_text.h"
#include "lectern/ingest/text_file.h"
#include "task_fixture.h"

namespace lectern::app::e2e {
namespace {

using namespace std::chrono_literals;

std::string longDocument(int paragraphs) {
    std::string text;
    for (int i = 0; i < paragraphs; ++i) text += paragraph(i) + "\n\n";
    return text;
}

class AppCoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        AppCoreOptions o;
        o.database = dir.path() / "lectern.db";
        o.snapshotDir = dir.path() / "kv";
        o.listener = queue.listener();
        auto c = AppCore::open(o);
        ASSERT_TRUE(c.ok()) << c.error().to_string();
        core = std::move(c.value());
    }

    EngineOptions tiny(std::int64_t nCtx = 4096) const {
        EngineOptions o;
        o.modelPath = tinyModel();
        o.nCtx = nCtx;
        o.threads = 2;
        o.chunk = 64;
        return o;
    }

    // Events of `job` until its final one (others are dropped).
    std::vector<JobEvent> follow(JobId job) {
        std::vector<JobEvent> events;
        for (;;) {
            auto e = queue.pop(60s);
            if (!e) {
                ADD_FAILURE() << "no final event for job " << job;
                return events;
            }
            if (e->job != job) continue;
            events.push_back(std::move(*e));
            if (events.back().isFinal()) return events;
        }
    }

    template <class T>
    T finished(JobId job) {
        auto events = follow(job);
        const JobEvent& last = events.back();
        if (const auto* f = std::get_if<JobFailed>(&last.payload)) ADD_FAILURE() << f->error.to_string();
        const T* value = finishedValue<T>(last);
        EXPECT_NE(value, nullptr) << "job " << job << " did not finish with its result";
        return value ? *value : T{};
    }

    ingest::testing::TempDir dir;
    JobEventQueue queue;
    std::unique_ptr<AppCore> core;
};

// Blocks the forward pass at one layer until the test has pressed Stop, and counts layers.
struct LayerGate {
    std::mutex mutex;
    std::condition_variable changed;
    std::int64_t layers = 0;
    std::int64_t stopAt = -1;  // the layer call (1-based) that waits
    bool reached = false;
    bool released = false;

    std::function<void(std::int64_t)> observer() {
        return [this](std::int64_t) {
            std::unique_lock lock(mutex);
            if (++layers != stopAt) return;
            reached = true;
            changed.notify_all();
            changed.wait(lock, [this] { return released; });
        };
    }
    // Waits for the gate, calls `stop`, lets the pass go on; returns the layers run by then.
    std::int64_t stopWhenReached(const std::function<void()>& stop) {
        std::unique_lock lock(mutex);
        if (!changed.wait_for(lock, 60s, [this] { return reached; })) return -1;
        stop();
        released = true;
        changed.notify_all();
        return layers;
    }
    std::int64_t count() {
        std::lock_guard lock(mutex);
        return layers;
    }
};

TEST_F(AppCoreTest, StopDuringALongPrefillEndsWithinALayerAndTheEngineTakesTheNextJob) {
    LayerGate gate;
    EngineOptions eo = tiny();
    eo.onLayer = gate.observer();
    const ModelInfo model = finished<ModelInfo>(core->openModel(eo));
    EXPECT_EQ(model.backend, "cpu");

    // About 2,000 tokens of documents: 30 forward passes of 64 tokens, 2 layers each. The
    // gate holds the 7th layer call (the 4th pass) until Stop was pressed.
    gate.stopAt = 7;
    AskRequest request;
    request.question = "What did the auditors ask for?";
    request.maxTokens = 8;
    const JobId job = core->ask(request, {dir.write("report.txt", longDocument(40))});
    const std::int64_t atStop = gate.stopWhenReached([&] { core->cancel(job); });
    ASSERT_EQ(atStop, 7) << "the prefill never reached the gate";
    auto events = follow(job);
    const std::int64_t after = gate.count() - atStop;
    std::printf("layers started after Stop: %lld (of %lld run in all)\n", static_cast<long long>(after),
                static_cast<long long>(gate.count()));
    // The check sits between layers: the layer that was running finishes, no other starts.
    EXPECT_LE(after, 1);
    std::int64_t lastDone = 0, total = 0;
    for (const auto& e : events)
        if (const auto* p = std::get_if<JobProgress>(&e.payload); p && p->phase == Phase::Prefill) {
            EXPECT_EQ(p->unit, ProgressUnit::Tokens);
            lastDone = p->done;
            total = p->total;
        }
    EXPECT_GT(total, 1500);
    EXPECT_LT(lastDone, total / 4) << "the prefill ran on after Stop";
    const auto* r = finishedValue<AskResult>(events.back());
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(r->stopped);
    EXPECT_EQ(r->answer, "");

    // The question is kept with its answer marked stopped.
    auto t = core->transcript(r->sessionId);
    ASSERT_TRUE(t.ok()) << t.error().to_string();
    ASSERT_EQ(t->messages.size(), 2u);
    EXPECT_EQ(t->messages[0].text, request.question);
    EXPECT_EQ(t->messages[1].status, MessageStatus::Stopped);

    // The same engine answers the next question in that session.
    AskRequest next;
    next.sessionId = r->sessionId;
    next.question = "And how many crates were shipped?";
    next.maxTokens = 4;
    next.sampling = SamplerOptions{};
    const AskResult second = finished<AskResult>(core->ask(next));
    EXPECT_FALSE(second.stopped);
    EXPECT_FALSE(second.stats.tokens.empty());
    t = core->transcript(r->sessionId);
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(t->messages.size(), 4u);
    EXPECT_EQ(t->messages[3].status, MessageStatus::Complete);
    core.reset();  // the engine calls the gate: it goes first
}

TEST_F(AppCoreTest, StopDuringTheAnswerKeepsThePartialAnswerStoredAsStopped) {
    finished<ModelInfo>(core->openModel(tiny()));
    AskRequest request;
    request.question = "Summarize the shipments.";
    request.maxTokens = 400;
    const JobId job = core->ask(request, {dir.write("memo.txt", longDocument(4))});
    std::string streamed;
    std::vector<JobEvent> events;
    bool stopped = false;
    for (;;) {
        auto e = queue.pop(60s);
        ASSERT_TRUE(e) << "no final event";
        if (auto* t = std::get_if<JobToken>(&e->payload)) {
            streamed += t->text;
            if (!stopped) core->cancel(job);  // Stop as soon as the answer shows
            stopped = true;
        }
        if (e->isFinal()) {
            events.push_back(std::move(*e));
            break;
        }
    }
    const auto* r = finishedValue<AskResult>(events.back());
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(r->stopped);
    EXPECT_FALSE(r->answer.empty());
    EXPECT_EQ(r->answer, streamed);
    EXPECT_LT(r->stats.tokens.size(), 400u);
    auto t = core->transcript(r->sessionId);
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(t->messages.size(), 2u);
    EXPECT_EQ(t->messages[1].text, r->answer);
    EXPECT_EQ(t->messages[1].status, MessageStatus::Stopped);
}

TEST_F(AppCoreTest, TheSameSeedGivesTheSameAnswerAndOtherSeedsDiffer) {
    finished<ModelInfo>(core->openModel(tiny()));
    const std::string doc = dir.write("memo.txt", longDocument(3));
    auto answer = [&](std::uint64_t seed) {
        AskRequest request;
        request.question = "What happened at the harbour?";
        request.maxTokens = 16;
        request.sampling.temperature = 1.0f;
        request.sampling.seed = seed;
        return finished<AskResult>(core->ask(request, {doc})).stats.tokens;
    };
    const auto first = answer(7);
    ASSERT_EQ(first.size(), 16u);
    EXPECT_EQ(answer(7), first);
    int differ = 0;
    for (std::uint64_t seed : {8, 9, 10}) differ += answer(seed) != first;
    EXPECT_GE(differ, 2);
}

// The path the tasks decode with, greedy, reproduces Hugging Face's greedy continuation.
TEST(AppCoreGolden, GreedyDecodingIsExactAgainstTheGolden) {
    const std::string folder = std::string(LECTERN_TEST_DATA) + "/models/llama31-tiny";
    auto golden = lectern::testing::GoldenFile::open(folder + "/golden.safetensors");
    ASSERT_TRUE(golden.ok()) << golden.error().to_string();
    auto prompt = golden->tokens("greedy.prompt");
    auto expected = golden->tokens("greedy.generated");
    ASSERT_TRUE(prompt.ok() && expected.ok());
    EngineOptions o;
    o.modelPath = folder;
    o.nCtx = 64;
    o.threads = 2;
    auto engine = LocalEngine::open(o);
    ASSERT_TRUE(engine.ok()) << engine.error().to_string();
    GenerateRequest request;
    request.maxTokens = static_cast<std::int64_t>(expected->size());
    ASSERT_LE(request.sampling.temperature, 0.0f) << "greedy is the default";
    auto g = (*engine)->complete(*prompt, request);
    ASSERT_TRUE(g.ok()) << g.error().to_string();
    EXPECT_EQ(g->tokens, *expected);
}

TEST_F(AppCoreTest, AQuestionThatIsNotUtf8IsRefusedAsMalformed) {
    finished<ModelInfo>(core->openModel(tiny()));
    AskRequest request;
    request.question = "\xff\xfe bad \xc3\x28";
    auto events = follow(core->ask(request, {dir.write("memo.txt", longDocument(2))}));
    const auto* failed = std::get_if<JobFailed>(&events.back().payload);
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->error.code, ErrorCode::Corrupt);
    EXPECT_NE(failed->error.message.find("not valid UTF-8"), std::string::npos);
}

TEST_F(AppCoreTest, AFileNameThatIsNotUtf8GivesAReadableTitleAndExports) {
    finished<ModelInfo>(core->openModel(tiny()));
    AskRequest request;
    request.question = "What is it about?";
    request.maxTokens = 2;
    const AskResult r = finished<AskResult>(core->ask(request, {dir.write("r\xe9sum\xe9.txt", longDocument(1))}));
    auto t = core->transcript(r.sessionId);
    ASSERT_TRUE(t.ok()) << t.error().to_string();
    EXPECT_TRUE(ingest::is_valid_utf8(t->session.title)) << t->session.title;
    EXPECT_NE(t->session.title.find("r\xEF\xBF\xBDsum\xEF\xBF\xBD"), std::string::npos) << t->session.title;
    // The document's path keeps its bytes; the export writes U+FFFD for them.
    const std::string json = dumpJson(transcriptJson(*t), 2);
    EXPECT_TRUE(ingest::is_valid_utf8(json));
    EXPECT_TRUE(nlohmann::json::parse(json, nullptr, false).is_object());
}

TEST_F(AppCoreTest, AContextPastTheTrainedOneIsRefusedUnlessForced) {
    EngineOptions o = tiny(8192);
    o.modelPath = std::string(LECTERN_TEST_DATA) + "/gguf/llama2-tiny-mha-F16.gguf";  // trained for 4096
    auto events = follow(core->openModel(o));
    const auto* failed = std::get_if<JobFailed>(&events.back().payload);
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->error.code, ErrorCode::InvalidArgument);
    EXPECT_NE(failed->error.message.find("4096"), std::string::npos) << failed->error.message;
    EXPECT_FALSE(core->model().has_value());
    o.ctxBeyondTraining = true;
    EXPECT_EQ(finished<ModelInfo>(core->openModel(o)).nCtx, 8192);
}

// The memory planner refuses a context that does not fit a given memory figure before the
// weights are mapped: the open reports only its first step (the tokenizer and the plan come
// before step 1, the weights), and says what would fit. With nCtx 0 a smaller figure gives
// the trained context in q8_0, and a smaller one still a lower context.
TEST(LocalEnginePlan, AContextThatDoesNotFitIsRefusedBeforeTheWeightsAreMapped) {
    EngineOptions o;
    o.modelPath = tinyModel();
    o.threads = 2;
    o.nCtx = 131072;
    o.kvType = KvType::F32;                     // 256 MiB of cache at 128K
    o.availableMemory = std::size_t{512} << 20;  // with 256 MiB of reserve: does not fit
    std::vector<std::int64_t> steps;
    auto refused = LocalEngine::open(o, [&](std::int64_t done, std::int64_t) { steps.push_back(done); });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::OutOfMemory);
    EXPECT_NE(refused.error().message.find("512.0 MiB free: use an 8-bit KV cache (--kv q8_0) or a "),
              std::string::npos)
        << refused.error().message;
    EXPECT_EQ(steps, std::vector<std::int64_t>{0}) << "the weights were loaded before the plan refused";

    o.nCtx = 0;
    o.kvType.reset();
    o.availableMemory = std::size_t{350} << 20;  // f16 at 128K needs about 399 MiB, q8_0 339
    auto fitted = LocalEngine::open(o);
    ASSERT_TRUE(fitted.ok()) << fitted.error().to_string();
    EXPECT_EQ((*fitted)->nCtx(), 131072);
    EXPECT_EQ((*fitted)->kvType(), KvType::Q8_0);
    EXPECT_NE((*fitted)->contextChoice().find("8-bit (q8_0) KV cache"), std::string::npos)
        << (*fitted)->contextChoice();
    o.availableMemory = std::size_t{280} << 20;
    auto lowered = LocalEngine::open(o);
    ASSERT_TRUE(lowered.ok()) << lowered.error().to_string();
    EXPECT_LT((*lowered)->nCtx(), 131072);
    EXPECT_EQ((*lowered)->nCtx() % 1024, 0);
    EXPECT_EQ((*lowered)->kvType(), KvType::Q8_0);
}

TEST_F(AppCoreTest, ATaskWithoutAModelFailsClearly) {
    AskRequest request;
    request.question = "Anything?";
    auto events = follow(core->ask(request, {dir.write("memo.txt", "text")}));
    const auto* failed = std::get_if<JobFailed>(&events.back().payload);
    ASSERT_NE(failed, nullptr);
    EXPECT_NE(failed->error.message.find("no model"), std::string::npos);
}

TEST_F(AppCoreTest, ReadingAFolderReportsFilesAndStopsBetweenThem) {
    finished<ModelInfo>(core->openModel(tiny()));
    const std::string folder = (dir.path() / "code").string();
    for (int i = 0; i < 5; ++i) dir.write("code/f" + std::to_string(i) + ".cpp", "int f" + std::to_string(i) + "();\n");
    const JobId job = core->readDocuments({folder});
    auto events = follow(job);
    std::vector<std::int64_t> files;
    for (const auto& e : events)
        if (const auto* p = std::get_if<JobProgress>(&e.payload)) {
            EXPECT_EQ(p->phase, Phase::Extract);
            EXPECT_EQ(p->unit, ProgressUnit::Files);
            files.push_back(p->done);
        }
    EXPECT_EQ(files, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
    const auto* read = finishedValue<DocumentsRead>(events.back());
    ASSERT_NE(read, nullptr);
    ASSERT_EQ(read->documents.size(), 1u);
    EXPECT_EQ(read->documents[0].units.size(), 5u);
    ASSERT_EQ(read->tokens.size(), 1u);
    EXPECT_GT(read->tokens[0], 5u);

    // Stop pressed when the second file is read: the walk ends there.
    AppCore* other = nullptr;
    AppCoreOptions o;
    o.database = dir.path() / "second.db";
    o.snapshots = false;
    JobEventQueue events2;
    o.listener = [&](const JobEvent& e) {
        if (const auto* p = std::get_if<JobProgress>(&e.payload); p && p->done == 2) other->cancel(e.job);
        events2.push(e);
    };
    auto c = AppCore::open(o);
    ASSERT_TRUE(c.ok());
    other = c->get();
    const JobId stopped = other->readDocuments({folder});
    other->waitIdle();
    std::int64_t last = 0;
    bool cancelled = false;
    for (const auto& e : events2.drain()) {
        EXPECT_EQ(e.job, stopped);
        if (const auto* p = std::get_if<JobProgress>(&e.payload)) last = p->done;
        cancelled = cancelled || std::holds_alternative<JobCancelled>(e.payload);
    }
    EXPECT_TRUE(cancelled);
    EXPECT_EQ(last, 2);
}

}  // namespace
}  // namespace lectern::app::e2e
