// Model discovery on folders built here in each layout: a Hugging Face hub cache (a GGUF
// repository with two snapshots' worth of symlinks into blobs/, and a safetensors one),
// Ollama's manifests and blobs, LM Studio's publisher/repository folders, GPT4All's flat
// folder and a folder of the user's; a Qwen GGUF and a Gemma folder stand for models of
// another architecture, listed as unsupported with the reason. Exactly the models laid out
// are found, each once, with what their headers say.
#include "model_discovery.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>

namespace lectern::hub {
namespace {
namespace fs = std::filesystem;

const fs::path kData = LECTERN_TEST_DATA;
const fs::path kTinyQ4 = kData / "gguf" / "llama31-tiny-Q4_0.gguf";
const fs::path kTinyF16 = kData / "gguf" / "llama31-tiny-F16.gguf";
const fs::path kTinyQ8 = kData / "gguf" / "llama31-tiny-Q8_0.gguf";

void place(const fs::path& from, const fs::path& to) {
    fs::create_directories(to.parent_path());
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

void write(const fs::path& to, const std::string& text) {
    fs::create_directories(to.parent_path());
    std::ofstream(to, std::ios::binary) << text;
}

// The smallest GGUF file a model of another architecture could be: version 3, no tensors,
// one key (general.architecture).
void writeForeignGguf(const fs::path& to, const std::string& arch) {
    std::string b = "GGUF";
    auto u32 = [&](std::uint32_t v) { b.append(reinterpret_cast<const char*>(&v), 4); };
    auto u64 = [&](std::uint64_t v) { b.append(reinterpret_cast<const char*>(&v), 8); };
    auto str = [&](const std::string& s) {
        u64(s.size());
        b += s;
    };
    u32(3);
    u64(0);  // tensors
    u64(1);  // keys
    str("general.architecture");
    u32(8);  // string
    str(arch);
    write(to, b);
}

class ModelDiscovery : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/lectern-discovery-XXXXXX";
        ASSERT_NE(mkdtemp(tmpl), nullptr);
        m_root = tmpl;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_root, ec);
    }
    fs::path m_root;
};

