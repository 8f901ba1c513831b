// Options and the client loop of the task commands (task_common.h).
#include "task_common.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <unistd.h>

#include "backend_option.h"
#include "command.h"
#include "json_text.h"

namespace lectern::cli {
namespace {

std::atomic<bool> g_interrupted{false};

// The first Ctrl-C is Stop; a second one (e.g. during a long model load, which stops only
// between its steps) ends the process as Ctrl-C always did.
extern "C" void onTaskSigint(int) {
    if (g_interrupted.exchange(true)) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
}

// One stderr line per phase change or half second: "prefill 42% (430/1024 tokens) ETA 3.1s 812.5 tok/s".
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool enabled) : m_enabled(enabled), m_tty(::isatty(2) != 0) {}
    void show(const app::JobProgress& p) {
        if (!m_enabled) return;
        const auto now = std::chrono::steady_clock::now();
        if (!m_started || p.phase != m_phase) {
            m_started = true;
            m_phase = p.phase;
            m_start = now;
            m_last = {};
        } else if (now - m_last < std::chrono::milliseconds(500) && (p.total == 0 || p.done < p.total)) {
            return;
        }
        m_last = now;
        const double secs = std::chrono::duration<double>(now - m_start).count();
        std::string line = app::phaseName(p.phase);
        const std::string unit = app::unitName(p.unit);
        if (p.total > 0)
            line += " " + std::to_string(p.done * 100 / p.total) + "% (" + std::to_string(p.done) + "/" +
                    std::to_string(p.total) + " " + unit + ")";
        else
            line += " " + std::to_string(p.done) + " " + unit;
        char buf[96];
        if (p.etaSeconds) {
            std::snprintf(buf, sizeof buf, " ETA %.1fs", *p.etaSeconds);
            line += buf;
        }
        if (p.unit == app::ProgressUnit::Tokens && secs > 0 && p.done > 0) {
            std::snprintf(buf, sizeof buf, " %.1f tok/s", static_cast<double>(p.done) / secs);
            line += buf;
        }
        std::fprintf(stderr, m_tty ? "\r\033[K%s" : "%s\n", line.c_str());
        m_dirty = m_tty;
    }
    void end() {
        if (m_dirty) std::fprintf(stderr, "\n");
        m_dirty = false;
    }

private:
    bool m_enabled;
    bool m_tty;
    bool m_dirty = false;
    bool m_started = false;
    app::Phase m_phase = app::Phase::LoadModel;
    std::chrono::steady_clock::time_point m_start, m_last;
};

// Prints `job`'s events until its final one, which it returns. Ctrl-C cancels the job.
app::JobEvent follow(app::AppCore& core, app::JobEventQueue& queue, app::JobId job, const TaskOptions& o) {
    ProgressPrinter progress(!o.quiet);
    bool cancelSent = false;
    for (;;) {
        if (g_interrupted.load() && !cancelSent) {
            core.cancel(job);
            cancelSent = true;
        }
        auto e = queue.pop(std::chrono::milliseconds(100));
        if (!e || e->job != job) continue;
        if (auto* p = std::get_if<app::JobProgress>(&e->payload)) progress.show(*p);
        if (auto* t = std::get_if<app::JobToken>(&e->payload); t && !o.json) {
            std::fwrite(t->text.data(), 1, t->text.size(), stdout);
            std::fflush(stdout);
        }
        if (e->isFinal()) {
            progress.end();
            return std::move(*e);
        }
    }
}

Result<app::EngineOptions> engineOptions(const TaskOptions& o, app::AppCore& core, const TaskJob& job) {
    app::EngineOptions eo;
    eo.modelPath = o.model;
    if (eo.modelPath.empty() && job.model) {
        auto model = job.model(core);
        if (!model) return model.error();
        eo.modelPath = *model;
    }
    if (eo.modelPath.empty())
        if (const char* env = std::getenv("LECTERN_MODEL")) eo.modelPath = env;
    eo.nCtx = o.ctx;
    eo.ctxBeyondTraining = o.ctxBeyondTraining;
    eo.backend = o.backend;
    eo.threads = o.threads;
    eo.kvType = parse_kv(o.kv);
    eo.activations = parse_activations(o.activations);
    return eo;
}

