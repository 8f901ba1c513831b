// AppCore's models from the Hub: the pull job and the curated list (see app_core.h).
#include "app_core.h"

#include <filesystem>

namespace lectern::app {

JobId AppCore::pullModel(PullRequest request, PullOptions options) {
    return m_runner->submit([request = std::move(request), options](JobContext& job) -> Result<std::any> {
        auto cache = hub::HubCache::openDefault();
        if (!cache) return cache.error();
        hub::ModelPuller puller(hub::HubClient(hub::HubConfig::fromEnvironment()), std::move(cache.value()));
        hub::PullListener listener;
        listener.progress = [&job](const hub::PullProgress& p) {
            job.progress(Phase::Download, ProgressUnit::Bytes, static_cast<std::int64_t>(p.done),
                         static_cast<std::int64_t>(p.total));
        };
        listener.admit = [&](const hub::PullPlan& plan) { return admitPull(puller, plan, options, job.cancelFlag()); };
        auto pulled = puller.pull(request, listener, job.cancelFlag());
        if (!pulled) return pulled.error();
        ModelPulled out;
        out.path = pulled->model.string();
        out.repo = pulled->repo;
        out.commit = pulled->commit;
        out.downloadedBytes = pulled->downloadedBytes;
        out.cachedBytes = pulled->cachedBytes;
        return std::any(std::move(out));
    });
}

namespace {

constexpr std::uint64_t kMB = 1000ull * 1000ull;

CuratedModel curated(std::string name, std::string repo, std::string file, std::uint64_t megabytes, std::int64_t nLayer,
                     std::int64_t nKvHead, std::int64_t headDim) {
    CuratedModel m;
    m.name = std::move(name);
    m.repo = std::move(repo);
    m.file = std::move(file);
    m.sizeBytes = megabytes * kMB;
    m.nLayer = nLayer;
    m.nKvHead = nKvHead;
    m.headDim = headDim;
    m.nCtxTrain = 131072;  // Llama 3.1 and 3.2 alike
    return m;
}

}  // namespace

const std::vector<CuratedModel>& AppCore::curatedModels() {
    // Sizes as the Hub lists them (decimal megabytes, rounded): approximate. The shapes are
    // those of the models' config.json (8B: 32 layers; 3B: 28; 1B: 16 with head_dim 64).
    static const std::vector<CuratedModel> models = {
        curated("Llama 3.1 8B Instruct, Q8_0", "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF",
                "Meta-Llama-3.1-8B-Instruct-Q8_0.gguf", 8540, 32, 8, 128),
        curated("Llama 3.1 8B Instruct, Q4_K_M", "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF",
                "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", 4920, 32, 8, 128),
        curated("Llama 3.2 3B Instruct, Q4_K_M", "bartowski/Llama-3.2-3B-Instruct-GGUF",
                "Llama-3.2-3B-Instruct-Q4_K_M.gguf", 2020, 28, 8, 128),
        curated("Llama 3.2 1B Instruct, Q8_0", "bartowski/Llama-3.2-1B-Instruct-GGUF",
                "Llama-3.2-1B-Instruct-Q8_0.gguf", 1320, 16, 8, 64),
    };
    return models;
}

std::vector<FoundModel> AppCore::findModels(const std::vector<std::string>& folders,
                                            std::optional<std::size_t> available) {
    hub::DiscoveryRoots roots = hub::DiscoveryRoots::fromEnvironment();
    for (const std::string& f : folders) roots.folders.emplace_back(f);
    std::vector<FoundModel> out;
    for (hub::DiscoveredModel& m : hub::discoverModels(roots)) {
        FoundModel found{std::move(m), std::nullopt};
        // Planned from the shape the discovery read: the header is not read again.
        const hub::DiscoveredModel& d = found.model;
        if (d.supported)
            found.footprint = shapeFootprint(d.config, d.weightsBytes, d.parameters,
                                             std::filesystem::path(d.path).filename().string(), 0, std::nullopt, available);
        out.push_back(std::move(found));
    }
    return out;
}

}  // namespace lectern::app