TEST_F(ModelDiscovery, FindsExactlyTheModelsOfEachLayoutWithTheirMetadata) {
    DiscoveryRoots roots;
    // Hugging Face: a GGUF repository (the file a symlink into blobs/, as huggingface_hub
    // makes it), a safetensors repository, and a partial download (.incomplete) that is no model.
    const fs::path hf = m_root / "hf" / "hub";
    const fs::path ggufRepo = hf / "models--bartowski--Llama-3.2-1B-Instruct-GGUF";
    place(kTinyQ8, ggufRepo / "blobs" / "0a1b2c");
    fs::create_directories(ggufRepo / "snapshots" / "abc123");
    fs::create_symlink("../../blobs/0a1b2c", ggufRepo / "snapshots" / "abc123" / "Llama-3.2-1B-Instruct-Q8_0.gguf");
    write(ggufRepo / "blobs" / "ffee.incomplete", "partial");
    const fs::path stRepo = hf / "models--meta-llama--Llama-3.1-8B-Instruct" / "snapshots" / "def456";
    for (const auto& e : fs::directory_iterator(kData / "models" / "llama31-tiny"))
        place(e.path(), stRepo / e.path().filename());
    roots.huggingFace = {hf};
    // Ollama: llama3.1:8b from its library, and a user's model from another registry.
    const fs::path ollama = m_root / "ollama" / "models";
    place(kTinyQ4, ollama / "blobs" / "sha256-1111");
    write(ollama / "manifests" / "registry.ollama.ai" / "library" / "llama3.1" / "8b",
          R"({"schemaVersion":2,"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:1111","size":1},
              {"mediaType":"application/vnd.ollama.image.template","digest":"sha256:2222","size":1}]})");
    place(kTinyF16, ollama / "blobs" / "sha256-3333");
    write(ollama / "manifests" / "hf.co" / "someone" / "tiny-llama" / "latest",
          R"({"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:3333"}]})");
    // A manifest whose blob was removed, and one that is not JSON: nothing.
    write(ollama / "manifests" / "registry.ollama.ai" / "library" / "gone" / "latest",
          R"({"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:9999"}]})");
    write(ollama / "manifests" / "registry.ollama.ai" / "library" / "broken" / "latest", "not json");
    roots.ollama = {ollama};
    // LM Studio: publisher/repository/file, plus a Qwen GGUF (another architecture).
    const fs::path lms = m_root / "lmstudio" / "models";
    place(kTinyQ4, lms / "lmstudio-community" / "Meta-Llama-3.1-8B-Instruct-GGUF" / "Meta-Llama-3.1-8B-Instruct-Q4_0.gguf");
    writeForeignGguf(lms / "Qwen" / "Qwen2.5-7B-Instruct-GGUF" / "qwen2.5-7b-instruct-q4_k_m.gguf", "qwen2");
    roots.lmStudio = {lms};
    // GPT4All: a flat folder; what lies in a subfolder is not its model.
    const fs::path gpt4all = m_root / "share" / "nomic.ai" / "GPT4All";
    place(kTinyF16, gpt4all / "Meta-Llama-3-8B-Instruct.Q4_0.gguf");
    place(kTinyF16, gpt4all / "localdocs" / "not-a-model.gguf");
    roots.gpt4All = {gpt4all};
    // The user's folder: a Gemma folder (another architecture) and a damaged GGUF file.
    const fs::path mine = m_root / "my-models";
    write(mine / "gemma-2-9b" / "config.json", R"({"architectures":["Gemma2ForCausalLM"],"model_type":"gemma2"})");
    write(mine / "gemma-2-9b" / "model.safetensors", "x");
    write(mine / "broken.gguf", "GGUF but nothing else");
    // The same Ollama blob named again through a user's folder is listed once.
    roots.folders = {mine};
    fs::create_symlink(ollama / "blobs" / "sha256-1111", mine / "llama3.1-8b.gguf");

    const std::vector<DiscoveredModel> found = discoverModels(roots);
    std::map<std::string, const DiscoveredModel*> byName;
    for (const auto& m : found) {
        EXPECT_TRUE(byName.emplace(m.name, &m).second) << "listed twice: " << m.name;
    }
    const std::vector<std::string> expected = {
        "bartowski/Llama-3.2-1B-Instruct-GGUF: Llama-3.2-1B-Instruct-Q8_0.gguf",
        "meta-llama/Llama-3.1-8B-Instruct",
        "llama3.1:8b",
        "hf.co/someone/tiny-llama:latest",
        "lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF/Meta-Llama-3.1-8B-Instruct-Q4_0.gguf",
        "Qwen/Qwen2.5-7B-Instruct-GGUF/qwen2.5-7b-instruct-q4_k_m.gguf",
        "Meta-Llama-3-8B-Instruct.Q4_0.gguf",
        "broken.gguf",
        "gemma-2-9b",
    };
    std::string names;
    for (const auto& m : found) names += "\n  " + m.name + " (" + modelSourceName(m.source) + ")";
    ASSERT_EQ(found.size(), expected.size()) << names;
    for (const std::string& n : expected) ASSERT_TRUE(byName.count(n)) << n << " not in" << names;

    const auto& hfGguf = *byName.at(expected[0]);
    EXPECT_EQ(hfGguf.source, ModelSource::HuggingFace);
    EXPECT_EQ(hfGguf.format, "gguf");
    EXPECT_EQ(hfGguf.bytes, fs::file_size(kTinyQ8));  // the blob's size, through the symlink
    EXPECT_EQ(hfGguf.quantization, "Q8_0");
    EXPECT_EQ(hfGguf.architecture, "llama");
    EXPECT_EQ(hfGguf.nCtxTrain, 131072);
    EXPECT_EQ(hfGguf.nLayer, 2);
    EXPECT_GT(hfGguf.parameters, 0);
    EXPECT_TRUE(hfGguf.supported) << hfGguf.reason;

    const auto& hfFolder = *byName.at(expected[1]);
    EXPECT_EQ(hfFolder.format, "safetensors");
    EXPECT_EQ(hfFolder.path, stRepo.string());
    EXPECT_EQ(hfFolder.bytes, fs::file_size(stRepo / "model-00001-of-00002.safetensors") +
                                  fs::file_size(stRepo / "model-00002-of-00002.safetensors") +
                                  fs::file_size(stRepo / "golden.safetensors"));
    EXPECT_TRUE(hfFolder.supported) << hfFolder.reason;
    EXPECT_EQ(hfFolder.nCtxTrain, 131072);

    const auto& library = *byName.at("llama3.1:8b");
    EXPECT_EQ(library.source, ModelSource::Ollama);
    EXPECT_EQ(library.path, (ollama / "blobs" / "sha256-1111").string());
    EXPECT_EQ(library.quantization, "Q4_0");
    EXPECT_TRUE(library.supported);
    EXPECT_EQ(byName.at("hf.co/someone/tiny-llama:latest")->quantization, "F16");

    EXPECT_EQ(byName.at(expected[4])->source, ModelSource::LmStudio);
    EXPECT_EQ(byName.at(expected[4])->quantization, "Q4_0");
    const auto& qwen = *byName.at(expected[5]);
    EXPECT_FALSE(qwen.supported);
    EXPECT_EQ(qwen.architecture, "qwen2");
    EXPECT_NE(qwen.reason.find("architecture 'qwen2' is not supported"), std::string::npos) << qwen.reason;

    const auto& gpt = *byName.at(expected[6]);
    EXPECT_EQ(gpt.source, ModelSource::Gpt4All);
    EXPECT_EQ(gpt.quantization, "F16");  // the name says Q4_0; the header says what it holds
    EXPECT_TRUE(gpt.supported);

    const auto& broken = *byName.at("broken.gguf");
    EXPECT_EQ(broken.source, ModelSource::Folder);
    EXPECT_FALSE(broken.supported);
    EXPECT_FALSE(broken.reason.empty());
    const auto& gemma = *byName.at("gemma-2-9b");
    EXPECT_FALSE(gemma.supported);
    EXPECT_EQ(gemma.architecture, "gemma2");
    EXPECT_EQ(gemma.format, "safetensors");
    EXPECT_FALSE(gemma.reason.empty());
}

