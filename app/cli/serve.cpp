// `lectern-cli serve --model M [--host 127.0.0.1] [--port 8080] [--api-key-file F] [--ctx N]
// [--parallel N]`: the OpenAI-compatible server (app/serve/openai_server.h) over the local
// engine. It listens at once, answering /health with 503 while the model loads. Loopback by
// default; any other address needs a key (from --api-key-file or $LECTERN_API_KEY, never
// from the command line). Ctrl-C or SIGTERM stops it (exit 0).
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "api_key.h"
#include "app_core.h"
#include "backend_option.h"
#include "command.h"
#include "openai_server.h"

namespace lectern::cli {
namespace {

struct Options {
    std::string model;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string apiKeyFile;
    std::int64_t ctx = 8192;
    int parallel = 4;
    int threads = 0;
    std::string backend = "auto";
    std::string kv = "f16";
    std::string activations = "auto";
    std::size_t maxBodyMib = 8;
    bool quiet = false;
    std::string guard;  // a guard model for /v1/moderations
};

std::atomic<bool> g_stop{false};

// The main thread sees the flag, cancels the jobs and stops the server.
extern "C" void onServeSignal(int) { g_stop.store(true); }

// Stops the server and waits for its thread. stop() does nothing until the listener has
// started, and requests wait on their jobs: both are done again (with `each`, e.g. cancelling
// the jobs) every 100 ms until the thread has returned.
void stopAndJoin(app::serve::OpenAiServer& server, std::thread& http, const std::function<void()>& each) {
    std::atomic<bool> joined{false};
    std::thread closer([&] {
        while (!joined.load()) {
            server.stop();
            each();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    http.join();
    joined.store(true);
    closer.join();
}

int runServe(const Options& o) {
    auto key = app::serve::loadApiKey(o.apiKeyFile);
    if (!key) return report("serve", key.error());
    if (!app::serve::isLoopback(o.host) && key->empty()) {
        std::fprintf(stderr, "lectern-cli: serve: listening on %s (not loopback) needs a key: give --api-key-file "
                             "or set LECTERN_API_KEY\n", o.host.c_str());
        return kExitUsage;
    }
    if (!std::filesystem::exists(o.model))
        return report("serve", make_error(ErrorCode::NotFound, "no such model file or folder", o.model));

    app::serve::JobEventRouter router;
    app::AppCoreOptions co;
    co.snapshots = false;
    co.listener = [&router](const app::JobEvent& e) { router.deliver(e); };
    auto core = app::AppCore::open(co);
    if (!core) return report("serve", core.error());

    app::serve::ServeOptions so;
    so.host = o.host;
    so.port = o.port;
    so.apiKey = key.value();
    so.parallel = o.parallel;
    so.maxBodyBytes = o.maxBodyMib << 20;
    so.log = !o.quiet;
    app::serve::OpenAiServer server(**core, router, so);
    auto port = server.bind();
    if (!port) return report("serve", port.error());
    g_stop.store(false);
    auto previousInt = std::signal(SIGINT, onServeSignal);
    auto previousTerm = std::signal(SIGTERM, onServeSignal);
    std::fprintf(stderr, "lectern-cli serve: listening on http://%s:%d/v1 (%s); loading %s\n", o.host.c_str(), *port,
                 key->empty() ? "no key" : "key required", o.model.c_str());
    std::thread http([&server] { server.run(); });

    app::EngineOptions eo;
    eo.modelPath = o.model;
    eo.nCtx = o.ctx;
    eo.backend = o.backend;
    eo.threads = o.threads;
    eo.kvType = parse_kv(o.kv).value_or(KvType::F16);  // serve's context is given: f16 unless named
    eo.activations = parse_activations(o.activations);
    const app::JobId open = (*core)->openModel(eo);
    while (!g_stop.load()) {
        auto e = router.next(open, std::chrono::milliseconds(200));
        if (!e || !e->isFinal()) continue;
        if (const auto* f = std::get_if<app::JobFailed>(&e->payload)) {
            std::fprintf(stderr, "lectern-cli: serve: the model did not load: %s\n", f->error.to_string().c_str());
            server.failed(f->error.to_string());
            stopAndJoin(server, http, [] {});
            return exit_code_for(f->error);
        }
        const auto* info = app::finishedValue<app::ModelInfo>(*e);
        const std::string name = std::filesystem::path(o.model).filename().replace_extension().string();
        if (!o.guard.empty()) {  // the guard after the model, planned against what is left
            const app::JobId guard = (*core)->openGuard(o.guard, o.backend, o.threads);
            std::optional<app::JobEvent> g;
            while (!g_stop.load() && !(g = router.next(guard, std::chrono::milliseconds(200)), g && g->isFinal())) {}
            if (g_stop.load()) break;
            if (const auto* f = std::get_if<app::JobFailed>(&g->payload)) {
                std::fprintf(stderr, "lectern-cli: serve: the guard model did not load: %s\n", f->error.to_string().c_str());
                server.failed(f->error.to_string());
                stopAndJoin(server, http, [] {});
                return exit_code_for(f->error);
            }
            const std::string guardName = std::filesystem::path(o.guard).filename().replace_extension().string();
            server.guardReady(guardName);
            std::fprintf(stderr, "lectern-cli serve: guard: model '%s' answers /v1/moderations\n", guardName.c_str());
        }
        server.ready(name, info ? info->nCtx : o.ctx);
        std::fprintf(stderr, "lectern-cli serve: ready: model '%s', %lld tokens of context, backend %s\n", name.c_str(),
                     static_cast<long long>(info ? info->nCtx : o.ctx), info ? info->backend.c_str() : "?");
        break;
    }
    while (!g_stop.load()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // New work is refused, the listener closes, and the jobs that requests wait on are
    // cancelled until every request has returned.
    server.beginStopping();
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
    std::signal(SIGTERM, SIG_DFL);
    stopAndJoin(server, http, [&core] { (*core)->cancelAll(); });
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    std::fprintf(stderr, "lectern-cli serve: stopped\n");
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto o = std::make_shared<Options>();
    CLI::App* cmd = root.add_subcommand(
        "serve", "An OpenAI-compatible HTTP server over the local engine (/v1/chat/completions, /v1/completions, "
                 "/v1/models, /tokenize, /detokenize, /health; /v1/moderations with --guard)");
    cmd->add_option("--model", o->model, "GGUF file or Hugging Face folder")->required();
    cmd->add_option("--host", o->host, "Address to listen on (not loopback: a key is required)")->capture_default_str();
    cmd->add_option("--port", o->port, "Port (0: any free one, printed)")->check(CLI::Range(0, 65535))->capture_default_str();
    cmd->add_option("--api-key-file", o->apiKeyFile,
                    "File whose first line is the key clients must send as 'Authorization: Bearer KEY' "
                    "(else $LECTERN_API_KEY; never on the command line)");
    cmd->add_option("--ctx", o->ctx, "Context length (max_model_len)")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--parallel", o->parallel,
                    "Requests admitted at once; they run one at a time, in order; more get 503 with Retry-After")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    cmd->add_option("--max-body-mib", o->maxBodyMib, "Largest request body in MiB (larger: 413)")
        ->check(CLI::Range(1, 1024))
        ->capture_default_str();
    cmd->add_option("--threads", o->threads, "CPU threads (0: all)");
    add_backend_option(cmd, o->backend);
    add_activations_option(cmd, o->activations);
    cmd->add_option("--kv", o->kv, "KV cache element type: f16, bf16, f32, or q8_0 (8 bits per value "
                                  "and an f16 scale per 32: 0.53 of f16, for long contexts)")
        ->check(CLI::IsMember({"f16", "bf16", "f32", "q8_0"}))
        ->capture_default_str();
    cmd->add_flag("--quiet", o->quiet, "No line per request on stderr");
    cmd->add_option("--guard", o->guard, "A guard model (Llama Guard 3) answering POST /v1/moderations");
    return [o]() { return runServe(*o); };
}

const Registrar registrar("serve", 220, setup);

}  // namespace
}  // namespace lectern::cli
