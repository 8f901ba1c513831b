// OpenAiServer (see openai_server.h). Each request runs on one of cpp-httplib's threads and
// waits on its jobs' events through the router; a streamed answer is written from the
// chunked content provider as the job's tokens arrive. The HTTP status is settled before
// the first byte: a prompt too long for the context is a 400 even when streaming.
#include "openai_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "api_key.h"
#include "moderation.h"
#include "openai_protocol.h"
#include "peer_watch.h"

namespace lectern::app::serve {
namespace {

using namespace std::chrono_literals;
constexpr auto kPoll = 50ms;  // how often a waiting request looks at its client

void sendError(httplib::Response& res, const ApiError& error) {
    res.status = error.status;
    res.set_content(errorBody(error), "application/json");
}

ApiError apiError(int status, std::string message, std::string type, std::string code = {}) {
    ApiError e;
    e.status = status;
    e.message = std::move(message);
    e.type = std::move(type);
    e.code = std::move(code);
    return e;
}

ApiError tooLargeError(std::size_t max) {
    return apiError(413, "the request body is larger than " + std::to_string(max) + " bytes", "invalid_request_error",
                    "request_too_large");
}

// A request's path for the log: control and non-ASCII bytes escaped, so no line can be forged.
std::string printable(const std::string& text) {
    std::string out;
    for (const char c : text.substr(0, 200)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out;
}

// A job's failure as the API reports it: the caller's mistakes are 400s, the rest 500s.
ApiError jobError(const Error& error) {
    if (error.code == ErrorCode::InvalidArgument || error.code == ErrorCode::Corrupt)
        return apiError(400, error.message, "invalid_request_error");
    std::fprintf(stderr, "lectern-cli serve: %s\n", error.to_string().c_str());
    return apiError(500, error.message, "server_error");
}

std::string randomHex(std::size_t n) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += digits[rng() % 16];
    return s;
}

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

PeerWatch watchOf(const httplib::Request& req) {
    return PeerWatch(req.local_addr, req.local_port, req.remote_addr, req.remote_port);
}

// True at most every kPoll: whether it is time to look at the client again. A job's events
// may come without a pause, so the look cannot wait for a quiet moment.
class LookEvery {
public:
    bool due() {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < kPoll) return false;
        m_last = now;
        return true;
    }

private:
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

// Waits for the first event of `job` that `wanted` takes, dropping those before it. Nothing
// when the client went first: the job is cancelled and its remaining events dropped.
template <class Wanted>
std::optional<JobEvent> awaitEvent(AppCore& core, JobEventRouter& router, JobId job, const PeerWatch& watch,
                                   Wanted&& wanted) {
    LookEvery look;
    for (;;) {
        auto e = router.next(job, kPoll);
        if (e && wanted(*e)) return e;
        if (look.due() && watch.gone()) {
            core.cancel(job);
            router.forget(job);
            return std::nullopt;
        }
    }
}

std::optional<JobEvent> awaitFinal(AppCore& core, JobEventRouter& router, JobId job, const PeerWatch& watch) {
    return awaitEvent(core, router, job, watch, [](const JobEvent& e) { return e.isFinal(); });
}

void sendBusy(httplib::Response& res) {
    sendError(res, apiError(503, "the server is busy: try again shortly", "server_error", "overloaded"));
    res.set_header("Retry-After", "1");
}

// The prompt's token ids from the facade's renderPrompt job; nothing when the response was
// set instead (the job failed) or the client went.
std::optional<std::vector<std::int32_t>> renderedPrompt(AppCore& core, JobEventRouter& router,
                                                        const CompletionRequest& request, const PeerWatch& watch,
                                                        httplib::Response& res) {
    auto done = awaitFinal(core, router, core.renderPrompt(request), watch);
    if (!done) return std::nullopt;
    if (const auto* f = std::get_if<JobFailed>(&done->payload)) {
        sendError(res, jobError(f->error));
        return std::nullopt;
    }
    const auto* ids = finishedValue<std::vector<std::int32_t>>(*done);
    if (!ids) {
        sendError(res, apiError(500, "the prompt could not be read", "server_error"));
        return std::nullopt;
    }
    return *ids;
}

}  // namespace

// A slot among the `parallel` requests admitted at once; released when destroyed.
struct OpenAiServer::Admission {
    std::atomic<int>* count = nullptr;
    explicit Admission(std::atomic<int>& c, int limit) {
        if (c.fetch_add(1) < limit) count = &c;
        else c.fetch_sub(1);
    }
    ~Admission() {
        if (count) count->fetch_sub(1);
    }
    Admission(const Admission&) = delete;
    Admission& operator=(const Admission&) = delete;
    bool admitted() const { return count != nullptr; }
};

bool isLoopback(const std::string& host) {
    // Numeric addresses only (and "localhost"): a name such as 127.example.com could resolve anywhere.
    if (host == "localhost") return true;
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    const std::string bare = host.size() > 2 && host.front() == '[' && host.back() == ']' ? host.substr(1, host.size() - 2) : host;
    return inet_pton(AF_INET6, bare.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

void OpenAiServer::beginStopping() { m_stopping = true; }

bool OpenAiServer::stopping(httplib::Response& res) const {
    if (!m_stopping) return false;
    sendError(res, apiError(503, "the server is stopping", "server_error", "shutting_down"));
    return true;
}

OpenAiServer::OpenAiServer(AppCore& core, JobEventRouter& router, ServeOptions options)
    : m_core(core), m_router(router), m_options(std::move(options)), m_server(std::make_unique<httplib::Server>()),
      m_created(unixNow()) {
    routes();
}

OpenAiServer::~OpenAiServer() { stop(); }

void OpenAiServer::ready(std::string modelName, std::int64_t nCtx) {
    std::lock_guard lock(m_stateMutex);
    m_modelName = std::move(modelName);
    m_nCtx = nCtx;
    m_ready = true;
}

void OpenAiServer::guardReady(std::string guardName) {
    std::lock_guard lock(m_stateMutex);
    m_guardName = std::move(guardName);
}

void OpenAiServer::failed(std::string message) {
    std::lock_guard lock(m_stateMutex);
    m_failure = std::move(message);
}

Result<int> OpenAiServer::bind() {
    const int port = m_options.port == 0 ? m_server->bind_to_any_port(m_options.host)
                                         : (m_server->bind_to_port(m_options.host, m_options.port) ? m_options.port : -1);
    if (port < 0)
        return make_error(ErrorCode::Io, "cannot listen on " + m_options.host + ":" + std::to_string(m_options.port) +
                                             " (in use, or not this machine's address)");
    return port;
}

void OpenAiServer::run() { m_server->listen_after_bind(); }

void OpenAiServer::stop() {
    if (m_server) m_server->stop();
}

bool OpenAiServer::authorized(const httplib::Request& req, httplib::Response& res) const {
    if (m_options.apiKey.empty()) return true;
    if (bearerMatches(m_options.apiKey, req.get_header_value("Authorization"))) return true;
    const bool given = req.has_header("Authorization");
    sendError(res, apiError(401, given ? "Incorrect API key provided." : "Missing API key: send 'Authorization: Bearer <key>'.",
                            "invalid_request_error", "invalid_api_key"));
    return false;
}

bool OpenAiServer::modelReady(httplib::Response& res) const {
    std::lock_guard lock(m_stateMutex);
    if (m_ready) return true;
    ApiError e = apiError(503, m_failure.empty() ? "the model is loading" : "the model failed to load: " + m_failure,
                          "server_error", "model_not_ready");
    sendError(res, e);
    res.set_header("Retry-After", "5");
    return false;
}

void OpenAiServer::routes() {
    httplib::Server& s = *m_server;
    s.set_payload_max_length(m_options.maxBodyBytes);
    s.set_read_timeout(10, 0);
    s.set_write_timeout(30, 0);
    s.set_keep_alive_timeout(2);
    // cpp-httplib gives every connection a thread: admitted requests hold theirs while they
    // wait, idle keep-alive connections theirs until they time out. Threads that wait cost
    // little; /health and refusals must find one free. (Beyond loopback, a reverse proxy in
    // front bounds slow clients better than any pool.)
    const int threads = m_options.parallel + 64;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };

    s.Get("/health", [this](const httplib::Request&, httplib::Response& res) {
        std::lock_guard lock(m_stateMutex);
        if (m_ready) {
            res.set_content(R"({"status":"ok"})", "application/json");
            return;
        }
        res.status = 503;
        nlohmann::json body = {{"status", m_failure.empty() ? "loading" : "error"}};
        if (!m_failure.empty()) body["message"] = m_failure;
        res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
    });
    s.Get("/v1/models", [this](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res) || !modelReady(res)) return;
        std::lock_guard lock(m_stateMutex);
        res.set_content(modelsBody(m_modelName, m_created, m_nCtx), "application/json");
    });
    // POST bodies are read here, not by cpp-httplib: the key is checked before a byte of the
    // body is read, and the limit holds for every body (chunked, compressed, form-encoded).
    using Handler = void (OpenAiServer::*)(const httplib::Request&, const std::string&, httplib::Response&);
    const auto post = [this, &s](const char* path, Handler handler) {
        s.Post(path, [this, handler](const httplib::Request& req, httplib::Response& res,
                                     const httplib::ContentReader& reader) {
            if (!authorized(req, res)) {
                // The body is read (up to the limit) and dropped, so the client reads the 401
                // instead of a reset; beyond the limit the connection closes.
                std::size_t seen = 0;
                reader([&](const char*, size_t n) { return (seen += n) <= m_options.maxBodyBytes; });
                if (seen > m_options.maxBodyBytes) res.set_header("Connection", "close");
                return;
            }
            std::string body;
            bool tooLarge = false;
            const bool read = reader([&](const char* data, size_t n) {
                if (body.size() + n > m_options.maxBodyBytes) {
                    tooLarge = true;
                    return false;
                }
                body.append(data, n);
                return true;
            });
            // cpp-httplib refuses a Content-Length over the limit itself (status 413, no bytes read).
            if (tooLarge || res.status == 413) {
                sendError(res, tooLargeError(m_options.maxBodyBytes));
                res.set_header("Connection", "close");
                return;
            }
            if (!read) {
                sendError(res, apiError(400, "the request body could not be read", "invalid_request_error"));
                res.set_header("Connection", "close");
                return;
            }
            (this->*handler)(req, body, res);
        });
    };
    post("/v1/chat/completions", &OpenAiServer::chatCompletion);
    post("/v1/completions", &OpenAiServer::textCompletion);
    post("/tokenize", &OpenAiServer::tokenize);
    post("/v1/moderations", &OpenAiServer::moderation);
    post("/detokenize", &OpenAiServer::detokenize);

