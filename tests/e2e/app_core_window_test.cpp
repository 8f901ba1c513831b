// What the window asks of AppCore beyond the tasks, on the tiny Llama 3.1 fixture: the
// budget planned before a question equals what Ask then prefills; a follow-up prefills only
// its own tokens; an answer given again keeps the earlier one and later turns see the newest;
// "what the model saw" is the prompt's exact tokens with every document page in it; a locked
// PDF is refused with NeedsPassword naming it and opens with its password; the model's
// footprint is the one inspect_model reports.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>

#include "app_core.h"
#include "database.h"
#include "lectern/engine/memory_plan.h"
#include "lectern/engine/model_info.h"
#include "testing/pdf_maker.h"
#include "testing/raw_pdf.h"
#include "task_fixture.h"

namespace lectern::app::e2e {
namespace {

using namespace std::chrono_literals;

class AppCoreWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        AppCoreOptions o;
        o.database = dir.path() / "lectern.db";
        o.snapshotDir = dir.path() / "kv";
        o.listener = queue.listener();
        auto c = AppCore::open(o);
        ASSERT_TRUE(c.ok()) << c.error().to_string();
        core = std::move(c.value());
        EngineOptions e;
        e.modelPath = tinyModel();
        e.nCtx = 4096;
        e.threads = 2;
        e.chunk = 64;
        e.onLayer = [this](std::int64_t) {
            if (const JobId job = stopAtLayer.exchange(0)) core->cancel(job);
        };
        ASSERT_NE(last(core->openModel(e)).value, nullptr);
    }

    struct Last {
        JobEvent event;
        const std::any* value = nullptr;
    };
    // The final event of `job` (earlier events and other jobs' are dropped).
    Last last(JobId job) {
        Last out;
        for (;;) {
            auto e = queue.pop(120s);
            if (!e) {
                ADD_FAILURE() << "no final event for job " << job;
                return out;
            }
            if (e->job != job || !e->isFinal()) continue;
            out.event = std::move(*e);
            if (const auto* f = std::get_if<JobFinished>(&out.event.payload)) out.value = &f->value;
            return out;
        }
    }
    template <class T>
    T value(JobId job) {
        Last l = last(job);
        if (const auto* f = std::get_if<JobFailed>(&l.event.payload)) ADD_FAILURE() << f->error.to_string();
        const T* v = finishedValue<T>(l.event);
        EXPECT_NE(v, nullptr);
        return v ? *v : T{};
    }
    std::int64_t sessionOf(const std::vector<std::string>& paths) {
        auto read = value<DocumentsRead>(core->readDocuments(paths));
        return value<std::int64_t>(core->createSession(read.documents));
    }
    AskResult ask(std::int64_t session, const std::string& question, bool regenerate = false) {
        AskRequest r;
        r.sessionId = session;
        r.question = question;
        r.regenerate = regenerate;
        r.maxTokens = 8;
        r.sampling = SamplerOptions{};  // greedy
        return value<AskResult>(core->ask(r));
    }

    ingest::testing::TempDir dir;
    JobEventQueue queue;
    std::unique_ptr<AppCore> core;
    std::atomic<JobId> stopAtLayer{0};  // cancelled at the next layer the engine runs
};

TEST_F(AppCoreWindowTest, DocumentsJoinASessionNobodyAskedInAndNeverTouchAnAskedOne) {
    auto read = value<DocumentsRead>(core->readDocuments({dir.write("a.txt", paragraph(1))}));
    const auto session = value<std::int64_t>(core->createSession(read.documents));
    auto more = value<DocumentsRead>(core->readDocuments({dir.write("b.txt", paragraph(2))}));
    EXPECT_EQ(value<std::int64_t>(core->addDocuments(session, more.documents)), session);
    auto docs = core->sessionDocuments(session);
    ASSERT_TRUE(docs.ok());
    EXPECT_EQ(docs->size(), 2u);

    ask(session, "What do they say?");
    auto third = value<DocumentsRead>(core->readDocuments({dir.write("c.txt", paragraph(3))}));
    const auto next = value<std::int64_t>(core->addDocuments(session, third.documents));
    EXPECT_NE(next, session);
    auto nextDocs = core->sessionDocuments(next);
    ASSERT_TRUE(nextDocs.ok());
    EXPECT_EQ(nextDocs->size(), 3u);
    auto t = core->transcript(session);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->messages.size(), 2u);  // the asked session keeps its question and answer
    EXPECT_EQ(core->sessionDocuments(session)->size(), 2u);
}

