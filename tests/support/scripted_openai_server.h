// An OpenAI-compatible server on loopback whose answers are scripted, for the tests of the
// remote backend: misbehaving as real servers do (429 with Retry-After, 503, a stream cut
// off, a refused key), and optionally with a context smaller than the one it lists, as a
// llama.cpp server with several slots has: a prompt longer than the real limit gets the
// 400 context_length_exceeded answer vLLM gives, naming the limit. /v1/chat/completions and
// /v1/completions answer alike; it records each completion's prompt length. It has no
// /tokenize.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "openai_endpoint.h"

namespace lectern::testing {

class ScriptedServer {
public:
    using json = nlohmann::json;

    struct Answer {
        int status = 200;
        std::vector<std::string> events;  // data payloads, for a 200
        bool usage = false;               // then a usage chunk with the prompt's length
        std::int64_t usagePrompt = -1;    // else this prompt_tokens in it (a server that truncated)
        bool cut = false;                 // drop the connection after the events
        std::string body;                 // for other statuses
        std::string retryAfter;
    };
    struct Request {
        std::int64_t promptTokens = 0;  // ids sent to /v1/completions; 0 for a chat
        std::int64_t maxTokens = 0;
        bool refused = false;           // over the real context
    };

    // `listed`: the max_model_len /v1/models reports; `real`: the context it enforces (0: none).
    explicit ScriptedServer(std::int64_t listed = 512, std::int64_t real = 0) : m_real(real) {
        m_server.Get("/v1/models", [listed](const httplib::Request&, httplib::Response& res) {
            const json models = {{"object", "list"},
                                 {"data", {{{"id", "fake-70b"}, {"object", "model"}, {"max_model_len", listed}}}}};
            res.set_content(models.dump(), "application/json");
        });
        const auto answer = [this](const httplib::Request& req, httplib::Response& res) { respond(req, res); };
        m_server.Post("/v1/chat/completions", answer);
        m_server.Post("/v1/completions", answer);
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
    }
    ~ScriptedServer() {
        m_server.stop();
        m_thread.join();
    }
    // How many prompt tokens the usage reports for a prompt given as text (unset: 9), as
    // the server's tokenizer would count it; what a tokenizer check reads.
    std::function<std::int64_t(const std::string&)> countText;

    // The answers to the next requests, in order; after them, `fallback` (if set).
    void script(std::vector<Answer> answers, std::optional<Answer> fallback = {}) {
        std::lock_guard lock(m_mutex);
        m_script.assign(answers.begin(), answers.end());
        m_fallback = std::move(fallback);
        m_requests = 0;
        m_log.clear();
    }
    int requests() {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }
    std::vector<Request> log() {
        std::lock_guard lock(m_mutex);
        return m_log;
    }
    lectern::app::remote::EndpointConfig config() const {
        lectern::app::remote::EndpointConfig c;
        c.baseUrl = "http://127.0.0.1:" + std::to_string(m_port) + "/v1";
        c.apiKey = "sk-right";
        c.backoff = std::chrono::milliseconds(20);
        c.retries = 3;
        return c;
    }

    static std::string text(const std::string& piece) {
        return json{{"choices", {{{"index", 0}, {"delta", {{"content", piece}}}, {"finish_reason", nullptr}}}}}.dump();
    }
    static std::string finish(const std::string& reason) {
        return json{{"choices", {{{"index", 0}, {"delta", json::object()}, {"finish_reason", reason}}}}}.dump();
    }
    // `words` in two pieces, "stop", and the usage (9 prompt tokens for a chat).
    static Answer ok(const std::string& words) {
        Answer a;
        a.events = {text(words.substr(0, words.size() / 2)), text(words.substr(words.size() / 2)), finish("stop")};
        a.usage = true;
        return a;
    }

private:
    void respond(const httplib::Request& req, httplib::Response& res) {
        Answer a;
        Request seen;
        {
            std::lock_guard lock(m_mutex);
            ++m_requests;
            if (req.get_header_value("Authorization") != "Bearer sk-right") {
                res.status = 401;
                res.set_content(R"({"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}})",
                                "application/json");
                return;
            }
            const json body = json::parse(req.body, nullptr, false);
            if (body.is_object() && body.contains("prompt") && body["prompt"].is_array())
                seen.promptTokens = static_cast<std::int64_t>(body["prompt"].size());
            if (body.is_object() && body.contains("prompt") && body["prompt"].is_string() && countText)
                seen.promptTokens = countText(body["prompt"].get<std::string>());
            if (body.is_object()) seen.maxTokens = body.value("max_tokens", std::int64_t{0});
            seen.refused = m_real > 0 && seen.promptTokens + seen.maxTokens > m_real;
            m_log.push_back(seen);
            if (seen.refused) {
                a.status = 400;
                a.body = overflow(seen);
            } else if (!m_script.empty()) {
                a = m_script.front();
                m_script.pop_front();
            } else if (m_fallback) {
                a = *m_fallback;
            }
        }
        if (a.status != 200) {
            res.status = a.status;
            if (!a.retryAfter.empty()) res.set_header("Retry-After", a.retryAfter);
            res.set_content(a.body, "application/json");
            return;
        }
        if (a.usage) {
            const std::int64_t prompt = a.usagePrompt >= 0 ? a.usagePrompt : seen.promptTokens > 0 ? seen.promptTokens : 9;
            a.events.push_back(json{{"choices", json::array()},
                                    {"usage", {{"prompt_tokens", prompt}, {"completion_tokens", 4}}}}
                                   .dump());
        }
        res.set_chunked_content_provider("text/event-stream", [a](size_t, httplib::DataSink& sink) {
            for (const std::string& e : a.events) {
                const std::string line = "data: " + e + "\n\n";
                sink.write(line.data(), line.size());
            }
            if (a.cut) return false;  // the connection drops, no [DONE]
            sink.write("data: [DONE]\n\n", 14);
            sink.done();
            return true;
        });
    }

    std::string overflow(const Request& r) const {
        const std::int64_t asked = r.promptTokens + r.maxTokens;
        return json{{"error",
                     {{"message", "This model's maximum context length is " + std::to_string(m_real) +
                                      " tokens. However, you requested " + std::to_string(asked) + " tokens (" +
                                      std::to_string(r.promptTokens) + " in the messages, " +
                                      std::to_string(r.maxTokens) + " in the completion)."},
                      {"type", "invalid_request_error"},
                      {"param", "messages"},
                      {"code", "context_length_exceeded"}}}}
            .dump();
    }

    const std::int64_t m_real;
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::mutex m_mutex;
    std::deque<Answer> m_script;
    std::optional<Answer> m_fallback;
    int m_requests = 0;
    std::vector<Request> m_log;
};

}  // namespace lectern::testing
