// What the task commands (summarize, ask, review, translate) share: the --model, --ctx,
// --backend, --threads, --json, --db and -n options, opening the store and the engine,
// and running a task as a job on the job runner's worker while the main thread prints
// streamed text on stdout and progress (phase, percent, ETA, tok/s) on stderr. Ctrl-C
// cancels the job; the task keeps its partial answer and the command exits with 130.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "local_engine.h"
#include "store.h"
#include "task_context.h"

namespace lectern::cli {

struct TaskOptions {
    std::string model;  // empty: $LECTERN_MODEL (ask --session: the session's model)
    std::int64_t ctx = 4096;
    std::string backend = "cpu";
    int threads = 0;
    std::string kv = "f32";  // KV cache element type: f32, f16, bf16
    std::string activations = "exact";  // CPU products: exact, int8
    bool json = false;  // print one JSON object at the end instead of streaming text
    std::string db;     // empty: the default database
    std::int64_t maxTokens = 512;
    bool quiet = false; // no progress on stderr
};

void addTaskOptions(CLI::App* cmd, TaskOptions& options);

Result<app::Store> openTaskStore(const TaskOptions& options);
Result<std::unique_ptr<app::LocalEngine>> openTaskEngine(const TaskOptions& options);

// The task's JSON result (with "stopped": true when it was cancelled), or its error.
using TaskBody = std::function<Result<nlohmann::json>(const app::TaskContext& context)>;

// Runs `body` as a job and returns the exit code: 0, 130 when stopped, or the error's.
int runTaskCommand(const std::string& command, const TaskOptions& options, const TaskBody& body);

}  // namespace lectern::cli
