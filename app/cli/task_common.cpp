// Options, engine and store opening, and the job loop of the task commands (task_common.h).
#include "task_common.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include "backend_option.h"
#include "command.h"
#include "job_runner.h"

namespace lectern::cli {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void onTaskSigint(int) { g_cancel.store(true); }

// One stderr line per phase change or half second: "prefill 42% ETA 3.1s 812.5 tok/s".
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool enabled) : m_enabled(enabled), m_tty(::isatty(2) != 0) {}
    void show(const app::JobProgress& p) {
        if (!m_enabled) return;
        const auto now = std::chrono::steady_clock::now();
        if (p.phase != m_phase) {
            m_phase = p.phase;
            m_start = now;
            m_last = {};
        } else if (now - m_last < std::chrono::milliseconds(500) && p.done < p.total) {
            return;
        }
        m_last = now;
        const double secs = std::chrono::duration<double>(now - m_start).count();
        std::string line = p.phase;
        if (p.total > 0) line += " " + std::to_string(p.done * 100 / p.total) + "% (" + std::to_string(p.done) +
                                 "/" + std::to_string(p.total) + ")";
        char buf[96];
        if (p.etaSeconds) {
            std::snprintf(buf, sizeof buf, " ETA %.1fs", *p.etaSeconds);
            line += buf;
        }
        if ((p.phase == "prefill" || p.phase == "decode") && secs > 0 && p.done > 0) {
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
    std::string m_phase;
    std::chrono::steady_clock::time_point m_start, m_last;
};

}  // namespace

void addTaskOptions(CLI::App* cmd, TaskOptions& o) {
    cmd->add_option("--model", o.model, "A GGUF file or Hugging Face folder (default: $LECTERN_MODEL)");
    cmd->add_option("--ctx", o.ctx, "Context size in tokens")->capture_default_str();
    cmd->add_option("--backend", o.backend, "Compute backend: cpu, cuda or auto")
        ->check(CLI::IsMember({"cpu", "cuda", "auto"}))
        ->capture_default_str();
    cmd->add_option("--threads", o.threads, "CPU threads; 0: all");
    cmd->add_option("--kv", o.kv,
                    "KV cache element type: f32 (exact) or f16/bf16 (half the memory, for long "
                    "documents; a kept prefix is reused only with the same type)")
        ->check(CLI::IsMember({"f32", "f16", "bf16"}))
        ->capture_default_str();
    add_activations_option(cmd, o.activations);
    cmd->add_flag("--json", o.json, "Print one JSON object with the result instead of streaming text");
    cmd->add_option("--db", o.db, "The database (default: the XDG data folder)");
    cmd->add_option("-n,--max-tokens", o.maxTokens, "Most tokens of an answer")->capture_default_str();
    cmd->add_flag("-q,--quiet", o.quiet, "No progress on stderr");
}

Result<app::Store> openTaskStore(const TaskOptions& o) {
    return o.db.empty() ? app::Store::openDefault() : app::Store::open(o.db);
}

Result<std::unique_ptr<app::LocalEngine>> openTaskEngine(const TaskOptions& o) {
    std::string model = o.model;
    if (model.empty())
        if (const char* env = std::getenv("LECTERN_MODEL")) model = env;
    if (model.empty()) return make_error(ErrorCode::InvalidArgument, "no model: pass --model or set LECTERN_MODEL");
    app::EngineOptions eo;
    eo.modelPath = model;
    eo.nCtx = o.ctx;
    eo.backend = o.backend;
    eo.threads = o.threads;
    eo.kvType = o.kv == "f16" ? KvType::F16 : o.kv == "bf16" ? KvType::BF16 : KvType::F32;
    eo.activations = parse_activations(o.activations);
    auto engine = app::LocalEngine::open(eo);
    if (engine && !o.quiet)
        std::fprintf(stderr, "model: %s, backend: %s, context: %lld tokens, KV cache %s\n", model.c_str(),
                     (*engine)->backendName().c_str(), static_cast<long long>(o.ctx), o.kv.c_str());
    return engine;
}

int runTaskCommand(const std::string& command, const TaskOptions& o, const TaskBody& body) {
    g_cancel.store(false);
    auto previous = std::signal(SIGINT, onTaskSigint);
    app::JobEventQueue queue;
    std::optional<Result<nlohmann::json>> result;
    {
        app::JobRunner runner(queue.listener());
        const app::JobId id = runner.submit([&](app::JobContext& job) -> Result<std::string> {
            auto r = body(app::jobTaskContext(job, &g_cancel));
            result = r;
            if (!r) return r.error();
            return r->dump();
        });
        ProgressPrinter progress(!o.quiet);
        bool cancelSent = false;
        for (bool done = false; !done;) {
            if (g_cancel.load() && !cancelSent) {
                runner.cancel(id);
                cancelSent = true;
            }
            auto e = queue.pop(std::chrono::milliseconds(100));
            if (!e) continue;
            if (auto* p = std::get_if<app::JobProgress>(&e->payload)) progress.show(*p);
            if (auto* t = std::get_if<app::JobToken>(&e->payload); t && !o.json) {
                std::fwrite(t->text.data(), 1, t->text.size(), stdout);
                std::fflush(stdout);
            }
            done = e->isFinal();
        }
        progress.end();
        runner.waitIdle();
    }
    std::signal(SIGINT, previous);
    if (!result) return report(command, make_error(ErrorCode::Cancelled, "cancelled before it started"));
    if (!*result) return report(command, result->error());
    const nlohmann::json& j = **result;
    if (!o.json && j.contains("notes"))
        for (const auto& note : j["notes"]) std::fprintf(stderr, "note: %s\n", note.get<std::string>().c_str());
    if (o.json)
        std::printf("%s\n", j.dump(2).c_str());
    else
        std::printf("\n");
    if (j.value("stopped", false)) {
        std::fprintf(stderr, "lectern-cli %s: stopped; the partial result is kept (session %lld)\n",
                     command.c_str(), static_cast<long long>(j.value("session", std::int64_t{0})));
        return kExitCancelled;
    }
    return kExitOk;
}

}  // namespace lectern::cli
