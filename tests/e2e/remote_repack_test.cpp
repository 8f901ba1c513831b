// The tasks on a remote engine whose server lists a larger context than it enforces (as a
// llama.cpp server with several slots does): the first prompt, packed for the listed 4096
// tokens, is refused with context_length_exceeded naming 1024; the documents are packed
// again for 1024 and the task runs once more, every later prompt within the real limit,
// with no trace of the refused attempt in the store but a note saying what happened.
// And a tokenizer that is not the server's is refused when the engine opens; a server that
// read fewer prompt tokens than were sent is said to have truncated the prompt.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>

#include "app_core.h"
#include "remote_engine.h"
#include "scripted_openai_server.h"
#include "task_fixture.h"

namespace lectern::app::e2e {
namespace {

using namespace std::chrono_literals;
using lectern::testing::ScriptedServer;

constexpr std::int64_t kListed = 4096;
constexpr std::int64_t kReal = 1024;

class RemoteRepackTest : public ::testing::Test {
protected:
    void SetUp() override {
        AppCoreOptions o;
        o.database = dir.path() / "lectern.db";
        o.listener = queue.listener();
        auto c = AppCore::open(o);
        ASSERT_TRUE(c.ok()) << c.error().to_string();
        core = std::move(c.value());
        server.script({}, ScriptedServer::ok("A short answer."));
        auto tokenizer = Tokenizer::load(tinyModel());
        ASSERT_TRUE(tokenizer.ok());
        // The server's tokenizer is the model's, and it adds BOS to a text prompt.
        server.countText = [t = std::shared_ptr<Tokenizer>(std::move(tokenizer.value()))](const std::string& text) {
            return static_cast<std::int64_t>(t->count(text)) + 1;
        };
        RemoteOptions remote;
        remote.endpoint = server.config();
        remote.tokenizerPath = tinyModel();
        auto opened = finished<ModelInfo>(core->openRemote(remote));
        ASSERT_EQ(opened.nCtx, kListed);
        server.script({}, ScriptedServer::ok("A short answer."));  // the tokenizer check's probe off the log
        std::string text;
        for (int i = 0; i < 24; ++i) text += paragraph(i) + "\n\n";
        document = (dir.path() / "board.txt").string();
        std::ofstream(document) << text;
        // The premise: the document fits the listed context and not the real one.
        const auto n = server.countText(text) - 1;
        ASSERT_GT(n, kReal);
        ASSERT_LT(n, kListed - 1024);
    }

    template <class T>
    T finished(JobId job) {
        for (;;) {
            auto e = queue.pop(60s);
            if (!e) {
                ADD_FAILURE() << "no final event for job " << job;
                return T{};
            }
            if (e->job != job || !e->isFinal()) continue;
            if (const auto* f = std::get_if<JobFailed>(&e->payload)) ADD_FAILURE() << f->error.to_string();
            const T* value = finishedValue<T>(*e);
            EXPECT_NE(value, nullptr) << "job " << job << " did not finish with its result";
            return value ? *value : T{};
        }
    }

    // Exactly one refused request, the first, and every later one within the real context.
    void expectOneRefusalThenWithin() {
        const auto log = server.log();
        ASSERT_GE(log.size(), 2u);
        EXPECT_TRUE(log.front().refused) << log.front().promptTokens << " prompt tokens";
        EXPECT_GT(log.front().promptTokens, kReal) << "packed for the listed context first";
        for (std::size_t i = 1; i < log.size(); ++i) {
            EXPECT_FALSE(log[i].refused) << "request " << i;
            EXPECT_LE(log[i].promptTokens + log[i].maxTokens, kReal) << "request " << i;
        }
    }

    static bool mentionsRepack(const std::vector<std::string>& notes) {
        for (const auto& n : notes)
            if (n.find("context is 1024 tokens, less than it said") != std::string::npos) return true;
        return false;
    }