    // What cpp-httplib answers by itself (no route, a body over the limit, a malformed
    // request) gets the API's error shape.
    s.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        switch (res.status) {
            case 404:
                sendError(res, apiError(404, "Invalid URL (" + req.method + " " + req.path + ")", "invalid_request_error"));
                break;
            case 413:
                sendError(res, tooLargeError(m_options.maxBodyBytes));
                break;
            case 400:
            case 405:
                // A known path with a method it does not take comes here as a 400 or 404.
                sendError(res, apiError(res.status, "the request could not be read (HTTP " + std::to_string(res.status) + ")",
                                        "invalid_request_error"));
                break;
            default:
                sendError(res, apiError(res.status, "the request could not be read (HTTP " + std::to_string(res.status) + ")",
                                        res.status >= 500 ? "server_error" : "invalid_request_error"));
        }
    });
    s.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "lectern-cli serve: %s %s: internal error: %s\n", req.method.c_str(),
                     printable(req.path).c_str(), what.c_str());
        sendError(res, apiError(500, "internal error", "server_error"));
    });
    if (m_options.log)
        s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::fprintf(stderr, "%s %s %d\n", printable(req.method).c_str(), printable(req.path).c_str(), res.status);
        });
}

void OpenAiServer::chatCompletion(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    generation(req, body, res, true);
}

