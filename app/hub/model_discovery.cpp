// Finding the models already on this computer (see model_discovery.h). Layouts read:
// - Hugging Face hub cache: models--ORG--NAME/snapshots/COMMIT/ with the files (symlinks
//   into blobs/); a GGUF file is a model, and so is a snapshot with config.json and
//   *.safetensors.
// - Ollama: manifests/HOST/NAMESPACE/MODEL/TAG, JSON whose layer of media type
//   application/vnd.ollama.image.model names the GGUF blob by digest (blobs/sha256-HEX).
// - LM Studio: PUBLISHER/REPOSITORY/*.gguf under its models folder.
// - GPT4All: *.gguf in its data folder.
#include "model_discovery.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "lectern/engine/dtype.h"
#include "lectern/engine/model_info.h"

namespace lectern::hub {
namespace fs = std::filesystem;

const char* modelSourceName(ModelSource source) {
    switch (source) {
        case ModelSource::HuggingFace: return "Hugging Face";
        case ModelSource::Ollama: return "Ollama";
        case ModelSource::LmStudio: return "LM Studio";
        case ModelSource::Gpt4All: return "GPT4All";
        case ModelSource::Folder: return "folder";
    }
    return "folder";
}

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

bool isGguf(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".gguf";
}

bool isDirectory(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// A folder Lectern loads as a Hugging Face model: config.json beside safetensors weights.
bool isSafetensorsFolder(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_regular_file(dir / "config.json", ec)) return false;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".safetensors") return true;
    return false;
}

std::uint64_t sizeOf(const fs::path& p) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
        const auto n = fs::file_size(p, ec);  // follows a snapshot's symlink to its blob
        return ec ? 0 : n;
    }
    std::uint64_t total = 0;
    for (const auto& e : fs::directory_iterator(p, ec))
        if (e.path().extension() == ".safetensors") {
            std::error_code fe;
            const auto n = fs::file_size(e.path(), fe);
            if (!fe) total += n;
        }
    return total;
}

// The weights' main type: the one most tensors have, 32-bit floats (norms) aside.
std::string mainType(const std::map<DType, int>& types) {
    DType best = DType::F32;
    int most = 0;
    for (const auto& [type, n] : types)
        if (type != DType::F32 && n > most) {
            best = type;
            most = n;
        }
    std::string name = dtype_name(best);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    return name;
}

DiscoveredModel describe(ModelSource source, std::string name, const fs::path& path) {
    DiscoveredModel m;
    m.source = source;
    m.name = std::move(name);
    m.path = path.string();
    m.format = isDirectory(path) ? "safetensors" : "gguf";
    m.bytes = sizeOf(path);
    auto info = inspect_model_header(m.path);
    if (info) {
        m.architecture = info->config.architecture.empty() ? "llama" : info->config.architecture;
        m.quantization = mainType(info->tensor_types);
        if (m.format == "safetensors" && info->tensor_types.empty()) m.quantization = "";
        m.nCtxTrain = info->config.n_ctx_train;
        m.parameters = info->parameters;
        m.nLayer = info->config.n_layer;
        m.config = info->config;
        m.weightsBytes = info->weights_bytes;
        m.supported = true;
        return m;
    }
    m.reason = info.error().message;
    if (auto arch = model_architecture(m.path)) m.architecture = *arch;
    return m;
}

class Finder {
public:
    std::vector<DiscoveredModel> found;

    void add(ModelSource source, std::string name, const fs::path& path) {
        std::error_code ec;
        fs::path key = fs::weakly_canonical(path, ec);
        if (ec) key = path;
        if (!m_seen.insert(key.string()).second) return;
        found.push_back(describe(source, std::move(name), path));
    }

    void huggingFace(const fs::path& root) {
        std::error_code ec;
        for (const auto& repoDir : fs::directory_iterator(root, ec)) {
            const std::string folder = repoDir.path().filename().string();
            if (folder.rfind("models--", 0) != 0) continue;
            // models--org--name -> org/name
            std::string repo = folder.substr(8);
            if (auto sep = repo.find("--"); sep != std::string::npos) repo.replace(sep, 2, "/");
            std::vector<fs::path> snapshots;
            std::error_code se;
            for (const auto& s : fs::directory_iterator(repoDir.path() / "snapshots", se))
                if (s.is_directory()) snapshots.push_back(s.path());
            std::sort(snapshots.begin(), snapshots.end());
            for (const fs::path& snap : snapshots) {
                const std::string suffix = snapshots.size() > 1 ? " @" + snap.filename().string().substr(0, 7) : "";
                if (isSafetensorsFolder(snap)) add(ModelSource::HuggingFace, repo + suffix, snap);
                std::vector<fs::path> ggufs;
                std::error_code fe;
                for (auto it = fs::recursive_directory_iterator(snap, fe); !fe && it != fs::recursive_directory_iterator();
                     it.increment(fe)) {
                    if (it.depth() >= 1) it.disable_recursion_pending();  // ORG/NAME/subfolder/file.gguf at most
                    if (isGguf(it->path())) ggufs.push_back(it->path());
                }
                std::sort(ggufs.begin(), ggufs.end());
                for (const fs::path& g : ggufs)
                    add(ModelSource::HuggingFace, repo + suffix + ": " + g.lexically_relative(snap).string(), g);
            }
        }
    }

