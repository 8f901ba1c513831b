// The models already on this computer: the Hugging Face hub cache (snapshot folders: GGUF
// files, and safetensors folders), Ollama's store (manifests naming GGUF blobs), LM Studio's
// and GPT4All's model folders, and folders the user adds. Each is read from its header only
// (no weights): name, size, format, architecture, quantization, trained context, parameters.
// A model Lectern cannot run (another architecture, an unsupported tensor type, a damaged
// file) is listed with the reason, not hidden. No Qt; `lectern-cli models` and the window's
// model picker show the same list (the facade adds whether each fits in memory).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "lectern/engine/model_weights.h"

namespace lectern::hub {

enum class ModelSource { HuggingFace, Ollama, LmStudio, Gpt4All, Folder };
// "Hugging Face", "Ollama", "LM Studio", "GPT4All", "folder".
const char* modelSourceName(ModelSource source);

struct DiscoveredModel {
    ModelSource source = ModelSource::Folder;
    // How the source names it: "bartowski/Llama-3.2-1B-Instruct-GGUF: Llama-3.2-1B-Instruct-Q8_0.gguf",
    // "llama3.1:8b", "lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF/…Q4_K_M.gguf", the file name.
    std::string name;
    std::string path;    // what to load: the GGUF file (an Ollama blob), or the model's folder
    std::string format;  // "gguf", "safetensors"
    std::uint64_t bytes = 0;  // on disk: the file, or the folder's safetensors
    std::string architecture;  // "llama", "qwen2", …; empty when the header cannot be read
    std::string quantization;  // the weights' main type: "Q4_K", "Q8_0", "F16", "BF16"
    std::int64_t nCtxTrain = 0;
    std::int64_t parameters = 0;
    std::int64_t nLayer = 0;
    bool supported = false;
    std::string reason;  // why it is not supported
    // What the header says of a supported model's shape (what its memory plan is made from).
    ModelConfig config;
    std::size_t weightsBytes = 0;
};

// Where to look. Empty roots are not searched; fromEnvironment() fills them as each program
// itself does: $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub;
// $OLLAMA_MODELS, else ~/.ollama/models (and /usr/share/ollama/.ollama/models, the Linux
// service's); ~/.lmstudio/models and ~/.cache/lm-studio/models; $XDG_DATA_HOME/nomic.ai/GPT4All,
// else ~/.local/share/nomic.ai/GPT4All.
struct DiscoveryRoots {
    std::vector<std::filesystem::path> huggingFace;
    std::vector<std::filesystem::path> ollama;
    std::vector<std::filesystem::path> lmStudio;
    std::vector<std::filesystem::path> gpt4All;
    std::vector<std::filesystem::path> folders;  // the user's own, searched 4 levels deep
    static DiscoveryRoots fromEnvironment();
};

// Every model found, each file or folder once (the first source that names it), in the
// order of the roots. Unreadable folders are skipped; this never fails.
std::vector<DiscoveredModel> discoverModels(const DiscoveryRoots& roots);

}  // namespace lectern::hub
