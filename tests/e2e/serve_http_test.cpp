// `lectern-cli serve` in its own process on loopback, over the tiny Llama 3.1 fixture, as
// HTTP clients see it: the exact SSE framing; the errors hostile or careless requests get
// (malformed JSON, 1 MiB of '[', a missing or wrong key, an oversize body, '/../' paths),
// each with its status while the server stays up; the prefix cache (a second question over
// the same long document prefills only the question); a client that goes cancels its
// generation, so the next request starts at once; a bounded load of 8 clients x 8 requests,
// a quarter of them dropped mid-stream, where every request ends in 200 or 503, /health
// stays fast and the server's descriptors and memory come back; and the refusals at start:
// no key for a non-loopback address, a key never printed.
#include <gtest/gtest.h>
#include <httplib.h>

#include "serve_process.h"
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace lectern::e2e {
namespace {

// A write to a connection the server closed must fail as a write, not end the test process.
const bool kNoSigpipe = [] {
    ::signal(SIGPIPE, SIG_IGN);
    return true;
}();

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

using testing::msSince;
using Server = testing::ServeProcess;

json chat(const std::string& content, int maxTokens, bool stream = false) {
    json body = {{"messages", {{{"role", "user"}, {"content", content}}}}, {"max_tokens", maxTokens}, {"seed", 7}};
    if (stream) body["stream"] = true;
    return body;
}

// POSTs `body` to `path`, its answer's body handed to `onBytes` piece by piece as it comes
// (chunked transfer decoded, nothing else touched); onBytes returning false leaves.
httplib::Result postStreaming(httplib::Client& c, const std::string& path, const json& body,
                              std::function<bool(const char*, size_t)> onBytes) {
    httplib::Request req;
    req.method = "POST";
    req.path = path;
    req.body = body.dump();
    req.set_header("Content-Type", "application/json");
    req.content_receiver = [onBytes = std::move(onBytes)](const char* data, size_t n, uint64_t, uint64_t) {
        return onBytes(data, n);
    };
    return c.send(req);
}

// The exact wire bytes of a streamed answer.
std::string streamBytes(httplib::Client& c, const json& body, const std::string& path = "/v1/chat/completions") {
    std::string bytes;
    auto r = postStreaming(c, path, body, [&](const char* data, size_t n) {
        bytes.append(data, n);
        return true;
    });
    EXPECT_TRUE(r) << "no answer";
    if (r) {
        EXPECT_EQ(r->status, 200);
        EXPECT_EQ(r->get_header_value("Content-Type"), "text/event-stream");
    }
    return bytes;
}

TEST(ServeHttp, TheStreamIsDataEventsOfOneLineEachWithOneFinishThenDone) {
    Server server("--ctx 1024");
    ASSERT_TRUE(server.start()) << server.stderrText();
    auto c = server.client();
    json body = chat("Hello", 6, true);
    body["stream_options"] = {{"include_usage", true}};
    const std::string bytes = streamBytes(c, body);
    ASSERT_GE(bytes.size(), 2u);
    ASSERT_EQ(bytes.substr(bytes.size() - 14), "data: [DONE]\n\n");
    std::vector<json> events;
    std::size_t at = 0;
    while (at < bytes.size()) {
        const std::size_t end = bytes.find("\n\n", at);
        ASSERT_NE(end, std::string::npos) << "an event without its blank line";
        const std::string event = bytes.substr(at, end - at);
        at = end + 2;
        ASSERT_EQ(event.rfind("data: ", 0), 0u) << "not a data line: " << event;
        EXPECT_EQ(event.find('\n'), std::string::npos) << "an event of more than one line: " << event;
        if (event == "data: [DONE]") {
            EXPECT_EQ(at, bytes.size()) << "bytes after [DONE]";
            break;
        }
        events.push_back(json::parse(event.substr(6)));
    }
    EXPECT_EQ(bytes.find("event:"), std::string::npos);
    ASSERT_GE(events.size(), 3u);
    EXPECT_EQ(events.front()["choices"][0]["delta"]["role"], "assistant");
    int finishes = 0;
    for (std::size_t i = 0; i + 1 < events.size(); ++i) {
        EXPECT_EQ(events[i]["object"], "chat.completion.chunk");
        EXPECT_EQ(events[i]["id"], events.front()["id"]);
        if (!events[i]["choices"][0]["finish_reason"].is_null()) ++finishes;
    }
    EXPECT_EQ(finishes, 1);
    EXPECT_EQ(events[events.size() - 2]["choices"][0]["finish_reason"], "length");
    // The usage chunk comes last, with no choices, only because include_usage asked for it.
    const json& usage = events.back();
    EXPECT_TRUE(usage["choices"].empty());
    EXPECT_EQ(usage["usage"]["completion_tokens"], 6);
    const std::string plain = streamBytes(c, chat("Hello", 6, true));
    EXPECT_EQ(plain.find("\"usage\""), std::string::npos);
}

// A stop string ends the answer before it, streamed or not, and is never sent in part: the
// stream's text is the non-streamed text.
TEST(ServeHttp, AStopStringEndsTheAnswerBeforeItInBothModes) {
    Server server("--ctx 1024");
    ASSERT_TRUE(server.start()) << server.stderrText();
    auto c = server.client();
    json body = {{"prompt", "The"}, {"max_tokens", 40}, {"temperature", 0}, {"ignore_eos", true}};
    auto free = c.Post("/v1/completions", body.dump(), "application/json");
    ASSERT_TRUE(free && free->status == 200);
    const std::string whole = json::parse(free->body)["choices"][0]["text"];
    ASSERT_GT(whole.size(), 24u) << whole;
    // A stop string from the middle of what the model says unstopped.
    // Whole UTF-8 characters: the cut moves off continuation bytes.
    std::size_t from = whole.size() / 2, to = from + 6;
    const auto continuation = [&](std::size_t i) { return i < whole.size() && (whole[i] & 0xC0) == 0x80; };
    while (continuation(from)) ++from;
    while (continuation(to)) ++to;
    const std::string stop = whole.substr(from, to - from);
    const std::string before = whole.substr(0, whole.find(stop));
    body["stop"] = {stop, "a string it never writes \u2603"};
    auto stopped = c.Post("/v1/completions", body.dump(), "application/json");
    ASSERT_TRUE(stopped && stopped->status == 200);
    const json j = json::parse(stopped->body);
    EXPECT_EQ(j["choices"][0]["text"], before) << "stop " << json(stop).dump() << " in " << json(whole).dump();
    EXPECT_EQ(j["choices"][0]["finish_reason"], "stop");
    body["stream"] = true;
    std::string streamed;
    const std::string bytes = streamBytes(c, body, "/v1/completions");
    std::string finish;
    for (std::size_t at = 0; (at = bytes.find("data: {", at)) != std::string::npos; ++at) {
        const json chunk = json::parse(bytes.substr(at + 6, bytes.find("\n\n", at) - at - 6));
        streamed += chunk["choices"][0]["text"].get<std::string>();
        if (!chunk["choices"][0]["finish_reason"].is_null()) finish = chunk["choices"][0]["finish_reason"];
    }
    EXPECT_EQ(streamed, before);
    EXPECT_EQ(finish, "stop");
}

// A special token the model samples mid-answer is not text: with this seed the tiny model
// samples <|begin_of_text|> among its 24 tokens, which used to appear in the content.
TEST(ServeHttp, SpecialTokensSampledMidAnswerAddNoText) {
    Server server("--ctx 1024");
    ASSERT_TRUE(server.start()) << server.stderrText();
    auto c = server.client();
    json body = {{"messages", {{{"role", "user"}, {"content", "Tell me about ink."}}}}, {"max_tokens", 24},
                 {"temperature", 0.8}, {"seed", 9}};
    auto r = c.Post("/v1/chat/completions", body.dump(), "application/json");
    ASSERT_TRUE(r && r->status == 200);
    const json j = json::parse(r->body);
    const std::string text = j["choices"][0]["message"]["content"];
    EXPECT_EQ(text.find("<|"), std::string::npos) << text;
    EXPECT_EQ(j["usage"]["completion_tokens"], 24);
}

TEST(ServeHttp, HostileRequestsGetTheirStatusAndTheServerStaysUp) {
    Server server("--ctx 1024 --max-body-mib 1", "LECTERN_API_KEY=sk-test-9f8e7d");
    ASSERT_TRUE(server.start()) << server.stderrText();
    auto c = server.client();
    const httplib::Headers key = {{"Authorization", "Bearer sk-test-9f8e7d"}};
    const httplib::Headers wrong = {{"Authorization", "Bearer sk-test-9f8e7e"}};
    struct Case {
        const char* what;
        std::string path;
        std::string body;
        httplib::Headers headers;
        int status;
        const char* type;
    };
    const Case cases[] = {
        {"malformed JSON", "/v1/chat/completions", "{\"messages\": [", key, 400, "invalid_request_error"},
        {"1 MiB of [", "/v1/chat/completions", std::string((1 << 20) - 64, '['), key, 400, "invalid_request_error"},
        {"no key", "/v1/chat/completions", chat("hi", 2).dump(), {}, 401, "invalid_request_error"},
        {"a wrong key", "/v1/chat/completions", chat("hi", 2).dump(), wrong, 401, "invalid_request_error"},
        {"an oversize body", "/v1/chat/completions", std::string(2 << 20, ' '), key, 413, "invalid_request_error"},
        {"an unknown path", "/v1/engines", "{}", key, 404, "invalid_request_error"},
        {"a path with ..", "/v1/../v1/chat/completions", chat("hi", 2).dump(), key, 404, "invalid_request_error"},
        {"an unknown model", "/v1/chat/completions", json{{"model", "gpt-4"}, {"messages", {{{"role", "user"}, {"content", "x"}}}}}.dump(), key, 404, "invalid_request_error"},
    };
    for (const Case& t : cases) {
        SCOPED_TRACE(t.what);
        auto r = c.Post(t.path, t.headers, t.body, "application/json");
        if (!r && t.status == 413 && r.error() == httplib::Error::Write) {
            // The server answered 413 from the headers and closed while the client was still
            // sending: the client saw its write fail (a reset) before it read the answer.
            auto health = server.client().Get("/health");
            ASSERT_TRUE(health && health->status == 200);
            continue;
        }
        ASSERT_TRUE(r) << "no answer: " << httplib::to_string(r.error());
        EXPECT_EQ(r->status, t.status) << r->body;
        const json j = json::parse(r->body, nullptr, false);
        ASSERT_TRUE(j.is_object()) << r->body;
        EXPECT_EQ(j["error"]["type"], t.type) << r->body;
        EXPECT_TRUE(j["error"]["message"].is_string()) << r->body;
        auto health = server.client().Get("/health");  // no key needed
        ASSERT_TRUE(health);
        EXPECT_EQ(health->status, 200);
    }
    // The limit holds for a chunked body too; a body of exactly the limit is read; a form-encoded
    // one (curl -d) is read as JSON like any other.
    {
        std::size_t sent = 0;
        auto chunked = c.Post("/v1/chat/completions", key,
                              [&](size_t, httplib::DataSink& sink) {
                                  if (sent >= (3u << 20)) {
                                      sink.done();
                                      return true;
                                  }
                                  const std::string piece(64 << 10, ' ');
                                  sent += piece.size();
                                  return sink.write(piece.data(), piece.size());
                              },
                              "application/json");
        // As above: a 413, or the write cut off by the server's close after it.
        // (The provider sees its write fail and gives up: Canceled.)
        ASSERT_TRUE(chunked || chunked.error() == httplib::Error::Write || chunked.error() == httplib::Error::Canceled)
            << httplib::to_string(chunked.error());
        if (chunked) {
            EXPECT_EQ(chunked->status, 413);
        }
        std::string exact = chat("hi", 2).dump();
        exact.resize(1u << 20, ' ');
        auto atLimit = c.Post("/v1/chat/completions", key, exact, "application/json");
        ASSERT_TRUE(atLimit);
        EXPECT_EQ(atLimit->status, 200) << atLimit->body;
        std::string form = chat("hi", 2).dump();
        form.resize(9000, ' ');
        auto formEncoded = c.Post("/v1/chat/completions", key, form, "application/x-www-form-urlencoded");
        ASSERT_TRUE(formEncoded);
        EXPECT_EQ(formEncoded->status, 200) << formEncoded->body;
        auto health = server.client().Get("/health");
        ASSERT_TRUE(health && health->status == 200);
    }
    auto models = c.Get("/v1/models", key);
    ASSERT_TRUE(models);
    EXPECT_EQ(models->status, 200);
    EXPECT_EQ(json::parse(models->body)["data"][0]["max_model_len"], 1024);
    // A prompt longer than the context: 400 with the counts, streamed or not, before any event.
    std::string longText;
    for (int i = 0; i < 1500; ++i) longText += "word ";
    for (bool stream : {false, true}) {
        auto r = c.Post("/v1/chat/completions", key, chat(longText, 16, stream).dump(), "application/json");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 400);
        EXPECT_EQ(json::parse(r->body)["error"]["code"], "context_length_exceeded") << r->body;
        EXPECT_EQ(r->body.find("data:"), std::string::npos);
    }
    EXPECT_EQ(server.stderrText().find("sk-test-9f8e7d"), std::string::npos) << "the key was printed";
}

TEST(ServeHttp, ASecondQuestionOverTheSameDocumentPrefillsOnlyTheQuestion) {
    Server server("--ctx 4096");
    ASSERT_TRUE(server.start()) << server.stderrText();
    auto c = server.client();
    std::string document;
    for (int i = 0; i < 100; ++i) document += "The committee met on day " + std::to_string(i) + ". ";
    auto ask = [&](const std::string& question) {
        json body = {{"messages", {{{"role", "system"}, {"content", document}}, {{"role", "user"}, {"content", question}}}},
                     {"max_tokens", 4}, {"seed", 1}};
        auto r = c.Post("/v1/chat/completions", body.dump(), "application/json");
        EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
        return r ? json::parse(r->body)["usage"] : json();
    };
    const json first = ask("When did it meet first?");
    const json second = ask("And how often?");
    const int prompt = second["prompt_tokens"], cached = second["prompt_tokens_details"]["cached_tokens"];
    EXPECT_GT(prompt, 1000);
    EXPECT_EQ(first["prompt_tokens_details"]["cached_tokens"], 0);
    // Everything up to the user's turn came from the cache; only the question (and the
    // header of the turn, a few tokens) was run.
    EXPECT_GT(cached, prompt - 20) << second.dump();
    EXPECT_LT(cached, prompt);
}

TEST(ServeHttp, AClientThatGoesCancelsItsGenerationAndTheNextStartsAtOnce) {
    Server server("--ctx 8192");
    ASSERT_TRUE(server.start()) << server.stderrText();
    for (bool stream : {false, true}) {
        SCOPED_TRACE(stream ? "streaming" : "not streaming");
        {
            // 8,000 tokens take the tiny model several seconds: the client leaves after 300 ms.
            httplib::Client leaving("127.0.0.1", server.port());
            leaving.set_read_timeout(0, 300000);
            int chunks = 0;
            json body = chat("Tell a long story", 8000, stream);
            body["ignore_eos"] = true;  // no end of turn cuts it short
            auto r = postStreaming(leaving, "/v1/chat/completions", body,
                                   [&](const char*, size_t) { return !stream || ++chunks < 3; });
            EXPECT_FALSE(r && r->status == 200 && !stream) << "the long answer came in 300 ms";
        }
        const auto t = Clock::now();
        auto c = server.client();
        auto r = c.Post("/v1/chat/completions", chat("hi", 1).dump(), "application/json");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_LT(msSince(t), 1000.0) << "the abandoned generation held the engine";
    }
}

TEST(ServeHttp, EightClientsTimesEightRequestsAllEndAndResourcesComeBack) {
    Server server("--ctx 1024 --parallel 4 --quiet");
    ASSERT_TRUE(server.start()) << server.stderrText();
    {  // warm up, then take the baseline
        auto c = server.client();
        ASSERT_TRUE(c.Post("/v1/chat/completions", chat("warm", 8).dump(), "application/json"));
    }
    std::this_thread::sleep_for(300ms);
    const std::size_t fds = server.openFds(), rss = server.rssKib();
    std::atomic<int> ok{0}, busy{0}, aborted{0}, other{0};
    std::atomic<bool> running{true};
    std::atomic<double> worstHealth{0};
    std::thread health([&] {
        while (running) {
            const auto t = Clock::now();
            auto r = server.client().Get("/health");
            if (!r || r->status != 200) ++other;
            double worst = worstHealth;
            while (msSince(t) > worst && !worstHealth.compare_exchange_weak(worst, msSince(t))) {}
            std::this_thread::sleep_for(20ms);
        }
    });
    std::vector<std::thread> clients;
    for (int k = 0; k < 8; ++k) {
        clients.emplace_back([&, k] {
            for (int i = 0; i < 8; ++i) {
                httplib::Client c("127.0.0.1", server.port());
                c.set_read_timeout(60);
                const bool drop = (k * 8 + i) % 4 == 0;  // a quarter leave mid-stream
                int chunks = 0;
                auto r = postStreaming(c, "/v1/chat/completions", chat("client " + std::to_string(k), 48, true),
                                       [&](const char*, size_t) { return !(drop && ++chunks >= 3); });
                if (drop && (!r || r->status == 200)) ++aborted;
                else if (r && r->status == 200) ++ok;
                else if (r && r->status == 503 && r->has_header("Retry-After")) ++busy;
                else ++other;
            }
        });
    }
    for (auto& t : clients) t.join();
    running = false;
    health.join();
    EXPECT_EQ(ok + busy + aborted, 64) << "ok " << ok << ", 503 " << busy << ", dropped " << aborted;
    EXPECT_EQ(other, 0);
    EXPECT_GT(ok, 0);
    EXPECT_LT(worstHealth.load(), 500.0) << "/health waited behind the generations";
    // Descriptors and memory return: the dropped streams' jobs were cancelled, nothing held.
    std::this_thread::sleep_for(1s);
    auto c = server.client();
    auto r = c.Post("/v1/chat/completions", chat("after", 4).dump(), "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    std::this_thread::sleep_for(6s);  // past the keep-alive timeout of idle connections
    EXPECT_LE(server.openFds(), fds + 2) << "descriptors: " << fds << " before";
    EXPECT_LT(server.rssKib(), rss + 64 * 1024) << "RSS (KiB): " << rss << " before";
}

TEST(ServeHttp, BeyondParallelARequestIsRefusedAtOnceWithRetryAfter) {
    Server server("--ctx 8192 --parallel 1");
    ASSERT_TRUE(server.start()) << server.stderrText();
    std::atomic<int> longStatus{0};
    std::thread longOne([&] {
        auto c = server.client();
        json body = chat("A long story", 6000, false);
        body["ignore_eos"] = true;
        auto r = c.Post("/v1/chat/completions", body.dump(), "application/json");
        longStatus = r ? r->status : -1;
    });
    std::this_thread::sleep_for(300ms);  // the long one is admitted and running
    const auto t = Clock::now();
    auto c = server.client();
    auto busy = c.Post("/v1/chat/completions", chat("hi", 1).dump(), "application/json");
    ASSERT_TRUE(busy);
    EXPECT_EQ(busy->status, 503);
    EXPECT_EQ(busy->get_header_value("Retry-After"), "1");
    EXPECT_EQ(json::parse(busy->body)["error"]["code"], "overloaded");
    EXPECT_LT(msSince(t), 500.0) << "the refusal waited";
    longOne.join();
    EXPECT_EQ(longStatus.load(), 200);
    auto after = c.Post("/v1/chat/completions", chat("hi", 1).dump(), "application/json");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
}

TEST(ServeHttp, ANonLoopbackAddressNeedsAKeyAndSigtermStopsTheServer) {
    Server open("--host 0.0.0.0");
    const auto code = open.waitExit(30s);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 2);
    EXPECT_NE(open.stderrText().find("needs a key"), std::string::npos) << open.stderrText();

    Server server("--ctx 8192");
    ASSERT_TRUE(server.start()) << server.stderrText();
    // A stream running when the server stops ends with an error event and [DONE], cleanly.
    std::string bytes;
    std::atomic<bool> started{false};
    std::thread reader([&] {
        auto c = server.client();
        json body = chat("A long story", 8000, true);
        body["ignore_eos"] = true;
        postStreaming(c, "/v1/chat/completions", body, [&](const char* data, size_t n) {
            bytes.append(data, n);
            started = true;
            return true;
        });
    });
    for (int i = 0; i < 500 && !started; ++i) std::this_thread::sleep_for(10ms);
    ::kill(server.pid(), SIGTERM);
    reader.join();
    const auto stopped = server.waitExit(10s);
    ASSERT_TRUE(stopped.has_value());
    EXPECT_EQ(*stopped, 0);
    EXPECT_NE(server.stderrText().find("stopped"), std::string::npos);
    ASSERT_GT(bytes.size(), 40u);
    EXPECT_EQ(bytes.substr(bytes.size() - 14), "data: [DONE]\n\n") << bytes.substr(bytes.size() - 300);
    EXPECT_NE(bytes.find("data: {\"error\""), std::string::npos);
    EXPECT_EQ(bytes.find("\"finish_reason\":\"length\""), std::string::npos);
}

}  // namespace
}  // namespace lectern::e2e
