// The API's shapes without HTTP: request bodies parsed into CompletionRequests (content as
// parts, sampling fields and their defaults, what is refused and why), and responses,
// chunks and errors as clients read them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_key.h"
#include "moderation.h"
#include "openai_protocol.h"
#include "openai_server.h"

namespace lectern::app::serve {
namespace {

using json = nlohmann::json;

TEST(OpenAiProtocol, AChatBodyBecomesMessagesSamplingAndStops) {
    GenerationCall call;
    const std::string body = R"({"model":"m","messages":[{"role":"developer","content":"Be brief."},
        {"role":"user","content":[{"type":"text","text":"Hello, "},{"type":"text","text":"there"}]}],
        "max_tokens":5,"temperature":0.5,"top_p":0.9,"top_k":-1,"min_p":0.05,"seed":42,"stop":"END",
        "stream":true,"stream_options":{"include_usage":true},"frequency_penalty":0})";
    ASSERT_FALSE(parseGeneration(body, true, call));
    ASSERT_EQ(call.request.messages.size(), 2u);
    EXPECT_EQ(call.request.messages[0].role, "system");
    EXPECT_EQ(call.request.messages[1].content, "Hello, there");
    EXPECT_EQ(call.request.maxTokens, 5);
    EXPECT_FLOAT_EQ(call.request.sampling.temperature, 0.5f);
    EXPECT_FLOAT_EQ(call.request.sampling.top_p, 0.9f);
    EXPECT_EQ(call.request.sampling.top_k, 0);
    EXPECT_FLOAT_EQ(call.request.sampling.min_p, 0.05f);
    EXPECT_EQ(call.request.sampling.seed, 42u);
    EXPECT_TRUE(call.seeded);
    EXPECT_EQ(call.request.stop, std::vector<std::string>{"END"});
    EXPECT_TRUE(call.stream);
    EXPECT_TRUE(call.includeUsage);
    EXPECT_EQ(call.model, "m");

    GenerationCall defaults;
    ASSERT_FALSE(parseGeneration(R"({"messages":[{"role":"user","content":"hi"}]})", true, defaults));
    EXPECT_FLOAT_EQ(defaults.request.sampling.temperature, 1.0f);  // the API's default, not greedy
    EXPECT_FALSE(defaults.seeded);
    EXPECT_FALSE(defaults.stream);
    EXPECT_EQ(defaults.request.maxTokens, 0);
}

TEST(OpenAiProtocol, ACompletionPromptIsTextOrTokenIds) {
    GenerationCall text, ids, listed;
    ASSERT_FALSE(parseGeneration(R"({"prompt":"Once upon"})", false, text));
    EXPECT_EQ(text.request.prompt, "Once upon");
    ASSERT_FALSE(parseGeneration(R"({"prompt":[1,2,3]})", false, ids));
    EXPECT_EQ(ids.request.promptIds, (std::vector<std::int32_t>{1, 2, 3}));
    ASSERT_FALSE(parseGeneration(R"({"prompt":["one prompt"]})", false, listed));
    EXPECT_EQ(listed.request.prompt, "one prompt");
    GenerationCall two;
    auto e = parseGeneration(R"({"prompt":["a","b"]})", false, two);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->param, "prompt");
}