void OpenAiServer::textCompletion(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    generation(req, body, res, false);
}

void OpenAiServer::generation(const httplib::Request& req, const std::string& body, httplib::Response& res, bool chat) {
    if (!modelReady(res) || stopping(res)) return;
    GenerationCall call;
    if (auto e = parseGeneration(body, chat, call)) return sendError(res, *e);
    std::string model;
    std::int64_t nCtx = 0;
    {
        std::lock_guard lock(m_stateMutex);
        model = m_modelName;
        nCtx = m_nCtx;
    }
    if (!call.model.empty() && call.model != model) {
        ApiError e = apiError(404, "The model '" + call.model + "' does not exist; this server has '" + model + "'.",
                              "invalid_request_error", "model_not_found");
        e.param = "model";
        return sendError(res, e);
    }
    auto admission = std::make_shared<Admission>(m_admitted, m_options.parallel);
    if (!admission->admitted()) {
        return sendBusy(res);
    }
    if (!call.seeded) call.request.sampling.seed = std::random_device{}();
    const PeerWatch watch = watchOf(req);

    // The prompt as the model reads it, to check its length before any answer byte.
    const auto ids = renderedPrompt(m_core, m_router, call.request, watch, res);
    if (!ids) return;
    const auto nPrompt = static_cast<std::int64_t>(ids->size());
    if (nPrompt + std::max<std::int64_t>(call.request.maxTokens, 1) > nCtx)
    {
        ApiError e = contextExceeded(nCtx, nPrompt, std::max<std::int64_t>(call.request.maxTokens, 1));
        if (!chat) e.param = "prompt";
        return sendError(res, e);
    }
    CompletionRequest request = call.request;
    request.messages.clear();
    request.prompt.clear();
    request.promptIds = *ids;
    const JobId job = m_core.complete(std::move(request));

    ResponseIds rid{(chat ? "chatcmpl-" : "cmpl-") + randomHex(24), unixNow(), model};
    if (!call.stream) {
        auto done = awaitFinal(m_core, m_router, job, watch);
        if (!done) return;
        if (const auto* f = std::get_if<JobFailed>(&done->payload)) return sendError(res, jobError(f->error));
        const auto* r = finishedValue<CompletionResult>(*done);
        if (!r) return sendError(res, apiError(500, "the completion was stopped", "server_error"));
        res.set_content(completionBody(rid, chat, *r), "application/json");
        return;
    }

    // Streaming: the job's first event says the prompt fits (Prefill progress) or why not.
    const auto first = awaitEvent(m_core, m_router, job, watch, [](const JobEvent&) { return true; });
    if (!first) return;
    if (const auto* f = std::get_if<JobFailed>(&first->payload)) return sendError(res, jobError(f->error));
    if (first->isFinal() && !finishedValue<CompletionResult>(*first))
        return sendError(res, apiError(500, "the completion was stopped", "server_error"));
    auto pending = std::make_shared<std::optional<JobEvent>>(first);
    auto finished = std::make_shared<bool>(false);
    const bool includeUsage = call.includeUsage;
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Accel-Buffering", "no");
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, job, chat, rid, includeUsage, pending, finished, admission, watch](size_t, httplib::DataSink& sink) {
            auto send = [&sink](const std::string& json) {
                const std::string event = "data: " + json + "\n\n";
                return sink.write(event.data(), event.size());
            };
            if (chat && !send(roleChunk(rid))) return false;
            LookEvery look;
            for (;;) {
                std::optional<JobEvent> e;
                if (*pending) {
                    e = std::move(*pending);
                    pending->reset();
                } else {
                    e = m_router.next(job, kPoll);
                }
                if (!e) {
                    if (look.due() && watch.gone()) return false;
                    continue;
                }
                if (const auto* t = std::get_if<JobToken>(&e->payload)) {
                    if (!send(textChunk(rid, chat, t->text))) return false;
                    if (look.due() && watch.gone()) return false;
                    continue;
                }
                if (!e->isFinal()) continue;
                *finished = true;
                static const std::string done = "data: [DONE]\n\n";
                const auto* r = finishedValue<CompletionResult>(*e);
                if (!r) {
                    // Failed or stopped (the server shutting down) mid-answer: an error event, as
                    // vLLM sends one, and no finish reason; the stream itself ends cleanly.
                    const auto* f = std::get_if<JobFailed>(&e->payload);
                    ApiError err = f ? jobError(f->error)
                                     : apiError(503, "the server stopped the answer", "server_error", "cancelled");
                    if (!send(errorBody(err))) return false;
                    if (!sink.write(done.data(), done.size())) return false;
                    sink.done();
                    return true;
                }
                if (!send(finishChunk(rid, chat, r->finish))) return false;
                if (includeUsage && !send(usageChunk(rid, chat, *r))) return false;
                if (!sink.write(done.data(), done.size())) return false;
                sink.done();
                return true;
            }
        },
        [this, job, finished](bool) {
            // The stream ended; a job still running is the client's that went away.
            if (!*finished) {
                m_core.cancel(job);
                m_router.forget(job);
            }
        });
}