// --remote: the endpoint, its key (a file, else $OPENAI_API_KEY) and the local tokenizer.
app::RemoteOptions remoteOptions(const TaskOptions& o) {
    app::RemoteOptions r;
    r.endpoint.baseUrl = o.remote;
    r.endpoint.model = o.remoteModel;
    r.apiKeyFile = o.apiKeyFile;  // read by the engine as it opens
    r.tokenizerPath = o.tokenizer;
    r.nCtx = o.ctxGiven ? o.ctx : 0;
    return r;
}

int stoppedBeforeStart(const std::string& command) {
    return report(command, make_error(ErrorCode::Cancelled, "stopped before it started"));
}

// The exit code of a job that did not finish with a value.
int unfinished(const std::string& command, const app::JobEvent& e) {
    if (const auto* f = std::get_if<app::JobFailed>(&e.payload)) return report(command, f->error);
    return stoppedBeforeStart(command);
}

int runJobs(const std::string& command, const TaskOptions& o, app::AppCore& core, app::JobEventQueue& queue,
            const TaskJob& job) {
    for (const auto& path : job.inputs) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            return report(command, make_error(ErrorCode::NotFound, "no such file or folder", path));
    }
    app::JobId open = 0;
    if (!job.needsModel) {
        // Nothing to open but the guard.
    } else if (!o.remote.empty()) {
        open = core.openRemote(remoteOptions(o));
    } else {
        auto eo = engineOptions(o, core, job);
        if (!eo) return report(command, eo.error());
        if (eo->modelPath.empty())
            return report(command, make_error(ErrorCode::InvalidArgument, "no model: pass --model or set LECTERN_MODEL"));
        open = core.openModel(*eo);
    }
    const app::JobEvent opened = open ? follow(core, queue, open, o) : app::JobEvent{};
    const auto* model = app::finishedValue<app::ModelInfo>(opened);
    if (open && !model) return unfinished(command, opened);
    if (model && !o.quiet)
        std::fprintf(stderr, "model: %s, backend: %s, context: %lld tokens, KV cache %s, activations %s\n%s\n",
                     model->path.c_str(), model->backend.c_str(), static_cast<long long>(model->nCtx),
                     kv_type_name(model->kvType), cpu_activations_name(model->activations), model->choice.c_str());
    if (!o.guard.empty()) {
        const app::JobEvent guarded = follow(core, queue, core.openGuard(o.guard, o.backend, o.threads), o);
        const auto* guard = app::finishedValue<app::ModelInfo>(guarded);
        if (!guard) return unfinished(command, guarded);
        if (!o.quiet) std::fprintf(stderr, "guard: %s, context: %lld tokens\n", guard->path.c_str(),
                                   static_cast<long long>(guard->nCtx));
    }
    if (g_interrupted.load()) return stoppedBeforeStart(command);
    const app::JobEvent done = follow(core, queue, job.submit(core), o);
    const auto j = job.toJson(done);
    if (!j) return unfinished(command, done);
    if (!o.json && j->contains("notes"))
        for (const auto& note : (*j)["notes"]) std::fprintf(stderr, "note: %s\n", note.get<std::string>().c_str());
    if (const auto s = j->value("sampling", nlohmann::json::object()); !o.json && !o.quiet && s.value("temperature", 0.0) > 0) {
        const auto seed = static_cast<unsigned long long>(s["seed"].get<std::uint64_t>());
        std::fprintf(stderr, "sampled at temperature %.2f with seed %llu (--seed %llu gives this answer again)\n",
                     s["temperature"].get<double>(), seed, seed);
    }
    if (o.json)
        std::printf("%s\n", app::dumpJson(*j, 2).c_str());
    else
        std::printf("\n");
    if (j->value("stopped", false)) {
        std::fprintf(stderr, "lectern-cli %s: stopped; the partial result is kept (session %lld)\n", command.c_str(),
                     static_cast<long long>(j->value("session", std::int64_t{0})));
        return kExitCancelled;
    }
    return kExitOk;
}

}  // namespace