TEST_F(ModelDiscovery, TheRootsComeFromTheEnvironmentAsEachProgramReadsThem) {
    setenv("HOME", m_root.c_str(), 1);
    unsetenv("HF_HUB_CACHE");
    setenv("HF_HOME", (m_root / "hfhome").c_str(), 1);
    setenv("OLLAMA_MODELS", (m_root / "om").c_str(), 1);
    unsetenv("XDG_DATA_HOME");
    const DiscoveryRoots r = DiscoveryRoots::fromEnvironment();
    ASSERT_EQ(r.huggingFace.size(), 1u);
    EXPECT_EQ(r.huggingFace[0], m_root / "hfhome" / "hub");
    ASSERT_EQ(r.ollama.size(), 1u);
    EXPECT_EQ(r.ollama[0], m_root / "om");
    ASSERT_EQ(r.lmStudio.size(), 2u);
    EXPECT_EQ(r.lmStudio[0], m_root / ".lmstudio" / "models");
    ASSERT_EQ(r.gpt4All.size(), 1u);
    EXPECT_EQ(r.gpt4All[0], m_root / ".local" / "share" / "nomic.ai" / "GPT4All");
    setenv("HF_HUB_CACHE", (m_root / "hubcache").c_str(), 1);
    EXPECT_EQ(DiscoveryRoots::fromEnvironment().huggingFace[0], m_root / "hubcache");
    // Nothing there: nothing found, no error.
    EXPECT_TRUE(discoverModels(DiscoveryRoots::fromEnvironment()).empty());
}

}  // namespace
}  // namespace lectern::hub