    ingest::testing::TempDir dir;
    JobEventQueue queue;
    std::unique_ptr<AppCore> core;
    ScriptedServer server{kListed, kReal};
    std::string document;  // its path
};

TEST_F(RemoteRepackTest, SummarizeIsPackedAgainForTheLimitTheServerGave) {
    SummarizeRequest request;
    request.maxTokens = 128;
    const auto r = finished<SummarizeResult>(core->summarize(request, {document}));
    EXPECT_EQ(r.summary, "A short answer.");
    EXPECT_GT(r.partSummaries.size(), 1u) << "1024 tokens cannot hold the document: map-reduce";
    EXPECT_TRUE(mentionsRepack(r.notes));
    expectOneRefusalThenWithin();
    auto sessions = core->sessions();
    ASSERT_TRUE(sessions.ok());
    ASSERT_EQ(sessions->size(), 1u) << "the refused attempt's session is gone";
    EXPECT_EQ(sessions->front().id, r.sessionId);
}

TEST_F(RemoteRepackTest, AskIsPackedAgainOnceAndTheNextQuestionFitsAtOnce) {
    AskRequest request;
    request.question = "How many crates were shipped?";
    request.maxTokens = 64;
    const auto first = finished<AskResult>(core->ask(request, {document}));
    EXPECT_EQ(first.answer, "A short answer.");
    EXPECT_EQ(first.contextSource, "server");
    EXPECT_TRUE(mentionsRepack(first.notes));
    expectOneRefusalThenWithin();
    EXPECT_EQ(server.log().size(), 2u);
    auto transcript = core->transcript(first.sessionId);
    ASSERT_TRUE(transcript.ok()) << transcript.error().to_string();
    const auto& messages = transcript->messages;
    ASSERT_EQ(messages.size(), 2u) << "one question, one answer";
    EXPECT_EQ(messages[0].text, request.question);
    EXPECT_EQ(messages[1].text, first.answer);

    // The engine's context is the real one now: the follow-up is packed for it at once.
    server.script({}, ScriptedServer::ok("Another answer."));
    AskRequest followUp;
    followUp.sessionId = first.sessionId;
    followUp.question = "And in which quarter?";
    followUp.maxTokens = 64;
    const auto second = finished<AskResult>(core->ask(followUp));
    EXPECT_EQ(second.answer, "Another answer.");
    EXPECT_FALSE(mentionsRepack(second.notes));
    const auto log = server.log();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_FALSE(log[0].refused);
    EXPECT_LE(log[0].promptTokens + log[0].maxTokens, kReal);
}

TEST(RemoteTokenizerCheck, ATokenizerThatIsNotTheServersIsRefusedWhenTheEngineOpens) {
    ScriptedServer server(kListed);
    server.script({}, ScriptedServer::ok("Hello."));
    server.countText = [](const std::string&) { return std::int64_t{3}; };
    RemoteOptions remote;
    remote.endpoint = server.config();
    remote.tokenizerPath = tinyModel();
    auto opened = RemoteEngine::open(remote);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(opened.error().message.find("is not the one of the server's model"), std::string::npos)
        << opened.error().message;
    EXPECT_NE(opened.error().message.find("the server counts 3"), std::string::npos) << opened.error().message;
    EXPECT_EQ(server.log().size(), 1u) << "one probe, one token generated";
    EXPECT_EQ(server.log().front().maxTokens, 1);
}

// A server that read fewer prompt tokens than it was sent (Ollama cuts a long prompt to its
// num_ctx without a word) is caught from its usage, and the user is told.
TEST(RemoteTokenizerCheck, AServerThatTruncatedThePromptIsCaughtFromItsUsage) {
    ScriptedServer server(kListed);
    server.countText = [](const std::string& text) {
        auto t = Tokenizer::load(tinyModel());
        return t ? static_cast<std::int64_t>((*t)->count(text)) + 1 : std::int64_t{0};
    };
    server.script({}, ScriptedServer::ok("Fine."));
    RemoteOptions remote;
    remote.endpoint = server.config();
    remote.tokenizerPath = tinyModel();
    auto engine = RemoteEngine::open(remote);
    ASSERT_TRUE(engine.ok()) << engine.error().to_string();
    const std::vector<std::int32_t> prompt((*engine)->tokenizer().encode("The board met on Monday and Tuesday."));
    GenerateRequest request;
    request.maxTokens = 8;
    auto whole = (*engine)->complete(prompt, request);
    ASSERT_TRUE(whole.ok()) << whole.error().to_string();
    EXPECT_EQ(whole->text, "Fine.");
    ScriptedServer::Answer cut = ScriptedServer::ok("Fine.");
    cut.usagePrompt = 3;
    server.script({cut});
    auto truncated = (*engine)->complete(prompt, request);
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().code, ErrorCode::Io);
    EXPECT_NE(truncated.error().message.find("the server read 3 of the " + std::to_string(prompt.size()) +
                                             " prompt tokens sent: it truncated the prompt"),
              std::string::npos)
        << truncated.error().message;
}

}  // namespace
}  // namespace lectern::app::e2e
