// The generation loop: prefill a prompt into a session, then sample and decode one token at
// a time until a stop token, the token limit, the context's end, a callback's request or
// cancellation.
//
// Stop tokens are given by the caller (e.g. the tokenizer's eos/eot ids); none are implied.
// A stop token is reported (in `tokens` and to on_token) but not decoded into the session.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "lectern/engine/result.h"
#include "lectern/engine/sampler.h"
#include "lectern/engine/session.h"

namespace lectern {

enum class StopReason {
    MaxTokens,   // produced max_tokens
    StopToken,   // sampled one of stop_ids
    ContextFull, // the session reached n_ctx
    Callback,    // on_token returned false
};

struct GenerateOptions {
    int64_t max_tokens = 256;
    std::vector<int32_t> stop_ids;
    // Called for every generated token with the logits that chose it (n_vocab f32, before
    // the sampler's penalty); return false to stop after this token.
    std::function<bool(int32_t token, std::span<const float> logits)> on_token;
    // Called after each prompt chunk, like PrefillOptions::progress.
    std::function<void(int64_t done, int64_t total)> on_prefill_progress;
    const std::atomic<bool>* cancel = nullptr;  // set from any thread to stop: Cancelled
};

struct Generation {
    std::vector<int32_t> tokens;  // the generated tokens, a final stop token included
    StopReason reason = StopReason::MaxTokens;
};

// Appends `prompt` to the session (it may be empty when the session already holds tokens
// and their logits), then generates. Errors: those of Session::prefill/decode, Cancelled.
Result<Generation> generate(Session& session, std::span<const int32_t> prompt, Sampler& sampler,
                            const GenerateOptions& options);

}  // namespace lectern