TEST_F(AppCoreWindowTest, ARegenerateStoppedBeforeItsFirstTokenKeepsTheEarlierAnswer) {
    const auto session = sessionOf({dir.write("memo.txt", paragraph(5))});
    const auto first = ask(session, "What is it about?");
    ASSERT_FALSE(first.answer.empty());
    AskRequest again;
    again.sessionId = session;
    again.regenerate = true;
    again.maxTokens = 8;
    const JobId job = core->ask(again);
    stopAtLayer = job;
    const Last l = last(job);
    const AskResult* r = finishedValue<AskResult>(l.event);
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(r->stopped);
    EXPECT_TRUE(r->answer.empty());
    auto t = core->transcript(session);
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(t->messages.size(), 2u);  // no empty version
    EXPECT_EQ(t->messages[1].text, first.answer);
    // The next question still has the earlier answer in its history. (Its token count can
    // differ by a few from the prompt view's: the kept conversation holds the tokens that
    // were sampled, the view encodes the stored text again.)
    const auto next = ask(session, "Thanks.");
    EXPECT_FALSE(next.answer.empty());
    t = core->transcript(session);
    const auto view = value<PromptView>(core->promptView(session, t->messages[2].id, 8));
    EXPECT_NE(view.text.find(first.answer), std::string::npos);
}

TEST_F(AppCoreWindowTest, OnlyAnAskSessionsAnswerIsGivenAgain) {
    SummarizeRequest s;
    auto read = value<DocumentsRead>(core->readDocuments({dir.write("memo.txt", paragraph(6))}));
    s.documents = read.documents;
    s.maxTokens = 8;
    const auto summary = value<SummarizeResult>(core->summarize(s));
    auto isAsk = core->isAskSession(summary.sessionId);
    ASSERT_TRUE(isAsk.ok());
    EXPECT_FALSE(*isAsk);
    AskRequest r;
    r.sessionId = summary.sessionId;
    r.regenerate = true;
    const Last l = last(core->ask(r));
    const auto* f = std::get_if<JobFailed>(&l.event.payload);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->error.code, ErrorCode::InvalidArgument);
}

TEST_F(AppCoreWindowTest, ThePlannedBudgetIsWhatAskPrefillsAndAFollowUpPrefillsOnlyItsOwnTokens) {
    const auto session = sessionOf({dir.write("memo.txt", paragraph(1) + "\n\n" + paragraph(2))});
    ASSERT_GT(session, 0);
    const auto plan = value<AskPlan>(core->planAsk(session, 8));
    EXPECT_EQ(plan.nCtx, 4096);
    EXPECT_TRUE(plan.fits);
    ASSERT_EQ(plan.documentTokens.size(), 1u);
    EXPECT_GT(plan.documentTokens[0], 0u);
    EXPECT_EQ(plan.historyTokens, 0);
    EXPECT_EQ(plan.used(), plan.prefixTokens + 8);

    const auto first = ask(session, "What is the memo about?");
    EXPECT_EQ(first.prefixTokens, plan.prefixTokens);
    EXPECT_EQ(first.stats.promptTokens, plan.prefixTokens + first.questionTokens);

    const auto after = value<AskPlan>(core->planAsk(session, 8));
    EXPECT_EQ(after.prefixTokens, plan.prefixTokens);
    EXPECT_GT(after.historyTokens, first.questionTokens);  // the question and its answer

    const auto second = ask(session, "And then?");
    EXPECT_EQ(second.contextSource, "memory");
    EXPECT_EQ(second.stats.prefilledTokens, second.questionTokens);
}

