// OpenAiEndpoint on libcurl (see openai_endpoint.h). A streamed answer is read as
// server-sent events: events end at a blank line, `data:` lines carry one JSON chunk each,
// comments and other fields are skipped, `data: [DONE]` ends the stream. Timeouts that
// libcurl has no option for (the first byte, the gap between chunks) and Stop are checked
// in its progress callback, which it calls at least once a second.
#include "openai_endpoint.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

namespace lectern::app::remote {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxBody = 16u << 20;

struct CurlFree {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// What one request brought back.
struct Exchange {
    CURLcode rc = CURLE_OK;
    long status = 0;
    std::map<std::string, std::string> headers;  // lowercase names
    std::string body;                            // all of it, unless streamed to onData
    bool dataSeen = false;                       // a byte of the body came
    bool timedOut = false;
    bool cancelled = false;
    bool tooLarge = false;
};

struct Transfer {
    Exchange* out = nullptr;
    std::function<bool(std::string_view)> onData;  // false: stop reading
    const std::atomic<bool>* cancel = nullptr;
    Clock::time_point start = Clock::now(), last = Clock::now();
    std::chrono::milliseconds firstByte{0}, idle{0};
};

size_t onHeader(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string line(data, size * n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        std::string value = line.substr(colon + 1);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.erase(0, 1);
        t->out->headers[name] = value;
    }
    return size * n;
}

size_t onBody(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t bytes = size * n;
    t->out->dataSeen = true;
    t->last = Clock::now();
    if (t->onData) return t->onData(std::string_view(data, bytes)) ? bytes : 0;
    if (t->out->body.size() + bytes > kMaxBody) {
        t->out->tooLarge = true;
        return 0;
    }
    t->out->body.append(data, bytes);
    return bytes;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    if (t->cancel && t->cancel->load()) {
        t->out->cancelled = true;
        return 1;
    }
    const auto now = Clock::now();
    if (!t->out->dataSeen && t->firstByte.count() > 0 && now - t->start > t->firstByte) {
        t->out->timedOut = true;
        return 1;
    }
    if (t->out->dataSeen && t->idle.count() > 0 && now - t->last > t->idle) {
        t->out->timedOut = true;
        return 1;
    }
    return 0;
}

// One HTTP request. `onData` (streaming) receives the body of a 200 answer as it comes;
// any other answer's body is kept in Exchange::body.
Exchange perform(const EndpointConfig& config, const std::string& method, const std::string& url,
                 const std::string& body, const std::function<bool(std::string_view)>& onData,
                 const std::atomic<bool>* cancel, std::chrono::milliseconds firstByte) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    Exchange out;
    std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
    if (!curl) {
        out.rc = CURLE_FAILED_INIT;
        return out;
    }
    Transfer t;
    t.out = &out;
    t.cancel = cancel;
    t.firstByte = firstByte;
    t.idle = config.idleTimeout;
    // The body goes to onData only when the answer is a 200: an error's body is read whole.
    std::function<bool(std::string_view)> sink;
    if (onData)
        sink = [&](std::string_view data) {
            if (out.status == 0) curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &out.status);
            if (out.status != 200) {
                if (out.body.size() + data.size() <= 65536) out.body.append(data);
                return true;
            }
            return onData(data);
        };
    t.onData = sink;
    std::unique_ptr<curl_slist, SlistFree> headers;
    auto add = [&](const std::string& h) { headers.reset(curl_slist_append(headers.release(), h.c_str())); };
    add("Content-Type: application/json");
    add("Accept: " + std::string(onData ? "text/event-stream" : "application/json"));
    if (!config.apiKey.empty()) add("Authorization: Bearer " + config.apiKey);
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    if (method == "POST") {
        curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config.connectTimeout.count()));
    curl_easy_setopt(curl.get(), CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "lectern");
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl.get(), CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFODATA, &t);
    out.rc = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &out.status);
    return out;
}

