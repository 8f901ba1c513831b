// What Summarize, Review and Translate need of an engine: the model's tokenizer (the
// packing counts with it exactly), its chat template, its context, and a completion of a
// prompt given as token ids, streamed. LocalEngine runs the model here; RemoteEngine sends
// the same token ids to an OpenAI-compatible server, so both read the very same prompt.
// Ask keeps the conversation's KV cache and its snapshots on a LocalEngine (local());
// elsewhere it sends the whole conversation, documents first, for the server's prefix cache.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/engine/chat_template.h"
#include "lectern/engine/result.h"
#include "lectern/engine/tokenizer.h"

namespace lectern::app {

struct GenerateRequest;
struct GenerateStats;
class LocalEngine;

class TaskEngine {
public:
    virtual ~TaskEngine() = default;

    virtual const Tokenizer& tokenizer() const = 0;
    virtual std::int64_t nCtx() const = 0;
    // What checkpoints are keyed by: the model file's identity, or the endpoint's model.
    virtual const std::string& modelId() const = 0;
    // What a session records as its model: the file, or "<model> at <url>".
    virtual std::string modelName() const = 0;
    // Chat rendering with the model's template (token ids, BOS included).
    virtual Result<std::vector<std::int32_t>> renderChat(std::span<const ChatMessage> messages,
                                                         bool addGenerationPrompt) const = 0;
    std::size_t countTokens(std::string_view text) const { return tokenizer().count(text); }
    // The prompt's completion. A cancelled one returns its partial text with cancelled = true.
    virtual Result<GenerateStats> complete(std::span<const std::int32_t> prompt, const GenerateRequest& request) = 0;
    // The engine whose KV cache stays here between calls, if this is one.
    virtual LocalEngine* local() { return nullptr; }
    // A server that refused a prompt as longer than its context, and told its real limit,
    // makes the engine's context that limit: the caller can pack again, once
    // (contextShrank() says whether that happened since the last call of it).
    virtual bool contextShrank() { return false; }
};

// What a task says when it packed again after contextShrank().
inline std::string contextShrankNote(std::int64_t nCtx) {
    return "the server's context is " + std::to_string(nCtx) +
           " tokens, less than it said: the documents were packed again for it";
}

}  // namespace lectern::app
