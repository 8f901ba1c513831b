// The engine as the tasks use it: a model, its tokenizer and chat template, a compute
// backend and one Session (the conversation's KV cache), owned by the job runner's worker
// thread. The backend is wrapped so that every token it runs is counted: tasks and tests
// read how many tokens a step really prefilled, not how many it meant to.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/engine/backend.h"
#include "lectern/engine/chat_template.h"
#include "lectern/engine/generate.h"
#include "lectern/engine/sampler.h"
#include "lectern/engine/session.h"
#include "lectern/engine/tokenizer.h"
#include "task_engine.h"

namespace lectern::app {

// What to open. The defaults here are exact and small (what tests and library callers
// expect); lectern-cli's task commands and the window ask for the automatic choices instead:
// nCtx 0, kvType and activations empty, backend "auto".
struct EngineOptions {
    std::string modelPath;
    // 0: the model's trained context, lowered to what fits in memory (fit_context,
    // memory_plan.h): an 8-bit KV cache is tried before the context shrinks.
    std::int64_t nCtx = 4096;
    std::string backend = "cpu";  // cpu, cuda, auto
    int threads = 0;              // CPU threads; 0: all
    std::int64_t chunk = 256;     // tokens per prefill forward pass
    // Empty: f16, or q8_0 when nCtx is 0 and f16 does not fit.
    std::optional<KvType> kvType = KvType::F32;
    // How CPU products read activations; empty: default_cpu_activations of the weights' type.
    std::optional<CpuActivations> activations = CpuActivations::Exact;
    bool ctxBeyondTraining = false;  // accept nCtx above the model's trained context
    // The memory to plan against (host RAM, or the GPU's); empty: what is free now.
    std::optional<std::size_t> availableMemory;
    std::function<void(std::int64_t layer)> onLayer;  // Backend::set_layer_observer
};

using ProgressFn = std::function<void(std::int64_t done, std::int64_t total)>;

struct GenerateRequest {
    std::int64_t maxTokens = 512;
    SamplerOptions sampling;  // greedy unless the task's request says otherwise
    // Streamed, whole UTF-8 characters. Special tokens sampled mid-answer (<|begin_of_text|>,
    // reserved ones) add no text, as servers such as vLLM skip them: a task gives the same
    // text on either engine.
    std::function<void(std::string_view text)> onText;
    // The answer ends before the first of these it contains (the string itself is left
    // out); text that may begin one is held back from onText until it cannot.
    std::vector<std::string> stopStrings;
    bool ignoreEos = false;  // generate past the model's end-of-turn tokens (benchmarks, tests)
    ProgressFn onPrefill;
    ProgressFn onDecode;  // (tokens generated, maxTokens)
    const std::atomic<bool>* cancel = nullptr;
};

struct GenerateStats {
    std::string text;                 // the answer (stop token excluded)
    std::vector<std::int32_t> tokens; // generated ids (a final stop token included)
    StopReason reason = StopReason::MaxTokens;
    bool cancelled = false;           // stopped by `cancel`: text is the partial answer
    bool stopString = false;          // ended at one of the request's stop strings (reason: Callback)
    std::int64_t promptTokens = 0;    // tokens of the full prompt (kept prefix included)
    std::int64_t prefilledTokens = 0; // tokens the backend ran to prefill it (counted)
    double prefillMs = 0;
    double firstTokenMs = 0;          // from the call to the first token
    double tokensPerS = 0;            // decode speed
};

class LocalEngine : public TaskEngine {
public:
    // Loads the model and tokenizer and starts the backend, in kOpenSteps steps (the
    // tokenizer and the memory plan, the weights mapped, the backend with the weights in its
    // memory, the KV cache), reporting each to `steps` and stopping between them when
    // `cancel` is set. The memory plan (memory_plan.h) reads the model's header only and
    // refuses, before any weight is mapped or uploaded, a context that does not fit
    // (OutOfMemory / OutOfDeviceMemory with what would fit); with nCtx 0 it picks the
    // context. options() then holds what was chosen, and contextChoice() says why.
    // Errors: those of inspect_model_header, plan_memory, load_model, check_context_size,
    // Tokenizer::load, make_backend, Session::create; Cancelled.
    static constexpr std::int64_t kOpenSteps = 4;
    static Result<std::unique_ptr<LocalEngine>> open(const EngineOptions& options,
                                                     const ProgressFn& steps = {},
                                                     const std::atomic<bool>* cancel = nullptr);
    ~LocalEngine() override;

    const Tokenizer& tokenizer() const override { return *m_tokenizer; }
    Session& session() { return *m_session; }
    // What KV snapshots are keyed by: the model file's identity, plus ":int8-activations"
    // where the engine decodes with int8 activations.
    const std::string& modelId() const override { return m_modelId; }
    std::string modelName() const override { return m_options.modelPath; }
    LocalEngine* local() override { return this; }
    std::string backendName() const;
    const EngineOptions& options() const { return m_options; }
    KvType kvType() const { return *m_options.kvType; }
    CpuActivations activations() const { return *m_options.activations; }
    // One line: the backend chosen and why, the context and KV type and why.
    const std::string& contextChoice() const { return m_contextChoice; }
    std::int64_t nCtx() const override { return m_options.nCtx; }
    // Tokens the backend has run since the engine started (prefill and decode).
    std::int64_t forwardedTokens() const;

    // Chat rendering with the model's template (token ids, BOS included).
    Result<std::vector<std::int32_t>> renderChat(std::span<const ChatMessage> messages,
                                                 bool addGenerationPrompt) const override;
    std::vector<std::int32_t> stopIds() const { return m_tokenizer->stop_ids(); }

    // Makes the session hold exactly `tokens`: keeps the longest common prefix with what it
    // holds and prefills the rest. Returns the tokens prefilled.
    Result<std::int64_t> setContent(std::span<const std::int32_t> tokens, const ProgressFn& progress,
                                    const std::atomic<bool>* cancel);

    // The session holds `prompt` afterwards (common prefix kept), then generates. A
    // cancelled generation returns its partial text with cancelled = true.
    Result<GenerateStats> complete(std::span<const std::int32_t> prompt, const GenerateRequest& request) override;
    // Appends `tokens` to what the session holds, then generates.
    Result<GenerateStats> continueWith(std::span<const std::int32_t> tokens,
                                       const GenerateRequest& request);

private:
    LocalEngine() = default;
    Result<GenerateStats> decodeAnswer(GenerateStats stats, const GenerateRequest& request,
                                       double startMs);

    // Plans the memory of m_options on `backend` ("cpu" or "cuda") from the model's header
    // (its shape and weight bytes), and records the context and KV type chosen.
    Status planMemory(const ModelConfig& config, std::size_t weightBytes, const std::string& backend);

    EngineOptions m_options;
    std::string m_backendReason;  // set when "auto" chose the CPU because the GPU is too small
    std::string m_contextChoice;
    std::string m_modelId;
    std::unique_ptr<Tokenizer> m_tokenizer;
    std::unique_ptr<Backend> m_backend;  // a CountingBackend around the real one
    std::unique_ptr<Session> m_session;
    ChatTemplateKind m_chatKind = ChatTemplateKind::Llama3;
};

}  // namespace lectern::app