// The server's own words for an error: error.message of the API's shape, else the body.
std::string serverMessage(const Exchange& e) {
    const json j = json::parse(e.body, nullptr, false);
    if (j.is_object() && j.contains("error")) {
        const json& err = j["error"];
        if (err.is_object() && err.contains("message") && err["message"].is_string()) return err["message"];
        if (err.is_string()) return err.get<std::string>();
    }
    if (j.is_object() && j.contains("message") && j["message"].is_string()) return j["message"];
    std::string text = e.body.substr(0, 300);
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return text;
}

Error transportError(const Exchange& e, const std::string& url) {
    if (e.timedOut)
        return make_error(ErrorCode::Io, e.dataSeen ? "the server stopped sending (no chunk within the idle timeout)"
                                                    : "the server sent nothing within the first-token timeout",
                          url);
    std::string what = curl_easy_strerror(e.rc);
    if (e.rc == CURLE_COULDNT_CONNECT) what = "connection refused";
    return make_error(ErrorCode::Io, "cannot reach the server: " + what, url);
}

Error statusError(const Exchange& e, const std::string& url, const std::string& model) {
    const std::string said = serverMessage(e);
    if (e.status == 401 || e.status == 403)
        return make_error(ErrorCode::NeedsPassword,
                          "the server refused the API key (HTTP " + std::to_string(e.status) + "): " + said, url);
    if (e.status == 404 && (said.find("model") != std::string::npos || said.find("Model") != std::string::npos))
        return make_error(ErrorCode::NotFound, "the server has no model '" + model + "': " + said, url);
    return make_error(e.status >= 500 ? ErrorCode::Io : ErrorCode::InvalidArgument,
                      "the server answered HTTP " + std::to_string(e.status) + ": " + said, url);
}

bool retryable(const Exchange& e) {
    if (e.cancelled) return false;
    if (e.rc != CURLE_OK && !e.dataSeen) return true;  // never reached it, or it hung up before answering
    return e.status == 429 || e.status >= 500;
}

std::chrono::milliseconds retryDelay(const Exchange& e, const EndpointConfig& config, int attempt) {
    auto delay = config.backoff * (1 << std::min(attempt, 10));
    if (auto it = e.headers.find("retry-after"); it != e.headers.end()) {
        char* end = nullptr;
        const double seconds = std::strtod(it->second.c_str(), &end);
        if (end != it->second.c_str() && seconds >= 0) delay = std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    }
    return std::min(delay, config.maxBackoff);
}

// Sleeps `delay`, waking early for Stop; false when stopped.
bool pause(std::chrono::milliseconds delay, const std::atomic<bool>* cancel) {
    const auto until = Clock::now() + delay;
    while (Clock::now() < until) {
        if (cancel && cancel->load()) return false;
        std::this_thread::sleep_for(std::min<Clock::duration>(std::chrono::milliseconds(50), until - Clock::now()));
    }
    return !(cancel && cancel->load());
}

std::string join(const std::vector<std::string>& names) {
    std::string s;
    for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

json messagesJson(const std::vector<ChatMessage>& messages) {
    json out = json::array();
    for (const ChatMessage& m : messages) out.push_back({{"role", m.role}, {"content", m.content}});
    return out;
}

// Server-sent events, split as they arrive.
class SseReader {
public:
    // The data of each complete event, in order.
    template <class OnData>
    void feed(std::string_view bytes, OnData&& onData) {
        m_buffer.append(bytes);
        std::size_t start = 0;
        for (;;) {
            const std::size_t end = m_buffer.find('\n', start);
            if (end == std::string::npos) break;
            std::string line = m_buffer.substr(start, end - start);
            start = end + 1;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty()) {  // the event ends
                if (!m_data.empty()) onData(m_data);
                m_data.clear();
                m_hasData = false;
            } else if (line.rfind("data:", 0) == 0) {
                std::string value = line.substr(5);
                if (!value.empty() && value.front() == ' ') value.erase(0, 1);
                m_data += (m_hasData ? "\n" : "") + value;
                m_hasData = true;
            }  // ":" comments, event:, id:, retry: are not used by the API's streams
        }
        m_buffer.erase(0, start);
    }

private:
    std::string m_buffer, m_data;
    bool m_hasData = false;
};

}  // namespace