TEST_F(AppCoreWindowTest, RegenerateKeepsTheEarlierAnswerAndTheNewestIsTheOneLaterTurnsSee) {
    const auto session = sessionOf({dir.write("memo.txt", paragraph(3))});
    const auto first = ask(session, "Summarize the memo.");
    AskRequest sampled;
    sampled.sessionId = session;
    sampled.regenerate = true;
    sampled.maxTokens = 8;
    sampled.sampling.temperature = 1.0f;
    sampled.sampling.seed = 7;
    const auto again = value<AskResult>(core->ask(sampled));
    EXPECT_EQ(again.sessionId, session);
    EXPECT_FALSE(again.answer.empty());

    auto t = core->transcript(session);
    ASSERT_TRUE(t.ok());
    std::vector<std::string> roles;
    for (const auto& m : t->messages) roles.push_back(m.role);
    EXPECT_EQ(roles, (std::vector<std::string>{"user", "assistant", "assistant"}));
    EXPECT_EQ(t->messages[1].text, first.answer);
    EXPECT_EQ(t->messages[2].text, again.answer);

    // What the model saw for the question: its tokens, the page text, the question.
    const auto view = value<PromptView>(core->promptView(session, t->messages[0].id, 8));
    EXPECT_EQ(view.tokens, first.stats.promptTokens);
    EXPECT_NE(view.text.find(paragraph(3).substr(0, 40)), std::string::npos);
    EXPECT_NE(view.text.find("Summarize the memo."), std::string::npos);
    EXPECT_NE(view.text.find("<|start_header_id|>"), std::string::npos);
    ASSERT_EQ(view.units.size(), 1u);
    EXPECT_TRUE(view.units[0].included);

    // The next question's history holds one answer: the newest.
    ASSERT_NE(first.answer, again.answer) << "seed 7 happened to give the greedy answer";
    ask(session, "Thanks.");
    t = core->transcript(session);
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(t->messages.size(), 5u);
    const auto nextView = value<PromptView>(core->promptView(session, t->messages[3].id, 8));
    EXPECT_NE(nextView.text.find(again.answer), std::string::npos);
    EXPECT_EQ(nextView.text.find(first.answer), std::string::npos);
}

TEST_F(AppCoreWindowTest, RegenerateInASessionWithoutQuestionsIsRefused) {
    const auto session = sessionOf({dir.write("memo.txt", paragraph(4))});
    AskRequest r;
    r.sessionId = session;
    r.regenerate = true;
    const Last l = last(core->ask(r));
    const auto* f = std::get_if<JobFailed>(&l.event.payload);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->error.code, ErrorCode::InvalidArgument);
}

TEST_F(AppCoreWindowTest, ALockedPdfNeedsItsPasswordAndOpensWithIt) {
    const std::string plain = (dir.path() / "plain.pdf").string();
    const std::string locked = (dir.path() / "locked.pdf").string();
    ingest::testing::TestPdf pdf;
    ingest::testing::TestPage page;
    page.paragraphs = {"The quarterly revenue grew by twelve percent."};
    pdf.pages.push_back(page);
    ASSERT_TRUE(ingest::testing::write_test_pdf(plain, pdf).ok());
    const std::string command = "qpdf --encrypt open-sesame owner-pw 256 -- '" + plain + "' '" + locked + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);

    const Last refused = last(core->readDocuments({locked}));
    const auto* f = std::get_if<JobFailed>(&refused.event.payload);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->error.code, ErrorCode::NeedsPassword);
    EXPECT_NE(f->error.context.find("locked.pdf"), std::string::npos) << f->error.to_string();

    ReadOptions withPassword;
    withPassword.passwords[locked] = "open-sesame";
    const auto read = value<DocumentsRead>(core->readDocuments({locked}, withPassword));
    ASSERT_EQ(read.documents.size(), 1u);
    EXPECT_NE(read.documents[0].units.at(0).text.find("twelve percent"), std::string::npos);
    ASSERT_EQ(read.tokens.size(), 1u);
    EXPECT_GT(read.tokens[0], 0u);
}