void OpenAiServer::tokenize(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    if (!modelReady(res) || stopping(res)) return;
    TokenizeCall call;
    if (auto e = parseTokenize(body, call)) return sendError(res, *e);
    call.request.addBos = call.addSpecial;
    Admission admission(m_admitted, m_options.parallel);
    if (!admission.admitted()) {
        return sendBusy(res);
    }
    const PeerWatch watch = watchOf(req);
    const auto ids = renderedPrompt(m_core, m_router, call.request, watch, res);
    if (!ids) return;
    std::lock_guard lock(m_stateMutex);
    res.set_content(tokenizeBody(*ids, m_nCtx), "application/json");
}

void OpenAiServer::detokenize(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    if (!modelReady(res) || stopping(res)) return;
    std::vector<std::int32_t> ids;
    if (auto e = parseDetokenize(body, ids)) return sendError(res, *e);
    Admission admission(m_admitted, m_options.parallel);
    if (!admission.admitted()) {
        return sendBusy(res);
    }
    const PeerWatch watch = watchOf(req);
    auto done = awaitFinal(m_core, m_router, m_core.detokenize(std::move(ids)), watch);
    if (!done) return;
    if (const auto* f = std::get_if<JobFailed>(&done->payload)) return sendError(res, jobError(f->error));
    const auto* text = finishedValue<std::string>(*done);
    if (!text) return sendError(res, apiError(500, "the tokens could not be decoded", "server_error"));
    res.set_content(detokenizeBody(*text), "application/json");
}

