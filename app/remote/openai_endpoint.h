// An OpenAI-compatible endpoint as the tasks will use it for models too large for this
// machine (vLLM with tensor and pipeline parallelism, llama.cpp's server, Ollama, LM Studio,
// another Lectern): what it serves and its context length, discovered rather than guessed;
// token counts from its own tokenizer (/tokenize, with the messages so its chat template is
// counted); and a chat completion, always streamed (libcurl), so that Stop closes the
// connection and the server cancels.
//
// Timeouts: connecting, the first token (a 128K-token prefill on a 405B model takes
// minutes), and the gap between two chunks. Connection errors, 429 (its Retry-After
// honoured) and 5xx are tried again with backoff before the first token, never after.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/engine/chat_template.h"
#include "lectern/engine/result.h"
#include "lectern/engine/sampler.h"

namespace lectern::app::remote {

struct EndpointConfig {
    std::string baseUrl;  // ".../v1", e.g. http://gpu-node:8000/v1
    std::string model;    // empty: the endpoint's only model
    std::string apiKey;   // empty: none sent
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds firstTokenTimeout{600'000};
    std::chrono::milliseconds idleTimeout{120'000};
    int retries = 4;                             // further tries before the first token
    std::chrono::milliseconds backoff{1'000};    // doubled after each try (a Retry-After wins)
    std::chrono::milliseconds maxBackoff{30'000};
};

struct EndpointInfo {
    std::string model;                // the id requests name
    std::vector<std::string> models;  // every model it lists
    std::int64_t maxModelLen = 0;     // 0: the server did not say
    std::string contextFrom;          // "max_model_len", "meta.n_ctx_train", "/props n_ctx" or ""
    bool tokenizes = false;           // it has a /tokenize the counts can use
};

struct ChatCall {
    std::vector<ChatMessage> messages;
    // When not empty, the prompt as token ids, sent to /v1/completions instead (rendered by
    // the caller with the model's own template and tokenizer: the server reads these ids).
    std::vector<std::int32_t> promptIds;
    std::string promptText;  // else, when not empty: a plain completion of this text
    std::int64_t maxTokens = 512;
    SamplerOptions sampling;  // temperature 0: greedy
    bool seeded = true;       // send sampling.seed
};

enum class RemoteFinish { Stop, Length };

struct RemoteCompletion {
    std::string text;
    RemoteFinish finish = RemoteFinish::Stop;
    // As the server reported them in its usage chunk; -1 when it sent none.
    std::int64_t promptTokens = -1;
    std::int64_t completionTokens = -1;
    std::int64_t cachedTokens = -1;
    int attempts = 1;  // requests made (tries before the first token included)
};

class OpenAiEndpoint {
public:
    explicit OpenAiEndpoint(EndpointConfig config);
    const EndpointConfig& config() const { return m_config; }

    // GET /v1/models (vLLM's max_model_len, llama.cpp's meta.n_ctx_train), else the
    // server's /props (llama.cpp's n_ctx); and whether /tokenize answers. Errors: Io (cannot
    // reach it), NeedsPassword (the key was refused), NotFound (no such model: the message
    // names those it has), Corrupt (not the API's answer).
    Result<EndpointInfo> discover() const;
    // The prompt tokens `messages` make on the server, its chat template included (vLLM's
    // /tokenize with messages). Errors: those of discover(); Unsupported when the server
    // cannot count a chat.
    Result<std::int64_t> countChat(const std::vector<ChatMessage>& messages) const;

    // The ids the server's tokenizer gives `text`, without BOS (/tokenize, in both vLLM's
    // and llama.cpp's dialect). Errors: those of discover(); Unsupported without /tokenize.
    Result<std::vector<std::int32_t>> tokenize(const std::string& text) const;
    // The prompt tokens the server counts for `text` sent as a plain completion prompt (its
    // usage; BOS included if it adds one), generating one token.
    Result<std::int64_t> countPrompt(const std::string& text) const;

    // Streams a chat completion (or, with promptIds, a completion of those ids): `onText` gets each piece as it comes; `cancel` closes the
    // connection. Errors: those of discover(); InvalidArgument when the prompt exceeds the
    // server's context (*contextLimit is set to the limit it gave, if it gave one); Io for a
    // stream cut off without a finish reason, a timeout, or a server error after the tries;
    // Cancelled (the text so far is lost with the error; onText had it).
    Result<RemoteCompletion> streamChat(const ChatCall& call, const std::function<void(std::string_view)>& onText,
                                        const std::atomic<bool>* cancel = nullptr,
                                        std::int64_t* contextLimit = nullptr) const;

private:
    EndpointConfig m_config;
};

// The server part of a base URL: "http://h:8000/v1" -> "http://h:8000".
std::string serverRoot(const std::string& baseUrl);
// "maximum context length is 8192 tokens" and its variants -> 8192; 0 when none is found.
std::int64_t contextLimitIn(const std::string& message);

}  // namespace lectern::app::remote
