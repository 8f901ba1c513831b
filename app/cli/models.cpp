// `lectern-cli models pull REPO [--file NAME ...] [--revision REV] [--ctx N]`: fetches a model
// from the Hugging Face Hub into its cache (shared with huggingface_hub; see app/hub/) and
// prints, on stdout, the path to load: the GGUF file, or the snapshot folder of a
// safetensors model. Before the first byte, the model's header (a Range request) gives its
// memory footprint at --ctx tokens; a model that does not fit is refused (exit 5) unless
// --force. Sizes, progress (bytes, rate, ETA) and the footprint go to stderr. Ctrl-C stops the download (exit 130); the next pull
// continues it. HF_ENDPOINT, HF_TOKEN, HF_HOME and HF_HUB_CACHE are read as
// huggingface_hub reads them.
//
// `lectern-cli models list`: the cached models, one snapshot per line (repository,
// revisions, commit, files, size, folder), each file below it.
//
// `lectern-cli models [--folder DIR ...] [--json] [--memory GIB]`: the models already on this
// computer (the Hugging Face cache, Ollama, LM Studio, GPT4All, and the folders named), one
// per line: source, name, format and quantization, size, trained context, whether it fits in
// memory with the automatic context (and which), and what to pass as --model; a model Lectern
// cannot run says why. --json prints the same as a JSON array.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "hub_cache.h"
#include "model_pull.h"
#if LECTERN_HAVE_APPCORE
#include <nlohmann/json.hpp>

#include "app_core.h"
#else
#include "lectern/engine/model_info.h"
#endif