void OpenAiServer::moderation(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    if (!modelReady(res) || stopping(res)) return;
    std::string guard;
    {
        std::lock_guard lock(m_stateMutex);
        guard = m_guardName;
    }
    if (guard.empty())
        return sendError(res, apiError(404, "no guard model is loaded: start lectern-cli serve with --guard MODEL",
                                       "invalid_request_error", "model_not_found"));
    std::vector<std::string> inputs;
    if (auto e = parseModeration(body, inputs)) return sendError(res, *e);
    Admission admission(m_admitted, m_options.parallel);
    if (!admission.admitted()) return sendBusy(res);
    const PeerWatch watch = watchOf(req);
    std::vector<GuardVerdict> verdicts;
    for (const std::string& input : inputs) {
        auto done = awaitFinal(m_core, m_router, m_core.screen({{"user", input}}), watch);
        if (!done) return;
        if (const auto* f = std::get_if<JobFailed>(&done->payload)) return sendError(res, jobError(f->error));
        const auto* v = finishedValue<GuardVerdict>(*done);
        if (!v) return sendError(res, apiError(500, "the guard model gave no verdict", "server_error"));
        verdicts.push_back(*v);
    }
    res.set_content(moderationBody("modr-" + randomHex(24), guard, verdicts), "application/json");
}

}  // namespace lectern::app::serve