TEST(OpenAiProtocol, WhatCannotBeHonouredIsRefusedNamingTheField) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"messages":[{"role":"user","content":"x"}],"n":2})", "n"},
        {R"({"messages":[{"role":"user","content":"x"}],"logprobs":true})", "logprobs"},
        {R"({"messages":[{"role":"user","content":"x"}],"frequency_penalty":0.5})", "frequency_penalty"},
        {R"({"messages":[{"role":"user","content":"x"}],"temperature":"hot"})", "temperature"},
        {R"({"messages":[{"role":"user","content":"x"}],"temperature":3})", "temperature"},
        {R"({"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function"}]})", "tools"},
        {R"({"messages":[{"role":"robot","content":"x"}]})", "messages"},
        {R"({"messages":[{"role":"user","content":[{"type":"image_url"}]}]})", "messages"},
        {R"({"messages":[]})", "messages"},
        {R"({"messages":[{"role":"user","content":"x"}],"max_tokens":0})", "max_tokens"},
        {R"({"messages":[{"role":"user","content":"x"}],"max_tokens":2.9})", "max_tokens"},
        {R"({"messages":[{"role":"user","content":"x"}],"n":1.5})", "n"},
        {R"({"messages":[{"role":"user","content":[{"type":1,"text":"x"}]}]})", "messages"},
        {R"({"messages":[{"role":"user","content":"x"}],"stream_options":{"include_usage":"yes"}})", "stream_options"},
        {R"({"messages":[{"role":"user","content":"x"}],"stream_options":"yes"})", "stream_options"},
        {R"({"messages":[{"role":"user","content":"x"}],"logit_bias":{"50256":-100}})", "logit_bias"},
        {R"({"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_object"}})", "response_format"},
        {R"({"messages":[{"role":"user","content":"x"}],"best_of":2})", "best_of"},
    };
    for (const auto& [body, param] : cases) {
        GenerationCall call;
        auto e = parseGeneration(body, true, call);
        ASSERT_TRUE(e) << body;
        EXPECT_EQ(e->status, 400) << body;
        EXPECT_EQ(e->param, param) << body;
    }
}

TEST(OpenAiProtocol, MalformedAndDeeplyNestedBodiesAre400sWithoutParsing) {
    GenerationCall call;
    auto e = parseGeneration("{not json", true, call);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->status, 400);
    const std::string deep(1 << 20, '[');
    EXPECT_TRUE(nestedDeeperThan(deep, 64));
    e = parseGeneration(deep, true, call);
    ASSERT_TRUE(e);
    EXPECT_NE(e->message.find("nested too deeply"), std::string::npos);
    EXPECT_FALSE(nestedDeeperThan(R"({"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})", 3));
    e = parseGeneration("[1,2]", true, call);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->message, "the request body must be a JSON object");
}

TEST(OpenAiProtocol, ResponsesAndChunksHaveTheShapesClientsRead) {
    const ResponseIds ids{"chatcmpl-abc", 1700000000, "tiny"};
    CompletionResult r;
    r.text = "Hi";
    r.finish = FinishReason::Length;
    r.promptTokens = 10;
    r.cachedTokens = 7;
    r.completionTokens = 5;
    const json body = json::parse(completionBody(ids, true, r));
    EXPECT_EQ(body["object"], "chat.completion");
    EXPECT_EQ(body["choices"][0]["message"]["role"], "assistant");
    EXPECT_EQ(body["choices"][0]["message"]["content"], "Hi");
    EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
    EXPECT_EQ(body["usage"]["total_tokens"], 15);
    EXPECT_EQ(body["usage"]["prompt_tokens_details"]["cached_tokens"], 7);

    const json role = json::parse(roleChunk(ids));
    EXPECT_EQ(role["object"], "chat.completion.chunk");
    EXPECT_EQ(role["choices"][0]["delta"]["role"], "assistant");
    EXPECT_TRUE(role["choices"][0]["finish_reason"].is_null());
    const json text = json::parse(textChunk(ids, true, "ello"));
    EXPECT_EQ(text["choices"][0]["delta"]["content"], "ello");
    EXPECT_FALSE(text["choices"][0]["delta"].contains("role"));
    const json finish = json::parse(finishChunk(ids, true, FinishReason::Stop));
    EXPECT_EQ(finish["choices"][0]["finish_reason"], "stop");
    EXPECT_TRUE(finish["choices"][0]["delta"].empty());
    const json usage = json::parse(usageChunk(ids, true, r));
    EXPECT_TRUE(usage["choices"].empty());
    EXPECT_EQ(usage["usage"]["completion_tokens"], 5);
    // One line each: an SSE event is "data: <json>\n\n".
    for (const std::string& chunk : {roleChunk(ids), textChunk(ids, true, "a\nb"), finishChunk(ids, false, r.finish)})
        EXPECT_EQ(chunk.find('\n'), std::string::npos) << chunk;

    const json completion = json::parse(completionBody({"cmpl-1", 1, "tiny"}, false, r));
    EXPECT_EQ(completion["object"], "text_completion");
    EXPECT_EQ(completion["choices"][0]["text"], "Hi");
}