void addTaskOptions(CLI::App* cmd, TaskOptions& o) {
    cmd->add_option("--model", o.model, "A GGUF file or Hugging Face folder (default: $LECTERN_MODEL)");
    cmd->add_option("--ctx", o.ctx,
                    "Context size in tokens (default: the model's trained context, lowered to what fits in "
                    "memory, trying an 8-bit KV cache first; a remote model: the server's)")
        ->each([&o](const std::string&) { o.ctxGiven = true; });
    cmd->add_option("--remote", o.remote,
                    "Run on an OpenAI-compatible server instead (vLLM, llama.cpp, lectern-cli serve): its base URL, "
                    "e.g. http://gpu-node:8000/v1; needs --tokenizer");
    cmd->add_option("--remote-model", o.remoteModel, "The server's model to use (default: its only one)");
    cmd->add_option("--api-key-file", o.apiKeyFile, "File holding the server's API key (default: $OPENAI_API_KEY)");
    cmd->add_option("--tokenizer", o.tokenizer,
                    "With --remote: the model's tokenizer on this machine (its GGUF file, Hugging Face folder or "
                    "tokenizer.json), so the documents are counted exactly");
    cmd->add_flag("--ctx-beyond-training", o.ctxBeyondTraining,
                  "Accept a --ctx larger than the context the model was trained for");
    cmd->add_option("--backend", o.backend, "Compute backend: cpu, cuda or auto (the GPU where there is one)")
        ->check(CLI::IsMember({"cpu", "cuda", "auto"}))
        ->capture_default_str();
    cmd->add_option("--threads", o.threads, "CPU threads; 0: all");
    add_kv_option(cmd, o.kv);
    add_activations_option(cmd, o.activations);
    cmd->add_option("--temperature", o.temperature, "Sampling temperature; 0: greedy (default: the task's)")
        ->check(CLI::Range(0.0f, 10.0f));
    cmd->add_option("--top-k", o.topK, "Keep the k most likely tokens; 0: off")->check(CLI::NonNegativeNumber);
    cmd->add_option("--top-p", o.topP, "Keep the most likely tokens up to this probability mass; 1: off")
        ->check(CLI::Range(0.0f, 1.0f));
    cmd->add_option("--min-p", o.minP, "Keep tokens at least this fraction as likely as the top one; 0: off")
        ->check(CLI::Range(0.0f, 1.0f));
    cmd->add_option("--repeat-penalty", o.repeatPenalty, "Penalty for tokens of the last 64 (above 0); 1: off")
        ->check(CLI::Range(0.01f, 10.0f));
    cmd->add_option("--seed", o.seed, "Seed of the sampler: the same seed gives the same answer (default: random)");
    cmd->add_flag("--json", o.json, "Print one JSON object with the result instead of streaming text");
    cmd->add_option("--db", o.db, "The database (default: the XDG data folder)");
    cmd->add_option("-n,--max-tokens", o.maxTokens, "Most tokens of an answer")->capture_default_str();
    cmd->add_flag("-q,--quiet", o.quiet, "No progress on stderr");
}

SamplerOptions taskSampling(const TaskOptions& o, SamplerOptions s) {
    if (o.temperature) s.temperature = *o.temperature;
    if (o.topK) s.top_k = *o.topK;
    if (o.topP) s.top_p = *o.topP;
    if (o.minP) s.min_p = *o.minP;
    if (o.repeatPenalty) s.repeat_penalty = *o.repeatPenalty;
    if (o.seed) {
        s.seed = *o.seed;
    } else {
        std::random_device random;
        s.seed = (static_cast<std::uint64_t>(random()) << 32) | random();
    }
    return s;
}

nlohmann::json samplingJson(const SamplerOptions& s) {
    return {{"temperature", s.temperature}, {"top_k", s.top_k},     {"top_p", s.top_p},
            {"min_p", s.min_p},             {"repeat_penalty", s.repeat_penalty}, {"seed", s.seed}};
}

int runTaskCommand(const std::string& command, const TaskOptions& o, const TaskJob& job) {
    app::JobEventQueue queue;
    app::AppCoreOptions co;
    co.database = o.db;
    co.snapshots = o.snapshots;
    co.listener = queue.listener();
    auto core = app::AppCore::open(co);
    if (!core) return report(command, core.error());
    g_interrupted.store(false);
    auto previous = std::signal(SIGINT, onTaskSigint);
    const int code = runJobs(command, o, **core, queue, job);
    std::signal(SIGINT, previous);
    return code;
}

}  // namespace lectern::cli