std::string serverRoot(const std::string& baseUrl) {
    std::string root = baseUrl;
    while (!root.empty() && root.back() == '/') root.pop_back();
    if (root.size() >= 3 && root.compare(root.size() - 3, 3, "/v1") == 0) root.resize(root.size() - 3);
    return root;
}

std::int64_t contextLimitIn(const std::string& message) {
    static const std::regex pattern(R"((?:maximum context length|context length|context window|n_ctx)\D{0,40}?(\d{3,9}))",
                                    std::regex::icase);
    std::smatch m;
    if (!std::regex_search(message, m, pattern)) return 0;
    return std::stoll(m[1]);
}

OpenAiEndpoint::OpenAiEndpoint(EndpointConfig config) : m_config(std::move(config)) {
    while (!m_config.baseUrl.empty() && m_config.baseUrl.back() == '/') m_config.baseUrl.pop_back();
}

Result<EndpointInfo> OpenAiEndpoint::discover() const {
    const std::string url = m_config.baseUrl + "/models";
    const Exchange e = perform(m_config, "GET", url, {}, {}, nullptr, m_config.connectTimeout + std::chrono::seconds(20));
    if (e.rc != CURLE_OK) return transportError(e, url);
    if (e.status != 200) return statusError(e, url, m_config.model);
    const json j = json::parse(e.body, nullptr, false);
    if (!j.is_object() || !j.contains("data") || !j["data"].is_array())
        return make_error(ErrorCode::Corrupt, "the server's model list is not the API's", url);
    EndpointInfo info;
    const json* chosen = nullptr;
    for (const json& m : j["data"]) {
        if (!m.is_object() || !m.contains("id") || !m["id"].is_string()) continue;
        info.models.push_back(m["id"]);
        if (m["id"] == m_config.model) chosen = &m;
    }
    if (m_config.model.empty() && info.models.size() == 1) chosen = &j["data"][0];
    if (!chosen) {
        if (m_config.model.empty())
            return make_error(ErrorCode::InvalidArgument, "the server has several models; name one: " + join(info.models), url);
        return make_error(ErrorCode::NotFound,
                          "the server has no model '" + m_config.model + "' (it has: " + join(info.models) + ")", url);
    }
    info.model = (*chosen)["id"];
    if (chosen->contains("max_model_len") && (*chosen)["max_model_len"].is_number_integer()) {
        info.maxModelLen = (*chosen)["max_model_len"];
        info.contextFrom = "max_model_len";
    } else if (chosen->contains("meta") && (*chosen)["meta"].is_object() && (*chosen)["meta"].contains("n_ctx_train") &&
               (*chosen)["meta"]["n_ctx_train"].is_number_integer()) {
        info.maxModelLen = (*chosen)["meta"]["n_ctx_train"];
        info.contextFrom = "meta.n_ctx_train";
    }
    const std::string root = serverRoot(m_config.baseUrl);
    if (info.maxModelLen == 0) {
        // llama.cpp's server: the context it was started with.
        const Exchange props = perform(m_config, "GET", root + "/props", {}, {}, nullptr, m_config.connectTimeout);
        const json p = json::parse(props.body, nullptr, false);
        if (props.status == 200 && p.is_object() && p.contains("default_generation_settings") &&
            p["default_generation_settings"].is_object() && p["default_generation_settings"].contains("n_ctx") &&
            p["default_generation_settings"]["n_ctx"].is_number_integer()) {
            info.maxModelLen = p["default_generation_settings"]["n_ctx"];
            info.contextFrom = "/props n_ctx";
        }
    }
    const Exchange probe = perform(m_config, "POST", root + "/tokenize", json{{"model", info.model}, {"prompt", "a"}}.dump(),
                                   {}, nullptr, m_config.connectTimeout + std::chrono::seconds(20));
    const json t = json::parse(probe.body, nullptr, false);
    info.tokenizes = probe.status == 200 && t.is_object() && t.contains("tokens");
    return info;
}

