// The OpenAI-compatible API's request and response shapes, as the clients that use it rely
// on them (the official openai client, LangChain, Open WebUI, Continue; vLLM's and
// llama.cpp's servers for /tokenize and /detokenize): bodies parsed into the facade's
// CompletionRequest, results and stream chunks written as JSON. No HTTP here: the server
// (openai_server.h) moves these strings; tests read them directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app_core.h"

namespace lectern::app::serve {

// An error as the API reports it: {"error": {"message", "type", "param", "code"}}.
struct ApiError {
    int status = 400;
    std::string message;
    std::string type = "invalid_request_error";
    std::string param;  // empty: null
    std::string code;   // empty: null
};

std::string errorBody(const ApiError& error);

// What a generation endpoint was asked besides the completion itself.
struct GenerationCall {
    CompletionRequest request;
    bool chat = false;          // /v1/chat/completions (else /v1/completions)
    bool stream = false;
    bool includeUsage = false;  // stream_options.include_usage
    bool seeded = false;        // a seed was given (else the server draws one)
    std::string model;          // as the client named it ("" when it did not)
};

// Parses the body of POST /v1/chat/completions (chat = true) or /v1/completions.
// Message content may be a string or a list of {"type": "text"} parts. Unsupported fields
// with an effect (n or best_of > 1, logprobs, tools, logit_bias, a non-text response
// format, echo, suffix, a non-zero frequency or presence penalty) are refused rather than
// ignored.
std::optional<ApiError> parseGeneration(const std::string& body, bool chat, GenerationCall& out);

// POST /tokenize: vLLM's {"prompt"} or {"messages"} and llama.cpp's {"content"}.
// `addSpecial` is add_special_tokens (vLLM) / add_special (llama.cpp): BOS for a prompt.
struct TokenizeCall {
    CompletionRequest request;
    bool chat = false;
    bool addSpecial = true;
};
std::optional<ApiError> parseTokenize(const std::string& body, TokenizeCall& out);
// POST /detokenize: {"tokens": [ids]} in both dialects.
std::optional<ApiError> parseDetokenize(const std::string& body, std::vector<std::int32_t>& out);

// The answer's parts that every response and chunk repeats.
struct ResponseIds {
    std::string id;     // "chatcmpl-<hex>" or "cmpl-<hex>"
    std::int64_t created = 0;
    std::string model;
};

std::string finishName(FinishReason finish);  // "stop", "length"
std::string usageJson(const CompletionResult& r);  // the "usage" object, cached tokens included

// The non-streamed answer.
std::string completionBody(const ResponseIds& ids, bool chat, const CompletionResult& r);
// Stream chunks, each one line of JSON for `data: ...\n\n`. The first chunk of a chat
// carries the role; a text chunk carries content; the last one the finish reason and an
// empty delta; the usage chunk has no choices.
std::string roleChunk(const ResponseIds& ids);
std::string textChunk(const ResponseIds& ids, bool chat, const std::string& text);
std::string finishChunk(const ResponseIds& ids, bool chat, FinishReason finish);
std::string usageChunk(const ResponseIds& ids, bool chat, const CompletionResult& r);

std::string modelsBody(const std::string& model, std::int64_t created, std::int64_t maxModelLen);
std::string tokenizeBody(const std::vector<std::int32_t>& ids, std::int64_t maxModelLen);
std::string detokenizeBody(const std::string& text);

// The 400 a prompt longer than the context gets, with the counts, before any stream byte.
ApiError contextExceeded(std::int64_t nCtx, std::int64_t promptTokens, std::int64_t maxTokens);

// JSON nested deeper than `maxDepth` (outside strings): refused before parsing.
bool nestedDeeperThan(const std::string& body, int maxDepth);

}  // namespace lectern::app::serve