    void ollama(const fs::path& root) {
        const fs::path manifests = root / "manifests";
        std::vector<fs::path> files;
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(manifests, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->is_regular_file()) files.push_back(it->path());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            std::ifstream in(f, std::ios::binary);
            const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
            if (j.is_discarded() || !j.is_object() || !j.contains("layers") || !j["layers"].is_array()) continue;
            std::string digest;
            for (const auto& layer : j["layers"])
                if (layer.is_object() && layer.value("mediaType", "") == "application/vnd.ollama.image.model")
                    digest = layer.value("digest", "");
            if (digest.empty()) continue;
            std::replace(digest.begin(), digest.end(), ':', '-');
            if (digest.find('/') != std::string::npos) continue;  // a digest, never a path
            // HOST/NAMESPACE/MODEL/TAG -> "MODEL:TAG" for Ollama's own library, else the whole name.
            const fs::path rel = f.lexically_relative(manifests);
            std::vector<std::string> parts;
            for (const auto& p : rel) parts.push_back(p.string());
            if (parts.size() < 2) continue;
            std::string name = parts[parts.size() - 2] + ":" + parts.back();
            if (!(parts.size() == 4 && parts[0] == "registry.ollama.ai" && parts[1] == "library")) {
                name.clear();
                for (std::size_t i = 0; i + 1 < parts.size(); ++i) name += (i ? "/" : "") + parts[i];
                name += ":" + parts.back();
            }
            fs::path blob = root / "blobs" / digest;
            std::error_code be;
            if (!fs::exists(blob, be)) continue;  // a manifest whose model was removed
            add(ModelSource::Ollama, name, blob);
        }
    }

    // GGUF files (and safetensors folders) under `root`, at most `depth` folders down.
    void files(ModelSource source, const fs::path& root, int depth) {
        std::vector<std::pair<std::string, fs::path>> out;
        std::error_code ec;
        if (isSafetensorsFolder(root)) out.emplace_back(root.filename().string(), root);
        for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it.depth() + 1 >= depth) it.disable_recursion_pending();
            const fs::path& p = it->path();
            if (p.filename().string().rfind('.', 0) == 0) {  // hidden: caches, .git
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_directory() && isSafetensorsFolder(p))
                out.emplace_back(p.lexically_relative(root).string(), p);
            else if (isGguf(p) && !it->is_directory())
                out.emplace_back(p.lexically_relative(root).string(), p);
        }
        std::sort(out.begin(), out.end());
        for (auto& [name, path] : out) add(source, name, path);
    }

private:
    std::set<std::string> m_seen;
};

}  // namespace

DiscoveryRoots DiscoveryRoots::fromEnvironment() {
    DiscoveryRoots r;
    const fs::path home = env("HOME");
    if (const std::string hub = env("HF_HUB_CACHE"); !hub.empty()) r.huggingFace.push_back(hub);
    else if (const std::string hf = env("HF_HOME"); !hf.empty()) r.huggingFace.push_back(fs::path(hf) / "hub");
    else if (!home.empty()) r.huggingFace.push_back(home / ".cache" / "huggingface" / "hub");
    if (const std::string o = env("OLLAMA_MODELS"); !o.empty()) r.ollama.push_back(o);
    else {
        if (!home.empty()) r.ollama.push_back(home / ".ollama" / "models");
        r.ollama.push_back("/usr/share/ollama/.ollama/models");
    }
    if (!home.empty()) {
        r.lmStudio.push_back(home / ".lmstudio" / "models");
        r.lmStudio.push_back(home / ".cache" / "lm-studio" / "models");
    }
    if (const std::string data = env("XDG_DATA_HOME"); !data.empty()) r.gpt4All.push_back(fs::path(data) / "nomic.ai" / "GPT4All");
    else if (!home.empty()) r.gpt4All.push_back(home / ".local" / "share" / "nomic.ai" / "GPT4All");
    return r;
}

std::vector<DiscoveredModel> discoverModels(const DiscoveryRoots& roots) {
    Finder f;
    for (const fs::path& r : roots.huggingFace)
        if (isDirectory(r)) f.huggingFace(r);
    for (const fs::path& r : roots.ollama)
        if (isDirectory(r)) f.ollama(r);
    for (const fs::path& r : roots.lmStudio)
        if (isDirectory(r)) f.files(ModelSource::LmStudio, r, 3);
    for (const fs::path& r : roots.gpt4All)
        if (isDirectory(r)) f.files(ModelSource::Gpt4All, r, 1);
    for (const fs::path& r : roots.folders)
        if (isDirectory(r)) f.files(ModelSource::Folder, r, 4);
    return std::move(f.found);
}

}  // namespace lectern::hub