namespace {

// POSTs `body` (the model named) to the server's /tokenize at `url`; its answer, parsed
// (discarded when not JSON). Unsupported, saying `missing`, when the server has none.
Result<json> postTokenize(const EndpointConfig& config, const std::string& url, json body, const char* missing) {
    if (!config.model.empty()) body["model"] = config.model;
    const Exchange e = perform(config, "POST", url, body.dump(), {}, nullptr, config.firstTokenTimeout);
    if (e.rc != CURLE_OK) return transportError(e, url);
    if (e.status == 404 || e.status == 405) return make_error(ErrorCode::Unsupported, missing, url);
    if (e.status != 200) return statusError(e, url, config.model);
    return json::parse(e.body, nullptr, false);
}

}  // namespace

Result<std::int64_t> OpenAiEndpoint::countChat(const std::vector<ChatMessage>& messages) const {
    const std::string url = serverRoot(m_config.baseUrl) + "/tokenize";
    auto j = postTokenize(m_config, url, {{"messages", messagesJson(messages)}, {"add_generation_prompt", true}},
                          "the server has no /tokenize: name a local tokenizer");
    if (!j) return j.error();
    if (j->is_object() && j->contains("count") && (*j)["count"].is_number_integer()) return (*j)["count"].get<std::int64_t>();
    return make_error(ErrorCode::Unsupported, "the server's /tokenize does not count a chat: name a local tokenizer", url);
}

Result<std::vector<std::int32_t>> OpenAiEndpoint::tokenize(const std::string& text) const {
    const std::string url = serverRoot(m_config.baseUrl) + "/tokenize";
    auto j = postTokenize(m_config, url,
                          {{"prompt", text}, {"content", text}, {"add_special_tokens", false}, {"add_special", false}},
                          "the server has no /tokenize");
    if (!j) return j.error();
    std::vector<std::int32_t> ids;
    if (j->is_object() && j->contains("tokens") && (*j)["tokens"].is_array()) {
        for (const auto& t : (*j)["tokens"]) {
            if (!t.is_number_integer()) return make_error(ErrorCode::Corrupt, "the server's /tokenize sent a token that is not an id", url);
            ids.push_back(t.get<std::int32_t>());
        }
        return ids;
    }
    return make_error(ErrorCode::Corrupt, "the server's /tokenize answer has no tokens", url);
}

Result<std::int64_t> OpenAiEndpoint::countPrompt(const std::string& text) const {
    ChatCall call;
    call.promptText = text;
    call.maxTokens = 1;
    call.sampling.temperature = 0.0f;
    auto r = streamChat(call, {});
    if (!r) return r.error();
    if (r->promptTokens < 0)
        return make_error(ErrorCode::Unsupported, "the server reports no usage", m_config.baseUrl);
    return r->promptTokens;
}