TEST(OpenAiProtocol, ErrorsAndTheContextLimit) {
    const ApiError e = contextExceeded(1024, 1000, 100);
    EXPECT_EQ(e.status, 400);
    const json j = json::parse(errorBody(e));
    EXPECT_EQ(j["error"]["code"], "context_length_exceeded");
    EXPECT_EQ(j["error"]["type"], "invalid_request_error");
    EXPECT_NE(j["error"]["message"].get<std::string>().find("maximum context length is 1024 tokens"), std::string::npos);
    EXPECT_NE(j["error"]["message"].get<std::string>().find("1100 tokens (1000 in the messages, 100 in the completion)"),
              std::string::npos);
    ApiError plain;
    plain.message = "x";
    const json p = json::parse(errorBody(plain));
    EXPECT_TRUE(p["error"]["param"].is_null());
    EXPECT_TRUE(p["error"]["code"].is_null());
}

TEST(OpenAiProtocol, TokenizeTakesBothDialects) {
    TokenizeCall vllm, llamacpp, chat;
    ASSERT_FALSE(parseTokenize(R"({"model":"m","prompt":"abc"})", vllm));
    EXPECT_EQ(vllm.request.prompt, "abc");
    ASSERT_FALSE(parseTokenize(R"({"content":"abc","add_special":false})", llamacpp));
    EXPECT_EQ(llamacpp.request.prompt, "abc");
    EXPECT_FALSE(llamacpp.addSpecial);
    EXPECT_TRUE(vllm.addSpecial);
    ASSERT_FALSE(parseTokenize(R"({"messages":[{"role":"user","content":"abc"}]})", chat));
    EXPECT_TRUE(chat.chat);
    std::vector<std::int32_t> ids;
    ASSERT_FALSE(parseDetokenize(R"({"tokens":[5,6]})", ids));
    EXPECT_EQ(ids, (std::vector<std::int32_t>{5, 6}));
    ids.clear();
    EXPECT_TRUE(parseDetokenize(R"({"tokens":[-1]})", ids));
    const json t = json::parse(tokenizeBody({1, 2, 3}, 4096));
    EXPECT_EQ(t["count"], 3);
    EXPECT_EQ(t["max_model_len"], 4096);
    const json d = json::parse(detokenizeBody(std::string("ok\xff", 3)));  // invalid UTF-8 is replaced, not thrown
    EXPECT_EQ(d["prompt"], "ok\xEF\xBF\xBD");
    EXPECT_EQ(d["content"], d["prompt"]);
}

TEST(OpenAiServer, LoopbackIsANumericLoopbackAddressOrLocalhost) {
    for (const char* yes : {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"}) EXPECT_TRUE(isLoopback(yes)) << yes;
    for (const char* no : {"0.0.0.0", "10.0.0.1", "127.example.com", "::", "128.0.0.1", ""})
        EXPECT_FALSE(isLoopback(no)) << no;
}

TEST(ApiKey, BearerMatchesOnlyTheWholeKey) {
    EXPECT_TRUE(bearerMatches("s3cret", "Bearer s3cret"));
    EXPECT_FALSE(bearerMatches("s3cret", "Bearer s3cre"));
    EXPECT_FALSE(bearerMatches("s3cret", "Bearer s3cret2"));
    EXPECT_FALSE(bearerMatches("s3cret", "s3cret"));
    EXPECT_FALSE(bearerMatches("s3cret", "Basic s3cret"));
    EXPECT_FALSE(bearerMatches("s3cret", ""));
    EXPECT_FALSE(bearerMatches("", "Bearer "));
    EXPECT_TRUE(bearerMatches("s3cret", "bearer s3cret"));  // the scheme is case-insensitive
    EXPECT_FALSE(bearerMatches("s3cret", "Bearer S3CRET"));  // the key is not
}

}  // namespace
}  // namespace lectern::app::serve

