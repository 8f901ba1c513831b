// `lectern-cli bench-prefix`: time to first token of a follow-up question on a document
// that fills the context, (a) with the document's KV cache kept in the session (only the
// question is prefilled), (b) from a KV snapshot on disk (load, then the question), and
// (c) without a kept prefix (document and question prefilled again), with the ratio
// (c) / (a). Random weights of a real shape (--synthetic) or a model file; random token ids.
//
// The snapshot was just written, so its pages sit in the page cache: before each load (b)
// they are dropped (fsync, then posix_fadvise DONTNEED) and mincore() checks that none is
// left, so (b) reads the disk. Where the drop does not take (tmpfs keeps files only in
// memory), the output says (b) read the page cache.
//
//   lectern-cli bench-prefix [--synthetic tiny|1b|8b | --model PATH] [--type q8_0]
//       [--ctx 2048] [--question 32] [--backend cpu|cuda|auto] [--threads N] [--repeat 3]
//       [--dir FOLDER]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "kv_snapshot_cache.h"
#include "lectern/bench/synthetic_model.h"
#include "lectern/engine/backend_factory.h"
#include "lectern/engine/model_loader.h"
#include "lectern/engine/session.h"
#include "lectern/engine/weight_types.h"

namespace lectern::cli {
namespace {

struct Args {
    std::string synthetic = "tiny";
    std::string model;
    std::string type = "q8_0";
    std::int64_t ctx = 2048;
    std::int64_t question = 32;
    std::string backend = "cpu";
    int threads = 0;
    int repeat = 3;
    std::string dir;  // the snapshot's folder; empty: the temp folder
};

double nowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

Result<std::shared_ptr<ModelWeights>> weightsFor(const Args& a, DType type) {
    if (!a.model.empty()) {
        auto w = load_model(a.model);
        if (!w) return w.error();
        return std::make_shared<ModelWeights>(std::move(w.value()));
    }
    auto config = bench::synthetic_config(a.synthetic);
    if (!config) return config.error();
    return bench::make_synthetic_model(*config, type, 0, 1);
}

// Drops `file`'s pages from the page cache (written back first, so none is dirty) and
// returns how many of its pages are still cached, counted by mincore() over a mapping.
Result<std::size_t> dropCachedPages(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return make_error(ErrorCode::Io, "cannot open the snapshot", file.string());
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size == 0 || ::fsync(fd) != 0 ||
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) != 0) {
        ::close(fd);
        return make_error(ErrorCode::Io, "cannot drop the snapshot from the page cache", file.string());
    }
    const auto bytes = static_cast<std::size_t>(st.st_size);
    void* map = ::mmap(nullptr, bytes, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return make_error(ErrorCode::Io, "cannot map the snapshot", file.string());
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> resident((bytes + page - 1) / page);
    const int rc = ::mincore(map, bytes, resident.data());
    ::munmap(map, bytes);
    if (rc != 0) return make_error(ErrorCode::Io, "cannot count the snapshot's cached pages", file.string());
    return static_cast<std::size_t>(std::count_if(resident.begin(), resident.end(),
                                                  [](unsigned char v) { return (v & 1) != 0; }));
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Prefills `tokens` and returns the ms until the first answer token is chosen (argmax).
Result<double> timeToFirstToken(Session& s, const std::vector<int32_t>& tokens, double start) {
    auto logits = s.prefill(tokens);
    if (!logits) return logits.error();
    volatile auto first = std::max_element(logits->begin(), logits->end()) - logits->begin();
    (void)first;
    return nowMs() - start;
}

Result<int> runBench(const Args& a) {
    if (a.ctx < a.question + 16 || a.question < 1 || a.repeat < 1)
        return make_error(ErrorCode::InvalidArgument, "need --ctx > --question + 16, --question >= 1, --repeat >= 1");
    auto type = parse_weight_type(a.type, bench::synthetic_weight_types());
    if (!type) return type.error();
    auto weights = weightsFor(a, *type);
    if (!weights) return weights.error();
    const auto config = (*weights)->config;
    BackendOptions bo;
    bo.cpu.n_threads = a.threads;
    auto choice = make_backend(a.backend, *weights, bo);
    if (!choice) return choice.error();
    std::fprintf(stderr, "backend: %s\n", choice->reason.c_str());
    auto session = Session::create(*choice->backend, {.n_ctx = a.ctx, .chunk = 512});
    if (!session) return session.error();
    Session& s = *session;

    std::mt19937 rng(7);
    std::uniform_int_distribution<int32_t> id(0, static_cast<int32_t>(config.n_vocab - 1));
    std::vector<int32_t> doc(static_cast<size_t>(a.ctx - a.question - 1)), question(static_cast<size_t>(a.question));
    for (auto& t : doc) t = id(rng);
    for (auto& t : question) t = id(rng);
    std::vector<int32_t> full = doc;
    full.insert(full.end(), question.begin(), question.end());

    std::vector<double> kept, fromDisk, none;
    for (int r = 0; r < a.repeat; ++r) {
        LECTERN_TRY(s.truncate(0));
        auto t = timeToFirstToken(s, full, nowMs());
        if (!t) return t.error();
        none.push_back(*t);
        LECTERN_TRY(s.truncate(static_cast<int64_t>(doc.size())));
        t = timeToFirstToken(s, question, nowMs());
        if (!t) return t.error();
        kept.push_back(*t);
    }
    const auto dir = (a.dir.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(a.dir)) /
                     ("lectern-bench-prefix-" + std::to_string(::getpid()));
    app::KvSnapshotCache cache(dir, 64ull << 30);
    auto key = cache.save("bench", s, static_cast<int64_t>(doc.size()));
    std::size_t stillCached = 0;  // the most pages left in the page cache before a load
    if (key) {
        for (int r = 0; r < a.repeat; ++r) {
            LECTERN_TRY(s.truncate(0));
            auto cached = dropCachedPages(cache.pathOf(*key));
            if (!cached) return cached.error();
            stillCached = std::max(stillCached, *cached);
            const double start = nowMs();
            auto l = cache.load("bench", doc, s);
            if (!l) return l.error();
            if (!l->loaded) return make_error(ErrorCode::Internal, "the snapshot did not load", l->reason);
            auto t = timeToFirstToken(s, question, start);
            if (!t) return t.error();
            fromDisk.push_back(*t);
        }
    } else {
        std::fprintf(stderr, "snapshot: %s\n", key.error().to_string().c_str());
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);

    std::printf("model %s, backend %s, n_ctx %lld, document %zu tokens, question %lld tokens, median of %d\n",
                a.model.empty() ? ("synthetic " + a.synthetic + " " + a.type).c_str() : a.model.c_str(),
                choice->backend->name().c_str(), static_cast<long long>(a.ctx), doc.size(),
                static_cast<long long>(a.question), a.repeat);
    std::printf("ttft without kept prefix   %10.2f ms\n", median(none));
    std::printf("ttft with kept prefix      %10.2f ms\n", median(kept));
    if (!fromDisk.empty()) {
        std::printf("ttft from disk snapshot    %10.2f ms\n", median(fromDisk));
        if (stillCached == 0)
            std::printf("  (cold read: the snapshot's pages were dropped from the page cache before each load)\n");
        else
            std::printf("  (page cache: %zu of the snapshot's pages stayed cached after the drop; "
                        "a folder on tmpfs keeps them, see --dir)\n", stillCached);
    }
    std::printf("ratio (without / kept)     %10.1f x\n", median(none) / median(kept));
    if (!fromDisk.empty()) std::printf("ratio (without / disk)     %10.1f x\n", median(none) / median(fromDisk));
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto a = std::make_shared<Args>();
    CLI::App* cmd = root.add_subcommand("bench-prefix", "Time to first token of a follow-up, with and without a kept prefix");
    auto* synthetic = cmd->add_option("--synthetic", a->synthetic, "Random weights of a shape: tiny, 1b, 8b")->capture_default_str();
    auto* model = cmd->add_option("--model", a->model, "A model file or folder instead");
    model->excludes(synthetic);
    cmd->add_option("--type", a->type, "Stored type of synthetic weights: " +
                                           weight_type_names(bench::synthetic_weight_types()))->capture_default_str();
    cmd->add_option("--ctx", a->ctx, "Context size; the document fills it")->capture_default_str();
    cmd->add_option("--question", a->question, "Tokens of the follow-up question")->capture_default_str();
    cmd->add_option("--backend", a->backend, "cpu, cuda or auto")->check(CLI::IsMember({"cpu", "cuda", "auto"}))->capture_default_str();
    cmd->add_option("--threads", a->threads, "CPU threads; 0: all");
    cmd->add_option("--repeat", a->repeat, "Runs of each measurement (the median is printed)")->capture_default_str();
    cmd->add_option("--dir", a->dir, "Folder of the KV snapshot (default: the temp folder), on the disk to measure");
    return [a] {
        auto r = runBench(*a);
        return r ? *r : report("bench-prefix", r.error());
    };
}

const Registrar registrar("bench-prefix", 95, setup);

}  // namespace
}  // namespace lectern::cli