Result<RemoteCompletion> OpenAiEndpoint::streamChat(const ChatCall& call,
                                                    const std::function<void(std::string_view)>& onText,
                                                    const std::atomic<bool>* cancel, std::int64_t* contextLimit) const {
    if (contextLimit) *contextLimit = 0;
    const bool ids = !call.promptIds.empty();
    const bool plain = ids || !call.promptText.empty();
    const std::string url = m_config.baseUrl + (plain ? "/completions" : "/chat/completions");
    json body = {{"stream", true},
                 {"stream_options", {{"include_usage", true}}},
                 {"max_tokens", call.maxTokens},
                 {"temperature", call.sampling.temperature},
                 {"top_p", call.sampling.top_p}};
    if (ids) body["prompt"] = call.promptIds;
    else if (plain) body["prompt"] = call.promptText;
    else body["messages"] = messagesJson(call.messages);
    if (!m_config.model.empty()) body["model"] = m_config.model;
    if (call.seeded) body["seed"] = call.sampling.seed;
    if (call.sampling.top_k > 0) body["top_k"] = call.sampling.top_k;
    if (call.sampling.min_p > 0) body["min_p"] = call.sampling.min_p;
    if (call.sampling.repeat_penalty != 1.0f) body["repetition_penalty"] = call.sampling.repeat_penalty;
    const std::string text = body.dump();

    RemoteCompletion out;
    for (int attempt = 0;; ++attempt) {
        out = RemoteCompletion{};
        out.attempts = attempt + 1;
        bool finished = false, done = false, tokens = false;
        std::string badChunk;
        SseReader sse;
        const auto onData = [&](std::string_view bytes) {
            sse.feed(bytes, [&](const std::string& data) {
                if (data == "[DONE]") {
                    done = true;
                    return;
                }
                const json chunk = json::parse(data, nullptr, false);
                if (!chunk.is_object()) {
                    badChunk = data.substr(0, 200);
                    return;
                }
                if (chunk.contains("usage") && chunk["usage"].is_object()) {
                    const json& u = chunk["usage"];
                    out.promptTokens = u.value("prompt_tokens", std::int64_t{-1});
                    out.completionTokens = u.value("completion_tokens", std::int64_t{-1});
                    if (u.contains("prompt_tokens_details") && u["prompt_tokens_details"].is_object())
                        out.cachedTokens = u["prompt_tokens_details"].value("cached_tokens", std::int64_t{-1});
                }
                if (!chunk.contains("choices") || !chunk["choices"].is_array() || chunk["choices"].empty()) return;
                const json& choice = chunk["choices"][0];
                const json* content = nullptr;
                if (choice.contains("delta") && choice["delta"].is_object() && choice["delta"].contains("content"))
                    content = &choice["delta"]["content"];
                else if (choice.contains("text"))
                    content = &choice["text"];  // a text completion's chunk
                if (content && content->is_string()) {
                    const std::string piece = *content;
                    if (!piece.empty()) {
                        tokens = true;
                        out.text += piece;
                        if (onText) onText(piece);
                    }
                }
                if (choice.contains("finish_reason") && choice["finish_reason"].is_string()) {
                    finished = true;
                    out.finish = choice["finish_reason"] == "length" ? RemoteFinish::Length : RemoteFinish::Stop;
                }
            });
            return badChunk.empty();
        };
        const Exchange e = perform(m_config, "POST", url, text, onData, cancel, m_config.firstTokenTimeout);
        if (e.cancelled || (cancel && cancel->load())) return make_error(ErrorCode::Cancelled, "stopped", url);
        if (!badChunk.empty()) return make_error(ErrorCode::Corrupt, "the server sent a chunk that is not JSON: " + badChunk, url);
        const bool failed = e.rc != CURLE_OK || e.status != 200;
        if (failed && !tokens && attempt < m_config.retries && retryable(e)) {
            if (!pause(retryDelay(e, m_config, attempt), cancel)) return make_error(ErrorCode::Cancelled, "stopped", url);
            continue;
        }
        if (e.status != 200 && e.status != 0) {
            const std::string said = serverMessage(e);
            const bool tooLong = said.find("context_length_exceeded") != std::string::npos ||
                                 e.body.find("context_length_exceeded") != std::string::npos || contextLimitIn(said) > 0;
            if (e.status == 400 && tooLong) {
                if (contextLimit) *contextLimit = contextLimitIn(said);
                return make_error(ErrorCode::InvalidArgument, "the prompt is longer than the server's context: " + said, url);
            }
            return statusError(e, url, m_config.model);
        }
        if (e.rc != CURLE_OK && !finished) {
            if (e.timedOut || !tokens) return transportError(e, url);
            return make_error(ErrorCode::Io, "the server's stream broke off mid-answer, without a finish reason (" +
                                                 std::string(curl_easy_strerror(e.rc)) + "); it was not tried again",
                              url);
        }
        if (!finished || !done)
            return make_error(ErrorCode::Io,
                              std::string("the server's stream ended without ") +
                                  (finished ? "its closing [DONE]" : "a finish reason") + " (cut off)",
                              url);
        return out;
    }
}

}  // namespace lectern::app::remote
