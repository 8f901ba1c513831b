// What the task commands (summarize, ask, review, translate) share: their options (model,
// context, backend, KV cache, sampling, output), and the client loop over the application
// core (app_core.h): open the model as a job, submit the task as a job, print streamed
// text on stdout and progress (phase, unit, percent, ETA, tok/s) on stderr, and print the
// typed result (as JSON with --json). Ctrl-C is Stop: it cancels the running job through
// AppCore::cancel, exactly as a window's Stop button does; the task keeps its partial
// answer and the command exits with 130.
#pragma once

#include <any>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app_core.h"

namespace lectern::cli {

struct TaskOptions {
    std::string model;  // empty: $LECTERN_MODEL (ask --session: the session's model)
    std::int64_t ctx = 0;   // 0: the model's trained context, lowered to what fits
    bool ctxGiven = false;  // --ctx was on the command line (a remote model defaults to the server's)
    // A model on an OpenAI-compatible server instead of --model (Summarize, Review, Translate).
    std::string remote;        // base URL, e.g. http://gpu-node:8000/v1
    std::string remoteModel;   // empty: the server's only model
    std::string apiKeyFile;    // else $OPENAI_API_KEY
    std::string tokenizer;     // the model's tokenizer here: GGUF, Hugging Face folder or tokenizer.json
    bool ctxBeyondTraining = false;
    std::string backend = "auto";
    int threads = 0;
    std::string kv = "auto";  // KV cache element type: auto, f32, f16, bf16, q8_0
    std::string activations = "auto";  // CPU products: auto, exact, int8
    bool json = false;  // print one JSON object at the end instead of streaming text
    std::string db;     // empty: the default database
    bool snapshots = false;  // keep KV snapshots (ask, unless --no-snapshot)
    std::int64_t maxTokens = 512;
    bool quiet = false; // no progress on stderr
    // Sampling: unset ones keep the task's defaults (task_sampling.h).
    std::optional<float> temperature, topP, minP, repeatPenalty;
    std::optional<int> topK;
    std::optional<std::uint64_t> seed;  // unset: a random one, printed (stderr, and --json)
    std::string guard;  // a guard model (Llama Guard 3) opened beside the model (ask --guard)
};

void addTaskOptions(CLI::App* cmd, TaskOptions& options);

// The task's sampling with the options given on the command line applied; a seed is drawn
// when none was given.
SamplerOptions taskSampling(const TaskOptions& options, SamplerOptions defaults);

nlohmann::json samplingJson(const SamplerOptions& sampling);

// What a task command hands to the loop: how to submit its job, and how to turn the
// finished job's value into the command's JSON result ("stopped", "session" and "notes"
// are read from it). `model`, when set, names the model to open when --model is not given
// (ask --session: the session's own); $LECTERN_MODEL comes after it.
struct TaskJob {
    std::function<app::JobId(app::AppCore&)> submit;
    std::function<std::optional<nlohmann::json>(const app::JobEvent&)> toJson;
    std::function<Result<std::string>(app::AppCore&)> model;
    // Paths the task will read: a missing one is reported before the model is loaded.
    std::vector<std::string> inputs;
    bool needsModel = true;  // false: only the guard model is opened (screen)
};

// Opens the core and the model, submits the task, prints its events, and returns the exit
// code: 0, 130 when stopped, or the error's.
int runTaskCommand(const std::string& command, const TaskOptions& options, const TaskJob& job);

// The JSON of a job that finished with a T, through `toJson`; nothing for any other event.
template <class T, class ToJson>
std::function<std::optional<nlohmann::json>(const app::JobEvent&)> resultAs(ToJson toJson) {
    return [toJson](const app::JobEvent& e) -> std::optional<nlohmann::json> {
        const T* value = app::finishedValue<T>(e);
        if (!value) return std::nullopt;
        return toJson(*value);
    };
}

}  // namespace lectern::cli
