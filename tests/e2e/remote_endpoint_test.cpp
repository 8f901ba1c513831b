// The remote endpoint client (app/remote/openai_endpoint.h) against two servers on
// loopback: `lectern-cli serve` over the tiny fixture (discovery, the server's own token
// count of a chat against the usage it reports, a streamed chat equal to the server's
// non-streamed answer, Stop), and a scripted server that misbehaves as real ones do: 429
// with Retry-After and 503 before the first token (tried again), a stream cut off without a
// finish reason and a 500 after the first token (never tried again), a context overflow
// (its limit read from the message), a refused key, an unknown model, and nothing
// listening at all.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>

#include "openai_endpoint.h"
#include "scripted_openai_server.h"
#include "serve_process.h"

namespace lectern::app::remote {
namespace {

using json = nlohmann::json;
using namespace std::chrono_literals;
using lectern::testing::Clock;
using lectern::testing::msSince;
using lectern::testing::ScriptedServer;

std::vector<ChatMessage> hello() { return {{"user", "Hello there"}}; }

TEST(RemoteEndpoint, AgainstLecternServeDiscoversCountsAndStreams) {
    lectern::testing::ServeProcess server("--ctx 2048");
    ASSERT_TRUE(server.start()) << server.stderrText();
    EndpointConfig config;
    config.baseUrl = "http://127.0.0.1:" + std::to_string(server.port()) + "/v1";
    OpenAiEndpoint endpoint(config);
    auto info = endpoint.discover();
    ASSERT_TRUE(info.ok()) << info.error().to_string();
    EXPECT_EQ(info->model, "llama31-tiny-Q4_0");
    EXPECT_EQ(info->maxModelLen, 2048);
    EXPECT_EQ(info->contextFrom, "max_model_len");
    EXPECT_TRUE(info->tokenizes);

    auto count = endpoint.countChat(hello());
    ASSERT_TRUE(count.ok()) << count.error().to_string();
    ChatCall call;
    call.messages = hello();
    call.maxTokens = 12;
    call.sampling.temperature = 0.8f;
    call.sampling.seed = 5;
    std::string pieces;
    auto streamed = endpoint.streamChat(call, [&](std::string_view p) { pieces += p; });
    ASSERT_TRUE(streamed.ok()) << streamed.error().to_string();
    EXPECT_EQ(streamed->text, pieces);
    EXPECT_EQ(streamed->finish, RemoteFinish::Length);
    EXPECT_EQ(streamed->completionTokens, 12);
    EXPECT_EQ(streamed->promptTokens, *count) << "the count before is what the server read";
    EXPECT_EQ(streamed->attempts, 1);
    // The same request not streamed, straight to the server: the same text.
    httplib::Client c("127.0.0.1", server.port());
    json body = {{"messages", {{{"role", "user"}, {"content", "Hello there"}}}}, {"max_tokens", 12},
                 {"temperature", 0.8}, {"top_p", 1.0}, {"seed", 5}};
    auto plain = c.Post("/v1/chat/completions", body.dump(), "application/json");
    ASSERT_TRUE(plain && plain->status == 200);
    EXPECT_EQ(json::parse(plain->body)["choices"][0]["message"]["content"], streamed->text);

    // Stop mid-answer: Cancelled, and the server is free at once for the next request.
    std::atomic<bool> stop{false};
    call.maxTokens = 1900;
    int seen = 0;
    auto stopped = endpoint.streamChat(call, [&](std::string_view) { stop = ++seen >= 3; }, &stop);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().code, ErrorCode::Cancelled);
    const auto t = Clock::now();
    call.maxTokens = 1;
    EXPECT_TRUE(endpoint.streamChat(call, {}).ok());
    EXPECT_LT(msSince(t), 1000.0);

    EndpointConfig wrongModel = config;
    wrongModel.model = "llama-405b";
    auto missing = OpenAiEndpoint(wrongModel).discover();
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_NE(missing.error().message.find("it has: llama31-tiny-Q4_0"), std::string::npos) << missing.error().message;
}

ChatCall callOf(std::int64_t maxTokens = 16) {
    ChatCall c;
    c.messages = hello();
    c.maxTokens = maxTokens;
    return c;
}

TEST(RemoteEndpoint, BusyAndFailingServersAreTriedAgainBeforeTheFirstToken) {
    ScriptedServer server;
    ScriptedServer::Answer busy;
    busy.status = 429;
    busy.retryAfter = "1";
    busy.body = R"({"error":{"message":"Too many requests"}})";
    ScriptedServer::Answer down;
    down.status = 503;
    down.body = "Service Unavailable";
    server.script({busy, down, ScriptedServer::ok("Bonjour tout le monde")});
    OpenAiEndpoint endpoint(server.config());
    const auto t = Clock::now();
    auto r = endpoint.streamChat(callOf(), {});
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->text, "Bonjour tout le monde");
    EXPECT_EQ(r->attempts, 3);
    EXPECT_EQ(server.requests(), 3);
    EXPECT_EQ(r->promptTokens, 9);
    EXPECT_GE(msSince(t), 1000.0) << "Retry-After: 1 was not waited for";