namespace lectern::app::serve {
namespace {

JobEvent tokenEvent(JobId job, const char* text) { return JobEvent{job, JobToken{text}}; }
JobEvent finalEvent(JobId job) { return JobEvent{job, JobCancelled{}}; }

TEST(JobEventRouter, EachJobGetsItsOwnEventsAndAForgottenJobLeavesNothing) {
    JobEventRouter router;
    router.deliver(tokenEvent(1, "a"));
    router.deliver(tokenEvent(2, "b"));
    auto e = router.next(2, std::chrono::milliseconds(10));
    ASSERT_TRUE(e);
    EXPECT_EQ(std::get<JobToken>(e->payload).text, "b");
    EXPECT_FALSE(router.next(2, std::chrono::milliseconds(10)));  // job 1's event is not job 2's
    router.deliver(finalEvent(2));
    ASSERT_TRUE(router.next(2, std::chrono::milliseconds(10)));
    // Job 1's request goes: what came and what comes is dropped, up to its final event.
    router.forget(1);
    router.deliver(tokenEvent(1, "late"));
    EXPECT_EQ(router.held(), 1u);  // still waiting for its end
    router.deliver(finalEvent(1));
    EXPECT_EQ(router.held(), 0u);
    EXPECT_FALSE(router.next(1, std::chrono::milliseconds(10)));
}

// /v1/moderations: the inputs read, and each verdict as OpenAI's result: Llama Guard codes
// mapped onto OpenAI's categories (scores 1 or 0), the codes kept, malformed output flagged.
TEST(Moderation, InputsAreReadAndVerdictsWrittenInOpenAisShape) {
    std::vector<std::string> inputs;
    EXPECT_FALSE(parseModeration(R"({"input": "one"})", inputs));
    EXPECT_EQ(inputs, std::vector<std::string>{"one"});
    inputs.clear();
    EXPECT_FALSE(parseModeration(R"({"input": ["a", "b"], "model": "llama-guard"})", inputs));
    EXPECT_EQ(inputs.size(), 2u);
    for (const char* bad : {R"({})", R"({"input": []})", R"({"input": [1]})", R"({"input": " "})", "nope",
                            R"({"input": [{"type": "image_url"}]})"}) {
        std::vector<std::string> in;
        auto e = parseModeration(bad, in);
        ASSERT_TRUE(e) << bad;
        EXPECT_EQ(e->status, 400) << bad;
    }
    const auto verdict = [](const char* output) { return parseGuardOutput(output); };
    const auto body = nlohmann::json::parse(
        moderationBody("modr-1", "Llama-Guard-3-8B", {verdict("safe"), verdict("unsafe\nS1,S10,S7"), verdict("garbage")}));
    ASSERT_EQ(body["results"].size(), 3u);
    const auto& safe = body["results"][0];
    EXPECT_FALSE(safe["flagged"].get<bool>());
    EXPECT_EQ(safe["categories"].size(), 13u);
    EXPECT_EQ(safe["llama_guard"]["verdict"], "safe");
    const auto& unsafe = body["results"][1];
    EXPECT_TRUE(unsafe["flagged"].get<bool>());
    EXPECT_TRUE(unsafe["categories"]["violence"].get<bool>());
    EXPECT_TRUE(unsafe["categories"]["illicit/violent"].get<bool>());
    EXPECT_TRUE(unsafe["categories"]["hate"].get<bool>());
    EXPECT_FALSE(unsafe["categories"]["sexual"].get<bool>());
    EXPECT_EQ(unsafe["category_scores"]["hate"].get<double>(), 1.0);
    EXPECT_EQ(unsafe["llama_guard"]["categories"], nlohmann::json({"S1", "S10", "S7"}));  // S7 has no OpenAI twin
    const auto& malformed = body["results"][2];
    EXPECT_TRUE(malformed["flagged"].get<bool>());
    EXPECT_EQ(malformed["llama_guard"]["verdict"], "malformed");
    EXPECT_EQ(malformed["llama_guard"]["output"], "garbage");
}

}  // namespace
}  // namespace lectern::app::serve
