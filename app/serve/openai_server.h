// `lectern-cli serve`: an OpenAI-compatible HTTP server (cpp-httplib) over the facade's
// completion jobs. One engine and one KV cache: requests run one at a time on the facade's
// worker, in the order they came (up to `parallel` admitted at once, the rest refused with
// 503 and Retry-After), and a request that repeats the start of the previous prompt
// prefills only what is new (usage.prompt_tokens_details.cached_tokens). A client that
// disconnects, streaming or not, cancels its job. Every endpoint but /health needs the key
// when one is set.
//
// Endpoints: GET /health, GET /v1/models, POST /v1/chat/completions, POST /v1/completions,
// POST /tokenize, POST /detokenize. Errors in the API's shape (openai_protocol.h).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "app_core.h"
#include "job_events.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace lectern::app::serve {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                         // 0: any free port (bind() says which)
    std::string apiKey;                      // empty: no key asked for
    int parallel = 4;                        // requests admitted at once, the running one included
    std::size_t maxBodyBytes = 8u << 20;     // a larger body gets 413
    bool log = true;                         // a line per request on stderr (never the key)
};

// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool isLoopback(const std::string& host);

class OpenAiServer {
public:
    // `router` must be the facade's listener (AppCoreOptions::listener).
    OpenAiServer(AppCore& core, JobEventRouter& router, ServeOptions options);
    ~OpenAiServer();

    // /health answers 503 until ready() (the model is open) or failed().
    void ready(std::string modelName, std::int64_t nCtx);
    void failed(std::string message);
    // The guard model is loaded (AppCore::openGuard): POST /v1/moderations answers with it.
    void guardReady(std::string guardName);

    // Binds the address. Returns the port. Errors: Io (in use, not allowed).
    Result<int> bind();
    // Serves until stop() (from any thread).
    void run();
    void stop();
    // From now on new work is refused with 503 (the server is shutting down).
    void beginStopping();

private:
    struct Admission;
    void routes();
    bool authorized(const httplib::Request& req, httplib::Response& res) const;
    bool modelReady(httplib::Response& res) const;
    bool stopping(httplib::Response& res) const;
    void chatCompletion(const httplib::Request& req, const std::string& body, httplib::Response& res);
    void textCompletion(const httplib::Request& req, const std::string& body, httplib::Response& res);
    void generation(const httplib::Request& req, const std::string& body, httplib::Response& res, bool chat);
    void tokenize(const httplib::Request& req, const std::string& body, httplib::Response& res);
    void moderation(const httplib::Request& req, const std::string& body, httplib::Response& res);
    void detokenize(const httplib::Request& req, const std::string& body, httplib::Response& res);

    AppCore& m_core;
    JobEventRouter& m_router;
    ServeOptions m_options;
    std::unique_ptr<httplib::Server> m_server;
    std::atomic<int> m_admitted{0};
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_stateMutex;
    std::string m_modelName;
    std::string m_guardName;  // empty: no guard model, /v1/moderations answers 404
    std::int64_t m_nCtx = 0;
    std::string m_failure;
    bool m_ready = false;
    std::int64_t m_created = 0;
};

}  // namespace lectern::app::serve