namespace lectern::cli {
namespace {

struct Options {
    std::string repo;
    std::vector<std::string> files;
    std::string revision = "main";
    std::int64_t nCtx = 8192;
    bool force = false;
    double memoryGib = 0;  // 0: the memory free now
    std::vector<std::string> folders;  // models (no subcommand): searched besides the known places
    bool json = false;
};

std::atomic<bool> g_cancel{false};

extern "C" void onPullSigint(int) { g_cancel.store(true); }

std::string filesText(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " file" : " files");
}

std::string sizeText(double bytes) {
    static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024.0 && u < 4) {
        bytes /= 1024.0;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.2f %s", bytes, units[u]);
    return buf;
}

std::string etaText(double seconds) {
    if (seconds < 0) return "--:--";
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

void printPlan(const hub::PullPlan& plan) {
    std::fprintf(stderr, "%s @ %s (commit %s): %s, %s\n", plan.repo.c_str(), plan.revision.c_str(),
                 plan.commit.c_str(), filesText(plan.files.size()).c_str(), sizeText(static_cast<double>(plan.totalBytes)).c_str());
    for (const hub::PlannedFile& f : plan.files)
        std::fprintf(stderr, "  %-40s %10s%s\n", f.remote.name.c_str(), sizeText(static_cast<double>(f.remote.size)).c_str(),
                     f.cached ? "  (cached)" : f.partial ? "  (partly downloaded)" : "");
    if (plan.missingBytes == 0)
        std::fprintf(stderr, "%s already in the cache: nothing to download\n",
                     plan.files.size() == 1 ? "the file is" : ("all " + filesText(plan.files.size()) + " are").c_str());
    else
        std::fprintf(stderr, "to download: %s (%s free)\n", sizeText(static_cast<double>(plan.missingBytes)).c_str(),
                     sizeText(static_cast<double>(plan.freeBytes)).c_str());
}

// One status line, rewritten in place on a terminal at most 4 times a second; a line per
// file elsewhere.
hub::PullListener progressPrinter() {
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    auto lastFile = std::make_shared<std::string>();
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    hub::PullListener listener;
    listener.planned = printPlan;
    listener.progress = [=](const hub::PullProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        // A log (not a terminal) gets a line when a file starts and every 10 s.
        const bool newFile = *lastFile != p.file;
        if (!tty && !newFile && now - *last < std::chrono::seconds(10)) return;
        if (tty && now - *last < std::chrono::milliseconds(250) && p.fileDone < p.fileTotal) return;
        *last = now;
        *lastFile = p.file;
        std::fprintf(stderr, "%s[%zu/%zu] %s  %s / %s  %s/s  ETA %s%s", tty ? "\r" : "", p.index + 1, p.count,
                     p.file.c_str(), sizeText(static_cast<double>(p.done)).c_str(),
                     sizeText(static_cast<double>(p.total)).c_str(), sizeText(p.bytesPerSecond).c_str(),
                     etaText(p.etaSeconds).c_str(), tty ? "\033[K" : "\n");
    };
    listener.verifying = [tty](const std::string& file) {
        std::fprintf(stderr, "%sverifying %s\n", tty ? "\r\033[K" : "", file.c_str());
    };
    listener.waiting = [tty](const std::string& file) {
        std::fprintf(stderr, "%swaiting for another download of %s to end\n", tty ? "\r\033[K" : "", file.c_str());
    };
    return listener;
}

#if LECTERN_HAVE_APPCORE
void printFootprint(const app::ModelFootprint& f, std::int64_t nCtx) {
    std::fprintf(stderr, "memory at %lld tokens: weights %s + KV cache %s (16-bit) = %s", static_cast<long long>(nCtx),
                 sizeText(static_cast<double>(f.weightsBytes)).c_str(), sizeText(static_cast<double>(f.kvBytes)).c_str(),
                 sizeText(static_cast<double>(f.weightsBytes + f.kvBytes)).c_str());
    if (f.availableBytes > 0)
        std::fprintf(stderr, "; %s free now%s", sizeText(static_cast<double>(f.availableBytes)).c_str(),
                     f.fits ? "" : ": it does not fit");
    std::fprintf(stderr, "\n");
}

// Before the first byte: the model's header, read from the Hub, against the memory free.
// A model that does not fit is refused unless --force.
hub::PullListener withMemoryCheck(hub::PullListener listener, const hub::ModelPuller& puller, const Options& o) {
    listener.admit = [&puller, &o](const hub::PullPlan& plan) -> Status {
        app::PullOptions options;
        options.nCtx = o.nCtx;
        options.checkMemory = !o.force;
        if (o.memoryGib > 0) options.available = static_cast<std::size_t>(o.memoryGib * double(1ull << 30));
        app::ModelFootprint f;
        Status admitted = app::AppCore::admitPull(puller, plan, options, &g_cancel, &f);
        if (f.weightsBytes > 0) printFootprint(f, o.nCtx);
        else if (admitted.ok()) std::fprintf(stderr, "memory: not known before the download (--force)\n");
        if (!admitted.ok() && admitted.error().code == ErrorCode::OutOfMemory) {
            Error e = admitted.error();
            e.message += " (--force downloads it anyway)";
            return e;
        }
        return admitted;
    };
    return listener;
}
#else
// What the pulled model needs in memory at nCtx tokens (16-bit KV cache), read from its
// header now that it is on disk.
void printFootprint(const std::string& model, std::int64_t nCtx) {
    auto info = inspect_model(model);
    if (!info) {
        std::fprintf(stderr, "memory: not known (%s)\n", info.error().to_string().c_str());
        return;
    }
    const ModelMemory m = info->memory(nCtx);
    std::fprintf(stderr, "memory at %lld tokens: weights %s + KV cache %s (16-bit)\n", static_cast<long long>(nCtx),
                 sizeText(static_cast<double>(m.weights_bytes)).c_str(),
                 sizeText(static_cast<double>(m.kv_cache_f16_bytes)).c_str());
}
#endif

int runPull(const Options& o) {
    auto cache = hub::HubCache::openDefault();
    if (!cache) return report("models pull", cache.error());
    hub::ModelPuller puller(hub::HubClient(hub::HubConfig::fromEnvironment()), cache.value());
    hub::PullRequest request;
    request.repo = o.repo;
    request.files = o.files;
    request.revision = o.revision;
    g_cancel.store(false);
    auto previous = std::signal(SIGINT, onPullSigint);
#if LECTERN_HAVE_APPCORE
    auto pulled = puller.pull(request, withMemoryCheck(progressPrinter(), puller, o), &g_cancel);
#else
    auto pulled = puller.pull(request, progressPrinter(), &g_cancel);
#endif
    std::signal(SIGINT, previous);
    if (!pulled) {
        if (::isatty(STDERR_FILENO) == 1) std::fprintf(stderr, "\n");  // below the status line
        return report("models pull", pulled.error());
    }
    if (pulled->downloadedFiles > 0)
        std::fprintf(stderr, "downloaded %s (%s) into %s\n", filesText(pulled->downloadedFiles).c_str(),
                     sizeText(static_cast<double>(pulled->downloadedBytes)).c_str(), pulled->snapshot.c_str());
#if !LECTERN_HAVE_APPCORE
    printFootprint(pulled->model.string(), o.nCtx);
#endif
    std::printf("%s\n", pulled->model.c_str());
    return kExitOk;
}

#if LECTERN_HAVE_APPCORE
std::string contextText(std::int64_t n) {
    if (n <= 0) return "-";
    return n % 1024 == 0 ? std::to_string(n / 1024) + "K" : std::to_string(n);
}

int runFound(const Options& o) {
    std::optional<std::size_t> available;
    if (o.memoryGib > 0) available = static_cast<std::size_t>(o.memoryGib * 1024.0 * 1024.0 * 1024.0);
    const std::vector<app::FoundModel> found = app::AppCore::findModels(o.folders, available);
    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const app::FoundModel& f : found) {
            const hub::DiscoveredModel& m = f.model;
            nlohmann::json j = {{"source", hub::modelSourceName(m.source)}, {"name", m.name}, {"path", m.path},
                                {"format", m.format}, {"bytes", m.bytes}, {"architecture", m.architecture},
                                {"quantization", m.quantization}, {"context_length", m.nCtxTrain},
                                {"parameters", m.parameters}, {"layers", m.nLayer}, {"supported", m.supported}};
            if (!m.supported) j["reason"] = m.reason;
            if (f.footprint) {
                const app::ModelFootprint& p = *f.footprint;
                j["fits"] = p.fits;
                j["memory"] = {{"context", p.nCtx},      {"kv", kv_type_name(p.kvType)}, {"needs_bytes", p.totalBytes()},
                               {"available_bytes", p.availableBytes}, {"choice", p.choice}, {"advice", p.advice}};
            }
            out.push_back(std::move(j));
        }
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    if (found.empty()) {
        std::printf("no models found (Hugging Face cache, Ollama, LM Studio, GPT4All%s)\n",
                    o.folders.empty() ? "" : ", the folders given");
        return kExitOk;
    }
    std::printf("%-12s %-60s %-18s %10s %7s  %-34s %s\n", "SOURCE", "NAME", "FORMAT", "SIZE", "CONTEXT", "ON THIS COMPUTER",
                "PATH");
    for (const app::FoundModel& f : found) {
        const hub::DiscoveredModel& m = f.model;
        const std::string format = m.format + (m.quantization.empty() ? "" : " " + m.quantization);
        std::string fit;
        if (!m.supported) fit = "unsupported: " + m.reason;
        else if (!f.footprint) fit = "-";
        else if (f.footprint->fits)
            fit = "fits: " + contextText(f.footprint->nCtx) + ", " + kv_type_name(f.footprint->kvType) + " KV, " +
                  sizeText(static_cast<double>(f.footprint->totalBytes()));
        else fit = "too large: " + f.footprint->advice;
        std::printf("%-12s %-60s %-18s %10s %7s  %-34s %s\n", hub::modelSourceName(m.source), m.name.c_str(),
                    format.c_str(), sizeText(static_cast<double>(m.bytes)).c_str(), contextText(m.nCtxTrain).c_str(),
                    fit.c_str(), m.path.c_str());
    }
    return kExitOk;
}
#endif

int runList() {
    auto cache = hub::HubCache::openDefault();
    if (!cache) return report("models list", cache.error());
    auto snapshots = cache->list();
    if (!snapshots) return report("models list", snapshots.error());
    if (snapshots->empty()) {
        std::printf("no models in %s\n", cache->root().c_str());
        return kExitOk;
    }
    for (const hub::CachedSnapshot& s : snapshots.value()) {
        std::string refs;
        for (const std::string& r : s.refs) refs += (refs.empty() ? "" : ",") + r;
        std::printf("%s  %s  %s  %s  %s  %s\n", s.repo.c_str(), refs.empty() ? "-" : refs.c_str(),
                    s.commit.c_str(), filesText(s.files.size()).c_str(), sizeText(static_cast<double>(s.bytes)).c_str(), s.path.c_str());
        for (const hub::CachedFile& f : s.files)
            std::printf("    %-40s %10s\n", f.name.c_str(),
                        f.present ? sizeText(static_cast<double>(f.size)).c_str() : "missing");
    }
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto o = std::make_shared<Options>();
    CLI::App* models = root.add_subcommand(
        "models", "The models already on this computer (Hugging Face cache, Ollama, LM Studio, GPT4All); "
                  "get models from the Hugging Face Hub; list its cache");
#if LECTERN_HAVE_APPCORE
    models->require_subcommand(0, 1);
    models->add_option("--folder", o->folders, "Also search this folder for GGUF files and model folders; repeatable");
    models->add_flag("--json", o->json, "Print the list as JSON");
    models->add_option("--memory", o->memoryGib, "GiB of memory to check each model against (default: what is free now)")
        ->check(CLI::PositiveNumber);
#else
    models->require_subcommand(1);
#endif
    CLI::App* pull = models->add_subcommand("pull", "Download a model into the Hugging Face cache");
    pull->add_option("repo", o->repo, "Repository, ORG/NAME")->required();
    pull->add_option("--file", o->files, "A file to take (a GGUF file); repeatable. "
                                         "Default: a safetensors model's files, or the only GGUF");
    pull->add_option("--revision", o->revision, "Branch, tag or commit (default: main)");
    pull->add_option("--ctx", o->nCtx, "Context length for the memory estimate (default: 8192)")
        ->check(CLI::PositiveNumber);
    pull->add_option("--memory", o->memoryGib, "GiB of memory to check the model against "
                                               "(default: what is free now)")
        ->check(CLI::PositiveNumber);
    pull->add_flag("--force", o->force, "Download even a model that does not fit in this computer's memory");
    CLI::App* list = models->add_subcommand("list", "The models in the Hugging Face cache");
    return [o, pull, list]() -> int {
        if (pull->parsed()) return runPull(*o);
        if (list->parsed()) return runList();
#if LECTERN_HAVE_APPCORE
        return runFound(*o);
#else
        return kExitUsage;
#endif
    };
}

const Registrar registrar("models", 210, setup);

}  // namespace
}  // namespace lectern::cli