TEST_F(AppCoreWindowTest, APagesVerdictIsStoredWithItsSession) {
    // Russian in windows-1251 shown through WinAnsiEncoding: re-decoded when read.
    const std::string ru = "Выручка компании выросла на двенадцать процентов за год.";
    std::string cp1251;
    for (const char* p = ru.c_str(); *p;) {  // the test's own tiny UTF-8 -> windows-1251 for Cyrillic
        const unsigned char a = static_cast<unsigned char>(p[0]);
        if (a < 0x80) {
            cp1251 += *p++;
            continue;
        }
        const unsigned cp = ((a & 0x1F) << 6) | (static_cast<unsigned char>(p[1]) & 0x3F);
        cp1251 += static_cast<char>(cp == 0x451 ? 0xB8 : cp - 0x410 + 0xC0);
        p += 2;
    }
    ingest::testing::RawPdf pdf;
    pdf.objects = {"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
    pdf.pages.push_back({"BT /F1 12 Tf 40 700 Td " + ingest::testing::pdf_literal(cp1251) + " Tj ET",
                         "<< /Font << /F1 10 0 R >> >>"});
    const std::string path = (dir.path() / "ru.pdf").string();
    ASSERT_TRUE(ingest::testing::write_raw_pdf(path, pdf).ok());
    const auto session = sessionOf({path});
    auto docs = core->sessionDocuments(session);
    ASSERT_TRUE(docs.ok());
    ASSERT_EQ(docs->size(), 1u);
    EXPECT_EQ(docs->front().units.at(0).text, ru);
    EXPECT_EQ(docs->front().units.at(0).quality.redecoded_from, "windows-1251");
}

TEST_F(AppCoreWindowTest, ADocumentKeptByAnOlderReaderIsReadAgainWhenAddedAgain) {
    const std::string memo = dir.write("memo.txt", paragraph(4));
    const auto first = sessionOf({memo});
    {
        // What an older Lectern kept: other text, no reader version, fields of other types.
        auto db = Database::open((dir.path() / "lectern.db").string());
        ASSERT_TRUE(db.ok()) << db.error().to_string();
        ASSERT_TRUE(db->exec("UPDATE documents SET reader_version = 0, "
                             "metadata = '{\"units\":[{\"page\":\"one\",\"label\":7,\"noTextLayer\":\"yes\","
                             "\"ocr\":{\"lang\":1}}]}'").ok());
        ASSERT_TRUE(db->exec("UPDATE units SET text = 'Text from an older reader.'").ok());
    }
    // Fields of the wrong type read as their defaults; nothing throws on the caller's thread.
    auto old = core->sessionDocuments(first);
    ASSERT_TRUE(old.ok()) << old.error().to_string();
    ASSERT_EQ(old->size(), 1u);
    ASSERT_EQ(old->front().units.size(), 1u);
    EXPECT_EQ(old->front().units[0].text, "Text from an older reader.");
    EXPECT_EQ(old->front().units[0].page, 0);
    EXPECT_FALSE(old->front().units[0].no_text_layer);
    EXPECT_EQ(old->front().units[0].quality.ocr_confidence, -1);

    // Dropped in again: this reader's text replaces the old in the same stored document, so
    // the first session sees it too.
    const auto second = sessionOf({memo});
    auto again = core->sessionDocuments(second);
    ASSERT_TRUE(again.ok());
    ASSERT_EQ(again->size(), 1u);
    EXPECT_EQ(again->front().units.at(0).text, paragraph(4));
    EXPECT_EQ(core->sessionDocuments(first)->front().units.at(0).text, paragraph(4));
}

TEST(AppCoreFootprint, IsWhatInspectModelReportsAtTheChosenContext) {
    auto info = inspect_model(tinyModel());
    ASSERT_TRUE(info.ok());
    auto f16 = AppCore::footprint(tinyModel(), 8192, KvType::F16);
    ASSERT_TRUE(f16.ok()) << f16.error().to_string();
    EXPECT_EQ(f16->weightsBytes, info->weights_bytes);
    EXPECT_EQ(f16->kvBytes, info->memory(8192).kv_cache_f16_bytes);
    EXPECT_EQ(f16->nCtxTrain, info->config.n_ctx_train);
    auto f32 = AppCore::footprint(tinyModel(), 8192, KvType::F32);
    ASSERT_TRUE(f32.ok());
    EXPECT_EQ(f32->kvBytes, 2 * f16->kvBytes);
    EXPECT_TRUE(f16->fits);  // a few MiB
    EXPECT_EQ(AppCore::footprint("/nonexistent/model.gguf", 8192, KvType::F16).error().code, ErrorCode::NotFound);
}

// The picker's footprint is the local engine's plan (weights, KV cache, scratch and reserve):
// what it refuses, it refuses with the planner's message; what it chooses automatically,
// the engine opens with.
TEST(AppCoreFootprint, AModelThatDoesNotFitIsRefusedWithThePlannersAdvice) {
    auto info = inspect_model(tinyModel());
    ASSERT_TRUE(info.ok());
    const std::size_t unknown = 0;  // nothing to plan against: the request's own size
    auto at32K = AppCore::footprint(tinyModel(), 32768, KvType::F32, unknown);
    ASSERT_TRUE(at32K.ok());
    EXPECT_TRUE(at32K->fits);
    EXPECT_EQ(at32K->kvBytes, kv_cache_bytes(info->config, KvType::F32, 32768));
    EXPECT_GT(at32K->otherBytes, 0u);
    // Room for 128K in 32 bits? Only for 32K: the 8-bit cache at 128K needs more than that too.
    auto f = AppCore::footprint(tinyModel(), 131072, KvType::F32, at32K->totalBytes());
    ASSERT_TRUE(f.ok());
    EXPECT_FALSE(f->fits);
    EXPECT_EQ(f->kvBytes, 4 * kv_cache_bytes(info->config, KvType::F32, 32768));
    EXPECT_EQ(f->advice.rfind("needs " + format_bytes(f->totalBytes()) + ", " + format_bytes(at32K->totalBytes()) +
                                  " free: use a 32K context",
                              0),
              0u)
        << f->advice;
    EXPECT_EQ(f->advice.find("8-bit"), std::string::npos) << f->advice;
    // With room for the 8-bit cache at 128K, that is offered first.
    auto q8 = AppCore::footprint(tinyModel(), 131072, KvType::Q8_0, unknown);
    ASSERT_TRUE(q8.ok());
    auto g = AppCore::footprint(tinyModel(), 131072, KvType::F32, q8->totalBytes());
    ASSERT_TRUE(g.ok());
    EXPECT_FALSE(g->fits);
    EXPECT_NE(g->advice.find(": use an 8-bit KV cache"), std::string::npos) << g->advice;
    // Too little even for the weights.
    auto h = AppCore::footprint(tinyModel(), 4096, KvType::F16, info->weights_bytes / 2);
    ASSERT_TRUE(h.ok());
    EXPECT_FALSE(h->fits);
    EXPECT_NE(h->advice.find("the weights and scratch alone need"), std::string::npos) << h->advice;
}

TEST(AppCoreFootprint, AutomaticIsTheTrainedContextInTheCacheThatFits) {
    auto info = inspect_model(tinyModel());
    ASSERT_TRUE(info.ok());
    const std::int64_t trained = info->config.n_ctx_train;
    ASSERT_GE(trained, 8192);
    const std::size_t unknown = 0;
    auto f16 = AppCore::footprint(tinyModel(), trained, KvType::F16, unknown);
    auto q8 = AppCore::footprint(tinyModel(), trained, KvType::Q8_0, unknown);
    ASSERT_TRUE(f16.ok() && q8.ok());
    // Room for everything in 16 bits: the trained context, 16-bit.
    auto roomy = AppCore::footprint(tinyModel(), 0, std::nullopt, f16->totalBytes());
    ASSERT_TRUE(roomy.ok());
    EXPECT_TRUE(roomy->fits);
    EXPECT_EQ(roomy->nCtx, trained);
    EXPECT_EQ(roomy->kvType, KvType::F16);
    // Room for the 8-bit cache only: the trained context, 8-bit, and the line says why.
    auto tight = AppCore::footprint(tinyModel(), 0, std::nullopt, q8->totalBytes());
    ASSERT_TRUE(tight.ok());
    EXPECT_TRUE(tight->fits);
    EXPECT_EQ(tight->nCtx, trained);
    EXPECT_EQ(tight->kvType, KvType::Q8_0);
    EXPECT_EQ(tight->totalBytes(), q8->totalBytes());
    EXPECT_NE(tight->choice.find("f16 at " + context_name(trained) + " would need " + format_bytes(f16->totalBytes())),
              std::string::npos)
        << tight->choice;
    // 16 bits chosen by the user in the same memory: a smaller context instead.
    auto fixed = AppCore::footprint(tinyModel(), 0, KvType::F16, q8->totalBytes());
    ASSERT_TRUE(fixed.ok());
    EXPECT_TRUE(fixed->fits);
    EXPECT_EQ(fixed->kvType, KvType::F16);
    EXPECT_LT(fixed->nCtx, trained);
    EXPECT_GE(fixed->nCtx, trained / 4);  // 2 bytes a value instead of 34/32: about half the context fits
    EXPECT_LE(fixed->totalBytes(), q8->totalBytes());
}

}  // namespace
}  // namespace lectern::app::e2e