    // More failures than tries: the last one's words.
    server.script({down, down, down, down, down});
    auto spent = endpoint.streamChat(callOf(), {});
    ASSERT_FALSE(spent.ok());
    EXPECT_EQ(spent.error().code, ErrorCode::Io);
    EXPECT_NE(spent.error().message.find("HTTP 503: Service Unavailable"), std::string::npos) << spent.error().message;
    EXPECT_EQ(server.requests(), 4);  // the first try and three more
}

TEST(RemoteEndpoint, AfterTheFirstTokenNothingIsTriedAgain) {
    ScriptedServer server;
    ScriptedServer::Answer cut;
    cut.events = {ScriptedServer::text("Half an ans")};
    cut.cut = true;
    server.script({cut, ScriptedServer::ok("never asked for")});
    OpenAiEndpoint endpoint(server.config());
    std::string seen;
    auto r = endpoint.streamChat(callOf(), [&](std::string_view p) { seen += p; });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Io);
    EXPECT_NE(r.error().message.find("without a finish reason"), std::string::npos) << r.error().message;
    EXPECT_EQ(seen, "Half an ans");
    EXPECT_EQ(server.requests(), 1);

    // A finish reason but no [DONE]: cut off all the same.
    ScriptedServer::Answer noDone;
    noDone.events = {ScriptedServer::text("All"), ScriptedServer::finish("stop")};
    noDone.cut = true;
    server.script({noDone});
    auto r2 = endpoint.streamChat(callOf(), {});
    ASSERT_FALSE(r2.ok());
    EXPECT_NE(r2.error().message.find("[DONE]"), std::string::npos) << r2.error().message;
}

TEST(RemoteEndpoint, TheServersErrorsSayWhatToDo) {
    ScriptedServer server;
    ScriptedServer::Answer overflow;
    overflow.status = 400;
    overflow.body = json{{"error", {{"message", "This model's maximum context length is 512 tokens. However, you "
                                                "requested 900 tokens (884 in the messages, 16 in the completion)."},
                                    {"type", "invalid_request_error"},
                                    {"code", "context_length_exceeded"}}}}
                        .dump();
    server.script({overflow});
    OpenAiEndpoint endpoint(server.config());
    std::int64_t limit = -1;
    auto r = endpoint.streamChat(callOf(), {}, nullptr, &limit);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(limit, 512);
    EXPECT_EQ(server.requests(), 1) << "a context overflow is not tried again as it is";
    EXPECT_EQ(contextLimitIn("the request exceeds the available context size (n_ctx 4096 tokens)"), 4096);

    EndpointConfig wrongKey = server.config();
    wrongKey.apiKey = "sk-wrong";
    auto refused = OpenAiEndpoint(wrongKey).streamChat(callOf(), {});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NeedsPassword);
    EXPECT_NE(refused.error().message.find("Incorrect API key provided."), std::string::npos);

    auto info = endpoint.discover();
    ASSERT_TRUE(info.ok()) << info.error().to_string();
    EXPECT_EQ(info->model, "fake-70b");
    EXPECT_EQ(info->maxModelLen, 512);
    EXPECT_FALSE(info->tokenizes);  // it has no /tokenize
    auto count = endpoint.countChat(hello());
    ASSERT_FALSE(count.ok());
    EXPECT_EQ(count.error().code, ErrorCode::Unsupported);
}

TEST(RemoteEndpoint, NothingListeningIsConnectionRefusedAfterTheTries) {
    EndpointConfig config;
    config.baseUrl = "http://127.0.0.1:1/v1";
    config.backoff = 10ms;
    config.retries = 2;
    auto r = OpenAiEndpoint(config).streamChat(callOf(), {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Io);
    EXPECT_NE(r.error().message.find("connection refused"), std::string::npos) << r.error().message;
    auto info = OpenAiEndpoint(config).discover();
    ASSERT_FALSE(info.ok());
    EXPECT_NE(info.error().message.find("connection refused"), std::string::npos);
}

}  // namespace
}  // namespace lectern::app::remote
